import type { EmploymentType } from '../people/nip.js';
import type { DemoAttendee, DemoCheckIn, DemoEvent, DemoInvitation, DemoPerson } from './demo-data.js';

/**
 * The rest of a full hall: the people a story names are a handful, the hall held hundreds. This
 * makes up the others, the same way every time (no randomness: loading twice gives the same
 * people, tickets aside), so that the daftar hadir, the counts and the coverage of the demo look
 * like a real event — ordinary staff named on their agency's invitation, heads who sent a
 * delegate, walk-ins, a few who confirmed and did not come, and scans that went through the
 * offline queue while the hall's Wi-Fi was down. Every made-up person is fictional.
 */

export interface CrowdAgency {
  agencyName: string;
  /** How many more people the invitation names (on top of the story's attendees). */
  extra: number;
  /** Of those, how many did not come in the end (the last ones named). */
  absent?: number;
  /** Jabatan, cycled. */
  positions: readonly string[];
  /** Every n-th person is a PPPK / a non-ASN (no NIP); the others PNS. */
  pppkEvery?: number;
  nonAsnEvery?: number;
}

/** An invitation the story does not mention: the head sent a delegate (the first person), with staff. */
export interface CrowdInvitation extends CrowdAgency {
  addresseeTitle: string;
  respondedAt: string;
}

export interface CrowdWalkIns {
  agencyName: string;
  count: number;
  employmentType: EmploymentType;
  position: string;
}

export interface CrowdPlan {
  regionCode: string;
  /** Extra attendees on the story's confirmed invitations (their seats grow to fit). */
  agencies: readonly CrowdAgency[];
  /** Invitations added to the story's, each with a delegate. */
  invitations: readonly CrowdInvitation[];
  walkIns: readonly CrowdWalkIns[];
  /** Arrivals are spread over `minutes` from `opensAt` (ISO with the region's offset). */
  opensAt: string;
  minutes: number;
  /** Scans on this device inside [from, to) minutes after opening went through the offline queue. */
  outage: { deviceId: string; from: number; to: number };
}

const FIRST_NAMES = [
  'Adi', 'Agus', 'Ani', 'Arif', 'Bambang', 'Budi', 'Candra', 'Dedi', 'Dewi', 'Dian', 'Eko', 'Endang', 'Fitri', 'Gunawan', 'Hadi', 'Heni', 'Indah', 'Joko', 'Kurnia',
  'Lestari', 'Lina', 'Mahmud', 'Mulyadi', 'Nanik', 'Nining', 'Purnomo', 'Rahmat', 'Retno', 'Rudi', 'Sari', 'Slamet', 'Sri', 'Teguh', 'Tutik', 'Wahyu', 'Yuli', 'Zainal',
] as const;
const LAST_NAMES = [
  'Andriani', 'Ardiansyah', 'Budiman', 'Cahyani', 'Darmawan', 'Effendi', 'Fauziah', 'Firmansyah', 'Hakim', 'Handoko', 'Hartono', 'Hidayat', 'Irawati', 'Kusuma',
  'Kusumawati', 'Lestiani', 'Maharani', 'Mardiana', 'Nugroho', 'Nurhayati', 'Permana', 'Pratama', 'Purwanto', 'Rahayu', 'Ramadhani', 'Santoso', 'Saputra', 'Setiawan',
  'Sulistyo', 'Susanti', 'Syahputra', 'Utami', 'Wibowo', 'Widodo', 'Wijaya', 'Yulianti', 'Yusuf', 'Zulkarnain', 'Prasetya', 'Anggraeni', 'Kurniasih',
] as const;
const DEGREES = ['S.Pd.', 'S.E.', 'S.Sos.', 'S.Kom.', 'S.H.', 'A.Md.', 'S.AP.', 'S.T.', 'M.Si.', ''] as const;

/**
 * The crowd of one event: the people to add to the registry, and the event with its invitations
 * grown, the added invitations, and every arrival checked in.
 */
export function fillTheHall(event: DemoEvent, plan: CrowdPlan): { people: DemoPerson[]; event: DemoEvent } {
  const people: DemoPerson[] = [];
  const checkIns: DemoCheckIn[] = [];
  const opensAt = Date.parse(plan.opensAt);
  const offset = plan.opensAt.slice(-6);
  // One counter over the whole crowd: names, NIPs and arrival times all follow from it.
  let k = 0;

  const person = (agencyName: string, position: string, employmentType: EmploymentType): DemoPerson => {
    const fullName = crowdName(k);
    const nip = employmentType === 'PNS' ? pnsNip(k) : employmentType === 'PPPK' ? pppkNip(k) : undefined;
    const made: DemoPerson = { regionCode: plan.regionCode, agencyName, fullName, employmentType, position, ...(nip ? { nip } : {}) };
    people.push(made);
    return made;
  };

  const arrive = (made: DemoPerson, walkIn: boolean) => {
    const minute = (k * 13) % plan.minutes;
    const deviceId = `batu-pintu-${(k % 3) + 1}`;
    const offline = deviceId === plan.outage.deviceId && minute >= plan.outage.from && minute < plan.outage.to;
    const method = offline ? 'OFFLINE_SYNC' : walkIn || k % 10 === 0 ? 'MANUAL' : 'QR';
    checkIns.push({
      agencyName: made.agencyName,
      fullName: made.fullName,
      checkedInAt: localIso(opensAt + minute * 60_000 + ((k * 17) % 60) * 1000, offset),
      method,
      deviceId,
      ...(offline ? { clientCheckinId: `${deviceId}-${String(500 + k).padStart(6, '0')}` } : {}),
      ...(walkIn ? { walkIn: true } : {}),
    });
  };

  /** Names `agency.extra` people; the first is a delegate when asked. */
  const attendeesOf = (agency: CrowdAgency, firstIsDelegate: boolean): DemoAttendee[] =>
    Array.from({ length: agency.extra }, (_, i) => {
      const type: EmploymentType = agency.nonAsnEvery && i % agency.nonAsnEvery === agency.nonAsnEvery - 1 ? 'NON_ASN' : agency.pppkEvery && i % agency.pppkEvery === agency.pppkEvery - 1 ? 'PPPK' : 'PNS';
      const made = person(agency.agencyName, agency.positions[i % agency.positions.length], type);
      if (i < agency.extra - (agency.absent ?? 0)) arrive(made, false);
      k += 1;
      return { fullName: made.fullName, delegate: firstIsDelegate && i === 0 };
    });

  const grown: DemoInvitation[] = event.invitations.map((invitation) => {
    const agency = plan.agencies.find((a) => a.agencyName === invitation.agencyName);
    if (!agency || invitation.status !== 'CONFIRMED') return invitation;
    const attendees = [...invitation.attendees, ...attendeesOf(agency, false)];
    return { ...invitation, seats: Math.max(invitation.seats, attendees.length), attendees };
  });
  const added: DemoInvitation[] = plan.invitations.map((invitation) => ({
    agencyName: invitation.agencyName,
    addresseeTitle: invitation.addresseeTitle,
    seats: invitation.extra,
    status: 'CONFIRMED',
    respondedAt: invitation.respondedAt,
    attendees: attendeesOf(invitation, true),
  }));
  for (const group of plan.walkIns) {
    for (let i = 0; i < group.count; i += 1) {
      arrive(person(group.agencyName, group.position, group.employmentType), true);
      k += 1;
    }
  }
  return { people, event: { ...event, invitations: [...grown, ...added], checkIns: [...event.checkIns, ...checkIns] } };
}

/** "Sri Hartono, S.Pd.": first and last names cycle at coprime lengths, so names repeat only after 1,517 people. */
function crowdName(k: number): string {
  const degree = DEGREES[k % DEGREES.length];
  const name = `${FIRST_NAMES[k % FIRST_NAMES.length]} ${LAST_NAMES[k % LAST_NAMES.length]}`;
  return degree ? `${name}, ${degree}` : name;
}

/** A valid PNS NIP: born 1968–1997, appointed at 24–28, sequence from 500 up (the story's people have low ones). */
function pnsNip(k: number): string {
  const birthYear = 1968 + (k % 30);
  const birth = `${birthYear}${pad(1 + (k % 12))}${pad(1 + (k % 28))}`;
  const appointed = `${Math.min(birthYear + 24 + (k % 5), 2022)}${pad(1 + ((k * 5) % 12))}`;
  return `${birth}${appointed}${1 + (k % 2)}${String(500 + (k % 500)).padStart(3, '0')}`;
}

/** A valid PPPK NIP: appointed 2021–2023 with code 21. */
function pppkNip(k: number): string {
  const birthYear = 1975 + (k % 22);
  return `${birthYear}${pad(1 + (k % 12))}${pad(1 + (k % 28))}${2021 + (k % 3)}21${1 + (k % 2)}${String(500 + (k % 500)).padStart(3, '0')}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** '2024-10-29T12:07:34+07:00' for an instant and a fixed offset. */
function localIso(instant: number, offset: string): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return `${new Date(instant + minutes * 60_000).toISOString().slice(0, 19)}${offset}`;
}
