import { AGENCY_CATEGORIES } from '../agencies/agency.entity.js';
import { ELECTION_TYPES } from '../elections/election.entity.js';
import { EVENT_STATUSES, EVENT_TYPES } from '../events/event.entity.js';
import { EMPLOYMENT_TYPES, type EmploymentType } from '../people/nip.js';
import { INDONESIAN_TIMEZONES as TIMEZONES } from '../regions/region.entity.js';
import { ROLES } from '../common/roles.js';
import {
  CHECK_IN_METHODS,
  DEMO_PASSWORD,
  demoData,
  EVENT_TOPICS,
  INVITATION_STATUSES,
  TIMEZONE_OFFSETS,
  type DemoAgency,
  type DemoEvent,
  type DemoPerson,
  type DemoRegion,
} from './demo-data.js';

const { provinces, regions, offices, elections, agencies, people, users, speakers, events, cascades } = demoData;
const allRegions: readonly DemoRegion[] = [...provinces, ...regions];

const regionByCode = new Map(allRegions.map((r) => [r.code, r]));
const agencyKey = (regionCode: string, name: string) => `${regionCode}|${name}`;
const personKey = (regionCode: string, agencyName: string, fullName: string) => `${regionCode}|${agencyName}|${fullName}`;
const agencyByKey = new Map<string, DemoAgency>(agencies.map((a) => [agencyKey(a.regionCode, a.name), a]));
const personByKey = new Map<string, DemoPerson>(people.map((p) => [personKey(p.regionCode, p.agencyName, p.fullName), p]));

/** Duplicated values of a list (empty when all are distinct). */
function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));

/** Null when the NIP fits DESIGN §2 for the employment type, else the reason. */
function nipProblem(nip: string | undefined, type: EmploymentType): string | null {
  if (type === 'NON_ASN' || type === 'EXTERNAL') return nip === undefined ? null : 'NON_ASN/EXTERNAL carry no NIP here';
  if (nip === undefined) return `${type} needs a NIP`;
  if (!/^\d{18}$/.test(nip)) return 'not 18 digits';
  const by = +nip.slice(0, 4);
  const bm = +nip.slice(4, 6);
  if (!isRealDate(by, bm, +nip.slice(6, 8))) return 'birth date is not a real date';
  if (!['1', '2'].includes(nip[14])) return 'gender digit is not 1 or 2';
  if (nip.slice(15) === '000') return 'sequence 000';
  if (type === 'PPPK') {
    const year = +nip.slice(8, 12);
    const code = +nip.slice(12, 14);
    if (year < 2019 || year > 2024) return 'PPPK appointment year outside 2019–2024';
    if (year < by + 18) return 'PPPK appointed before 18';
    if (code >= 1 && code <= 12) return 'PPPK code looks like a month';
    return null;
  }
  const ty = +nip.slice(8, 12);
  const tm = +nip.slice(12, 14);
  if (tm < 1 || tm > 12) return 'TMT month not 01–12';
  if (ty * 100 + tm < (by + 18) * 100 + bm) return 'TMT before the 18th birthday';
  return null;
}

/** The offset a timestamp must carry in its region, and whether the string is an ISO time with it. */
function hasRegionOffset(iso: string, regionCode: string): boolean {
  const region = regionByCode.get(regionCode);
  if (!region) return false;
  const offset = TIMEZONE_OFFSETS[region.timezone];
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?[+-]\d{2}:\d{2}$/.test(iso) && iso.endsWith(offset) && !Number.isNaN(Date.parse(iso));
}

const ms = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('demo data', () => {
  it('exports a documented demo password', () => {
    expect(DEMO_PASSWORD).toBe('Netralitas-Demo-2024');
  });

  it('regions: unique Kemendagri codes, provinces at the top, children under their province', () => {
    const errors: string[] = [];
    errors.push(...duplicates(allRegions.map((r) => r.code)).map((c) => `duplicate region code ${c}`));
    for (const p of provinces) {
      if (p.level !== 'PROVINCE' || p.parentCode !== null || !/^\d{2}$/.test(p.code)) errors.push(`bad province ${p.code}`);
    }
    for (const r of regions) {
      const parent = r.parentCode === null ? undefined : regionByCode.get(r.parentCode);
      if (!parent || parent.level !== 'PROVINCE') errors.push(`${r.code}: parent is not a province`);
      if (!new RegExp(`^${r.parentCode}\\.\\d{2}$`).test(r.code)) errors.push(`${r.code}: code not under ${r.parentCode}`);
      if (r.level === 'PROVINCE') errors.push(`${r.code}: province among regencies/cities`);
      if (r.level === 'CITY' && !r.name.startsWith('Kota ')) errors.push(`${r.code}: city not named Kota …`);
      if (r.level === 'REGENCY' && !r.name.startsWith('Kabupaten ')) errors.push(`${r.code}: regency not named Kabupaten …`);
    }
    for (const r of allRegions) if (!TIMEZONES.includes(r.timezone)) errors.push(`${r.code}: bad timezone`);
    expect(errors).toEqual([]);
    expect(regionByCode.get('35.79')?.timezone).toBe('Asia/Jakarta');
    expect(regionByCode.get('64.71')?.timezone).toBe('Asia/Makassar');
  });

  it('offices: one per story region, signed by the head of its Kesbangpol as registered among its people', () => {
    expect(offices.map((o) => o.regionCode).sort()).toEqual(regions.map((r) => r.code).sort());
    for (const office of offices) {
      const head = people.find((p) => p.regionCode === office.regionCode && p.fullName === office.signatory.name);
      expect([office.regionCode, head?.agencyName, head?.nip]).toEqual([office.regionCode, expect.stringMatching(/^Badan Kesatuan Bangsa dan Politik /), office.signatory.nip]);
      expect(nipProblem(office.signatory.nip, 'PNS')).toBeNull();
      expect(office.government).toBe(`PEMERINTAH ${regionByCode.get(office.regionCode)?.name.toUpperCase()}`);
    }
  });

  it('elections: unique names, valid types and dates', () => {
    expect(duplicates(elections.map((e) => e.name))).toEqual([]);
    for (const e of elections) {
      expect(ELECTION_TYPES).toContain(e.type);
      expect(isIsoDate(e.votingDate)).toBe(true);
    }
  });

  it('agencies: unique per region, valid categories, parents resolve, plausible headcounts', () => {
    const errors: string[] = [];
    errors.push(...duplicates(agencies.map((a) => agencyKey(a.regionCode, a.name))).map((k) => `duplicate agency ${k}`));
    for (const a of agencies) {
      const where = `${a.regionCode} ${a.name}`;
      if (!regionByCode.has(a.regionCode)) errors.push(`${where}: unknown region`);
      if (!AGENCY_CATEGORIES.includes(a.category)) errors.push(`${where}: bad category`);
      if (!a.shortName || !a.headTitle) errors.push(`${where}: missing shortName/headTitle`);
      if (!isIsoDate(a.headcountAsOf)) errors.push(`${where}: bad headcountAsOf`);
      const { pns, pppk, nonAsn } = a.headcount;
      if (![pns, pppk, nonAsn].every((n) => Number.isInteger(n) && n >= 0) || pns + pppk + nonAsn === 0) errors.push(`${where}: bad headcount`);
      if (a.parentAgencyName !== undefined) {
        const parent = agencyByKey.get(agencyKey(a.regionCode, a.parentAgencyName));
        if (!parent) errors.push(`${where}: parent ${a.parentAgencyName} not found`);
        else if (parent.name === a.name) errors.push(`${where}: its own parent`);
      }
      if ((a.category === 'KELURAHAN' || a.category === 'DESA') && agencyByKey.get(agencyKey(a.regionCode, a.parentAgencyName ?? ''))?.category !== 'KECAMATAN') {
        errors.push(`${where}: kelurahan/desa without a kecamatan parent`);
      }
    }
    expect(errors).toEqual([]);
  });

  it('people: agency resolves, names unique per agency, NIPs valid and unique per region', () => {
    const errors: string[] = [];
    errors.push(...duplicates(people.map((p) => personKey(p.regionCode, p.agencyName, p.fullName))).map((k) => `duplicate person ${k}`));
    errors.push(...duplicates(people.filter((p) => p.nip).map((p) => `${p.regionCode}|${p.nip}`)).map((k) => `duplicate NIP ${k}`));
    for (const p of people) {
      const where = `${p.regionCode} ${p.fullName}`;
      if (!agencyByKey.has(agencyKey(p.regionCode, p.agencyName))) errors.push(`${where}: agency ${p.agencyName} not found`);
      if (!EMPLOYMENT_TYPES.includes(p.employmentType)) errors.push(`${where}: bad employment type`);
      const problem = nipProblem(p.nip, p.employmentType);
      if (problem) errors.push(`${where}: NIP ${p.nip ?? '-'}: ${problem}`);
      if (p.phone !== undefined && !/^08\d{8,11}$/.test(p.phone)) errors.push(`${where}: bad phone`);
      if (p.email !== undefined && !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/.test(p.email)) errors.push(`${where}: bad email`);
      if (!p.position) errors.push(`${where}: no position`);
    }
    expect(errors).toEqual([]);
  });

  it('people: every region has people of several employment types', () => {
    for (const r of regions) {
      const own = people.filter((p) => p.regionCode === r.code);
      expect(own.length).toBeGreaterThanOrEqual(10);
      expect(new Set(own.map((p) => p.employmentType)).size).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(people.map((p) => p.employmentType))).toEqual(new Set(EMPLOYMENT_TYPES));
  });

  it('the NIP check itself rejects bad NIPs', () => {
    expect(nipProblem('196805141993031004', 'PNS')).toBeNull();
    expect(nipProblem('199002112022212041', 'PPPK')).toBeNull();
    expect(nipProblem('19680514199303100', 'PNS')).toBe('not 18 digits');
    expect(nipProblem('196802301993031004', 'PNS')).toBe('birth date is not a real date');
    expect(nipProblem('196805141993131004', 'PNS')).toBe('TMT month not 01–12');
    expect(nipProblem('196805141980031004', 'PNS')).toBe('TMT before the 18th birthday');
    expect(nipProblem('196805141993033004', 'PNS')).toBe('gender digit is not 1 or 2');
    expect(nipProblem('199002112022052041', 'PPPK')).toBe('PPPK code looks like a month');
  });

  it('users: one login per email, each bound as its role requires', () => {
    const errors: string[] = [];
    errors.push(...duplicates(users.map((u) => u.email)).map((e) => `duplicate email ${e}`));
    for (const u of users) {
      if (u.email !== u.email.toLowerCase() || !u.email.endsWith('@demo.netralitas.id')) errors.push(`${u.email}: not a lower-case demo address`);
      if (!ROLES.includes(u.role)) errors.push(`${u.email}: bad role`);
      if (u.role !== 'ADMIN' && !regionByCode.has(u.regionCode)) errors.push(`${u.email}: unknown region`);
      if (u.role === 'AGENCY_REP' && !agencyByKey.has(agencyKey(u.regionCode, u.agencyName))) errors.push(`${u.email}: unknown agency`);
    }
    expect(errors).toEqual([]);
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(ROLES));
  });

  it('speakers: unique per region registry', () => {
    expect(duplicates(speakers.map((s) => `${s.regionCode}|${s.fullName}`))).toEqual([]);
    for (const s of speakers) {
      expect(regionByCode.has(s.regionCode)).toBe(true);
      expect(s.title && s.organization).toBeTruthy();
    }
  });

  describe('events', () => {
    const localDate = (e: DemoEvent) => e.startsAt.slice(0, 10);

    it('have unique natural keys and one story event per region', () => {
      expect(duplicates(events.map((e) => `${e.regionCode}|${e.title}|${localDate(e)}`))).toEqual([]);
      for (const r of regions) expect(events.filter((e) => e.regionCode === r.code && e.status === 'COMPLETED')).toHaveLength(1);
    });

    it.each(events.map((e) => [`${e.regionCode} ${e.title}`, e] as const))('%s is internally consistent', (_name, e) => {
      const errors: string[] = [];
      const start = ms(e.startsAt);
      const end = ms(e.endsAt);

      if (!regionByCode.has(e.regionCode)) errors.push('unknown region');
      if (!EVENT_TYPES.includes(e.type) || !EVENT_STATUSES.includes(e.status)) errors.push('bad type/status');
      if (e.topics.length === 0 || !e.topics.every((t) => EVENT_TOPICS.includes(t))) errors.push('bad topics');
      for (const [field, value] of [['startsAt', e.startsAt], ['endsAt', e.endsAt]] as const) {
        if (!hasRegionOffset(value, e.regionCode)) errors.push(`${field} ${value} lacks the region's offset`);
      }
      if (!(end > start)) errors.push('endsAt is not after startsAt');
      if (!(e.capacity > 0)) errors.push('capacity must be positive');
      if (e.electionName !== null) {
        const election = elections.find((x) => x.name === e.electionName);
        if (!election) errors.push(`unknown election ${e.electionName}`);
        else if (localDate(e) > election.votingDate) errors.push('held after the election it prepares for');
      }
      if (e.status === 'COMPLETED' && end > Date.now()) errors.push('COMPLETED but not over yet');
      if (e.status === 'COMPLETED' && !e.letterNumber) errors.push('COMPLETED without a letter number');

      // Speakers
      const orders = e.speakers.map((s) => s.order);
      if (duplicates(orders.map(String)).length > 0) errors.push('duplicate speaker order');
      for (const s of e.speakers) {
        if (!speakers.some((x) => x.regionCode === e.regionCode && x.fullName === s.speakerName)) errors.push(`speaker ${s.speakerName} not in the region's registry`);
        if (!hasRegionOffset(s.startsAt, e.regionCode) || !hasRegionOffset(s.endsAt, e.regionCode)) errors.push(`speaker ${s.speakerName}: times lack the region's offset`);
        if (!(ms(s.endsAt) > ms(s.startsAt))) errors.push(`speaker ${s.speakerName}: ends before it starts`);
        if (ms(s.startsAt) < start || ms(s.endsAt) > end) errors.push(`speaker ${s.speakerName}: outside the event`);
        if (!s.topic) errors.push(`speaker ${s.speakerName}: no topic`);
      }

      // Invitations
      if ((e.status === 'DRAFT' || e.status === 'CANCELLED') && e.invitations.length > 0) errors.push('invitations on a DRAFT/CANCELLED event');
      errors.push(...duplicates(e.invitations.map((i) => i.agencyName)).map((a) => `two invitations for ${a}`));
      const attendeeKeys: string[] = [];
      for (const inv of e.invitations) {
        const where = `invitation ${inv.agencyName}`;
        if (!agencyByKey.has(agencyKey(e.regionCode, inv.agencyName))) errors.push(`${where}: agency not in the region`);
        if (!INVITATION_STATUSES.includes(inv.status)) errors.push(`${where}: bad status`);
        if (!Number.isInteger(inv.seats) || inv.seats < 1) errors.push(`${where}: bad seats`);
        if (inv.attendees.length > inv.seats) errors.push(`${where}: ${inv.attendees.length} attendees > ${inv.seats} seats`);
        if (inv.status !== 'CONFIRMED' && inv.attendees.length > 0) errors.push(`${where}: attendees on a ${inv.status} invitation`);
        if (inv.status === 'CONFIRMED' && inv.attendees.length === 0) errors.push(`${where}: confirmed without attendees`);
        if (inv.status === 'PENDING' && inv.respondedAt !== undefined) errors.push(`${where}: pending but answered`);
        if (inv.status !== 'PENDING') {
          if (inv.respondedAt === undefined || !hasRegionOffset(inv.respondedAt, e.regionCode)) errors.push(`${where}: respondedAt missing or without the region's offset`);
          else if (ms(inv.respondedAt) >= start) errors.push(`${where}: answered after the event started`);
        }
        if (inv.addresseePersonName !== undefined && !personByKey.has(personKey(e.regionCode, inv.agencyName, inv.addresseePersonName))) {
          errors.push(`${where}: addressee ${inv.addresseePersonName} not in the agency`);
        }
        for (const a of inv.attendees) {
          if (!personByKey.has(personKey(e.regionCode, inv.agencyName, a.fullName))) errors.push(`${where}: attendee ${a.fullName} not in the agency`);
          if (a.fullName === inv.addresseePersonName && a.delegate) errors.push(`${where}: the invited head marked as a delegate`);
          attendeeKeys.push(`${inv.agencyName}|${a.fullName}`);
        }
      }
      errors.push(...duplicates(attendeeKeys).map((k) => `${k} named twice`));

      // Check-ins
      if (e.status === 'DRAFT' && e.checkIns.length > 0) errors.push('check-ins on a DRAFT event');
      errors.push(...duplicates(e.checkIns.map((c) => `${c.agencyName}|${c.fullName}`)).map((k) => `${k} checked in twice`));
      errors.push(...duplicates(e.checkIns.flatMap((c) => (c.clientCheckinId ? [c.clientCheckinId] : []))).map((k) => `clientCheckinId ${k} reused`));
      const confirmedAttendees = new Set(
        e.invitations.filter((i) => i.status === 'CONFIRMED').flatMap((i) => i.attendees.map((a) => `${i.agencyName}|${a.fullName}`)),
      );
      for (const c of e.checkIns) {
        const key = `${c.agencyName}|${c.fullName}`;
        if (!personByKey.has(personKey(e.regionCode, c.agencyName, c.fullName))) errors.push(`check-in ${key}: unknown person`);
        if (!CHECK_IN_METHODS.includes(c.method)) errors.push(`check-in ${key}: bad method`);
        if (c.method === 'OFFLINE_SYNC' && !c.clientCheckinId) errors.push(`check-in ${key}: offline without clientCheckinId`);
        if (!hasRegionOffset(c.checkedInAt, e.regionCode)) errors.push(`check-in ${key}: time lacks the region's offset`);
        const t = ms(c.checkedInAt);
        if (t < start - 3 * HOUR || t > end + 6 * HOUR) errors.push(`check-in ${key}: outside [startsAt − 3 h, endsAt + 6 h]`);
        if (c.walkIn && confirmedAttendees.has(key)) errors.push(`check-in ${key}: walk-in but named on an invitation`);
        if (!c.walkIn && !confirmedAttendees.has(key)) errors.push(`check-in ${key}: not a confirmed attendee and not a walk-in`);
      }
      const walkIns = e.checkIns.filter((c) => c.walkIn).length;
      if (confirmedAttendees.size + walkIns > e.capacity) errors.push('registrations exceed capacity');

      expect(errors).toEqual([]);
    });

    it('no speaker is booked in two overlapping events', () => {
      const slots = events.flatMap((e) => e.speakers.map((s) => ({ key: `${e.regionCode}|${s.speakerName}`, event: e, from: ms(e.startsAt), to: ms(e.endsAt) })));
      for (const a of slots) {
        for (const b of slots) {
          if (a !== b && a.key === b.key && a.event !== b.event) expect(a.from < b.to && b.from < a.to).toBe(false);
        }
      }
    });
  });

  it('cascades: agency and source event resolve, reach within headcount, held after the event', () => {
    const errors: string[] = [];
    errors.push(...duplicates(cascades.map((c) => `${c.regionCode}|${c.agencyName}|${c.heldOn}`)).map((k) => `duplicate cascade ${k}`));
    for (const c of cascades) {
      const where = `cascade ${c.regionCode} ${c.agencyName} ${c.heldOn}`;
      const agency = agencyByKey.get(agencyKey(c.regionCode, c.agencyName));
      if (!agency) errors.push(`${where}: unknown agency`);
      if (!isIsoDate(c.heldOn)) errors.push(`${where}: bad heldOn`);
      if (agency && (c.reached.pns > agency.headcount.pns || c.reached.pppk > agency.headcount.pppk || c.reached.nonAsn > agency.headcount.nonAsn)) {
        errors.push(`${where}: reaches more than the headcount`);
      }
      if (c.sourceEvent) {
        const ref = c.sourceEvent;
        const source = events.find((e) => e.regionCode === c.regionCode && e.title === ref.title && e.startsAt.slice(0, 10) === ref.date);
        if (!source) errors.push(`${where}: source event not found`);
        else if (c.heldOn < ref.date) errors.push(`${where}: held before its source event`);
      }
    }
    expect(errors).toEqual([]);
  });
});
