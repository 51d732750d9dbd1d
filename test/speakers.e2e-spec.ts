import { createCast, createRegions, type TestUser } from './support/fixtures.js';
import { createEvent, createSpeaker, type EventRef, eventBody, fieldsOf, setProgramme, type SpeakerRef } from './support/event-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type User = TestUser;

describe('elections, speakers and the programme', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let organizerBatu: User;
  let organizerJatim: User;
  let organizerBalikpapan: User;
  let viewerBatu: User;
  let checkinBatu: User;

  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    ({ organizerBatu, organizerJatim, organizerBalikpapan, viewerBatu, checkinBatu } = await createCast(t, r));
  });
  afterAll(() => t.close());

  const get = (path: string, token: string) => t.http().get(`/api/v1${path}`).set('Authorization', token);
  const post = (path: string, token: string, body?: object) => t.http().post(`/api/v1${path}`).set('Authorization', token).send(body);
  const patch = (path: string, token: string, body: object) => t.http().patch(`/api/v1${path}`).set('Authorization', token).send(body);

  describe('elections', () => {
    it('lets ADMIN add an election and every role read them', async () => {
      const created = await post('/elections', t.adminToken, { name: 'Pemilu Serentak 2024', type: 'SERENTAK', votingDate: '2024-02-14' }).expect(201);
      expect(created.body).toMatchObject({ id: expect.any(String), name: 'Pemilu Serentak 2024', type: 'SERENTAK', votingDate: '2024-02-14' });
      await post('/elections', t.adminToken, { name: 'Pilkada Serentak 2024', type: 'SERENTAK', votingDate: '2024-11-27' }).expect(201);
      for (const user of [organizerBatu, viewerBatu, checkinBatu]) {
        const list = await get('/elections', user.token).expect(200);
        expect(list.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
        // Latest election first.
        expect(list.body.items.map((e: { name: string }) => e.name)).toEqual(['Pilkada Serentak 2024', 'Pemilu Serentak 2024']);
      }
      const one = await get(`/elections/${created.body.id}`, viewerBatu.token).expect(200);
      expect(one.body).toEqual(created.body);
    });

    it('keeps everyone but ADMIN from adding elections', async () => {
      for (const user of [organizerBatu, organizerJatim, viewerBatu, checkinBatu]) {
        await post('/elections', user.token, { name: 'Pilwali Batu 2024', type: 'PILWALI', votingDate: '2024-11-27' }).expect(403);
      }
    });

    it('refuses a duplicate name with 409, whatever its case', async () => {
      const response = await post('/elections', t.adminToken, { name: 'pilkada serentak 2024', type: 'PILGUB', votingDate: '2024-11-27' }).expect(409);
      expect(response.body.errors).toEqual([{ field: 'name', message: 'is already used' }]);
    });

    it.each([
      [{ name: 'Pilgub Jatim 2024', type: 'PILGUB', votingDate: '2024-13-01' }, 'votingDate'],
      [{ name: 'Pilgub Jatim 2024', type: 'PILGUB', votingDate: '2024-02-30' }, 'votingDate'],
      [{ name: 'Pilgub Jatim 2024', type: 'PILGUB', votingDate: '2024-11-27T07:00:00+07:00' }, 'votingDate'],
      [{ name: 'Pilgub Jatim 2024', type: 'PILKADES', votingDate: '2024-11-27' }, 'type'],
      [{ type: 'PILGUB', votingDate: '2024-11-27' }, 'name'],
      [{ name: 'Pilgub Jatim 2024', type: 'PILGUB', votingDate: '2024-11-27', round: 2 }, 'round'],
    ])('refuses %j with a 400 naming %s', async (body, field) => {
      const response = await post('/elections', t.adminToken, body).expect(400);
      expect(fieldsOf(response.body)).toContain(field);
    });
  });

  describe('speakers', () => {
    let bawaslu: SpeakerRef;

    beforeAll(async () => {
      bawaslu = await createSpeaker(t, organizerBatu.token, { fullName: 'Dr. H. Ahmad Fauzi, S.H., M.H.', title: 'Ketua Bawaslu Kota Batu', organization: 'Bawaslu Kota Batu' });
      await createSpeaker(t, organizerJatim.token, { regionId: r.malang.id, fullName: 'Siti Aminah, S.Sos.', title: 'Kepala Bakesbangpol Kabupaten Malang', organization: 'Bakesbangpol Kabupaten Malang' });
      await createSpeaker(t, organizerBalikpapan.token, { fullName: 'Sutadi', title: 'Kepala Kesbangpol Kota Balikpapan' });
    });

    it("creates a speaker in the organizer's own registry", async () => {
      expect(bawaslu).toMatchObject({ regionId: r.batu.id, fullName: 'Dr. H. Ahmad Fauzi, S.H., M.H.', title: 'Ketua Bawaslu Kota Batu', organization: 'Bawaslu Kota Batu' });
      const noTitle = await createSpeaker(t, organizerBatu.token, { fullName: 'Islah Bahrawi' });
      expect(noTitle).toMatchObject({ title: null, organization: null });
    });

    it('lists the registries within reach, searched and filtered', async () => {
      const city = await get('/speakers', organizerBatu.token).expect(200);
      expect(city.body.items.every((s: SpeakerRef) => s.regionId === r.batu.id)).toBe(true);
      const province = await get('/speakers', organizerJatim.token).expect(200);
      expect(new Set(province.body.items.map((s: SpeakerRef) => s.regionId))).toEqual(new Set([r.batu.id, r.malang.id]));
      const malang = await get(`/speakers?regionId=${r.malang.id}`, organizerJatim.token).expect(200);
      expect(malang.body.items.map((s: SpeakerRef) => s.fullName)).toEqual(['Siti Aminah, S.Sos.']);
      const search = await get('/speakers?q=bawaslu', organizerJatim.token).expect(200);
      expect(search.body.items.map((s: SpeakerRef) => s.id)).toEqual([bawaslu.id]);
      await get(`/speakers?regionId=${r.balikpapan.id}`, organizerBatu.token).expect(404);
    });

    it('lets VIEWER read the registry but not write; CHECKIN has no business there', async () => {
      await get('/speakers', viewerBatu.token).expect(200);
      await get(`/speakers/${bawaslu.id}`, viewerBatu.token).expect(200);
      await post('/speakers', viewerBatu.token, { fullName: 'Nama Baru' }).expect(403);
      await patch(`/speakers/${bawaslu.id}`, viewerBatu.token, { title: 'X' }).expect(403);
      await get('/speakers', checkinBatu.token).expect(403);
      await post('/speakers', checkinBatu.token, { fullName: 'Nama Baru' }).expect(403);
    });

    it('updates a speaker, clearing optional fields with null', async () => {
      const updated = await patch(`/speakers/${bawaslu.id}`, organizerBatu.token, { title: 'Anggota Bawaslu Kota Batu', organization: null }).expect(200);
      expect(updated.body).toMatchObject({ id: bawaslu.id, fullName: bawaslu.fullName, title: 'Anggota Bawaslu Kota Batu', organization: null });
    });

    it("answers 404 for another region's speaker", async () => {
      await get(`/speakers/${bawaslu.id}`, organizerBalikpapan.token).expect(404);
      await patch(`/speakers/${bawaslu.id}`, organizerBalikpapan.token, { title: 'Ketua Bawaslu' }).expect(404);
      await post('/speakers', organizerBalikpapan.token, { regionId: r.batu.id, fullName: 'Penyusup' }).expect(404);
      await get(`/speakers/${bawaslu.id}`, organizerJatim.token).expect(200);
    });

    it.each([
      ['post', {}, 'fullName'],
      ['post', { fullName: 'A' }, 'fullName'],
      ['post', { fullName: 'Nama Lengkap', title: '' }, 'title'],
      ['post', { fullName: 'Nama Lengkap', phone: '0812' }, 'phone'],
      ['post', { fullName: 'Nama Lengkap', regionId: 'batu' }, 'regionId'],
      ['patch', { fullName: null }, 'fullName'],
      ['patch', { regionId: '6f1c3a52-8a4e-4c1e-9d57-0d1f0f6f2b11' }, 'regionId'],
    ])('refuses %s %j with a 400 naming %s', async (method, body, field) => {
      const response = method === 'post' ? await post('/speakers', organizerBatu.token, body) : await patch(`/speakers/${bawaslu.id}`, organizerBatu.token, body);
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
    });
  });

  describe('the programme and double booking', () => {
    let speaker: SpeakerRef;
    let other: SpeakerRef;
    const at = (day: number, hour: number, minute = 0) => `2024-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`;
    const event = (title: string, day: number, from: number, to: number) =>
      createEvent(t, organizerBatu.token, eventBody(r.batu.id, { title, startsAt: at(day, from), endsAt: at(day, to) }));
    const slot = (speakerId: string, day: number, from: number, to: number, order = 1, topic = 'Netralitas ASN dalam Pilkada Serentak 2024') => ({
      speakerId,
      topic,
      startsAt: at(day, from),
      endsAt: at(day, to),
      order,
    });

    beforeAll(async () => {
      speaker = await createSpeaker(t, organizerBatu.token, { fullName: 'Prof. Dr. Said Agil', title: 'Anggota Dewan Pengarah BPIP' });
      other = await createSpeaker(t, organizerBatu.token, { fullName: 'Supriyanto, S.Sos., M.H.', title: 'Staf Ahli Bidang SDM' });
    });

    it('sets the programme in order, with local times, and replaces it on the next PUT', async () => {
      const gor = await event('Sosialisasi di GOR', 1, 13, 16);
      const response = await setProgramme(t, organizerBatu.token, gor.id, [slot(other.id, 1, 14, 15, 2, 'Media sosial dan hoaks'), slot(speaker.id, 1, 13, 14, 1)]).expect(200);
      expect(response.body.speakers).toEqual([
        expect.objectContaining({ speakerId: speaker.id, fullName: speaker.fullName, title: 'Anggota Dewan Pengarah BPIP', order: 1, startsAtLocal: at(1, 13), endsAtLocal: at(1, 14), startsAt: '2024-10-01T06:00:00.000Z' }),
        expect.objectContaining({ speakerId: other.id, order: 2, topic: 'Media sosial dan hoaks' }),
      ]);
      expect((await t.http().get(`/api/v1/events/${gor.id}`).set('Authorization', viewerBatu.token)).status).toBe(404); // still a draft
      const replaced = await setProgramme(t, organizerBatu.token, gor.id, [slot(other.id, 1, 13, 16)]).expect(200);
      expect(replaced.body.speakers.map((s: { speakerId: string }) => s.speakerId)).toEqual([other.id]);
      const cleared = await setProgramme(t, organizerBatu.token, gor.id, []).expect(200);
      expect(cleared.body.speakers).toEqual([]);
    });

    it('refuses a speaker booked in an overlapping event with 409 naming it, unless forced', async () => {
      const first = await event('Sosialisasi Netralitas ASN Kecamatan Batu', 2, 13, 16);
      const overlapping = await event('Rakor Pengawasan Partisipatif', 2, 15, 17);
      const backToBack = await event('Apel Ikrar Netralitas', 2, 17, 19);
      await setProgramme(t, organizerBatu.token, first.id, [slot(speaker.id, 2, 13, 14)]).expect(200);

      // The slots themselves do not overlap: the events do, and the speaker cannot be in both.
      const refused = await setProgramme(t, organizerBatu.token, overlapping.id, [slot(speaker.id, 2, 16, 17)]).expect(409);
      expect(refused.body.type).toMatch(/\/speaker-double-booked$/);
      expect(refused.body.detail).toContain(first.title);
      expect(refused.body.detail).toContain(first.id);
      expect(refused.body.detail).toContain('13.00–16.00 WIB');
      expect(refused.body.conflicts).toEqual([
        { speakerId: speaker.id, speakerName: speaker.fullName, eventId: first.id, eventTitle: first.title, startsAt: first.startsAt, endsAt: first.endsAt },
      ]);
      expect((await t.http().get(`/api/v1/events/${overlapping.id}`).set('Authorization', organizerBatu.token)).body.speakers).toEqual([]);

      const forced = await setProgramme(t, organizerBatu.token, overlapping.id, [slot(speaker.id, 2, 16, 17)], true).expect(200);
      expect(forced.body.speakers).toHaveLength(1);
      const audit = await t.http().get(`/api/v1/audit-log?entity=event&entityId=${overlapping.id}`).set('Authorization', organizerBatu.token).expect(200);
      expect(audit.body.items[0]).toMatchObject({ action: 'set-speakers', changes: { forced: true, conflicts: [{ speakerId: speaker.id, eventId: first.id }] } });

      // 17:00 is when `overlapping` ends and `backToBack` starts: no overlap.
      await setProgramme(t, organizerBatu.token, backToBack.id, [slot(speaker.id, 2, 17, 18)]).expect(200);
    });

    it('does not count a cancelled event', async () => {
      const cancelled = await event('Sosialisasi yang dibatalkan', 3, 9, 12);
      await setProgramme(t, organizerBatu.token, cancelled.id, [slot(speaker.id, 3, 9, 10)]).expect(200);
      const same = await event('Sosialisasi pengganti', 3, 9, 12);
      await setProgramme(t, organizerBatu.token, same.id, [slot(speaker.id, 3, 9, 10)]).expect(409);
      await t.http().post(`/api/v1/events/${cancelled.id}/cancel`).set('Authorization', organizerBatu.token).send({ reason: 'Diganti acara lain' }).expect(200);
      await setProgramme(t, organizerBatu.token, same.id, [slot(speaker.id, 3, 9, 10)]).expect(200);
      // The cancelled event keeps its programme: cancelling records, it does not erase.
      expect((await t.http().get(`/api/v1/events/${cancelled.id}`).set('Authorization', organizerBatu.token)).body.speakers).toHaveLength(1);
    });

    it('lets only one of two concurrent bookings of the same speaker through', async () => {
      const unbooked = await createSpeaker(t, organizerBatu.token, { fullName: 'Islah Bahrawi', title: 'Direktur Jaringan Moderat Indonesia' });
      for (let round = 0; round < 5; round += 1) {
        const day = 10 + round;
        const [a, b] = await Promise.all([event(`Paralel A${round}`, day, 9, 12), event(`Paralel B${round}`, day, 10, 13)]);
        const [first, second] = await Promise.all([
          setProgramme(t, organizerBatu.token, a.id, [slot(unbooked.id, day, 10, 11)]),
          setProgramme(t, organizerBatu.token, b.id, [slot(unbooked.id, day, 11, 12)]),
        ]);
        expect([first.status, second.status].sort()).toEqual([200, 409]);
      }
    });

    it('checks moves of an event against its programme and its speakers', async () => {
      const moved = await event('Bimtek yang dipindah', 20, 9, 12);
      const busy = await event('Acara lain narasumber', 20, 13, 15);
      await setProgramme(t, organizerBatu.token, moved.id, [slot(speaker.id, 20, 10, 11)]).expect(200);
      await setProgramme(t, organizerBatu.token, busy.id, [slot(speaker.id, 20, 13, 14)]).expect(200);

      // Another day leaves the programme behind: it has to be changed first.
      const outside = await patch(`/events/${moved.id}`, organizerBatu.token, { startsAt: at(21, 9), endsAt: at(21, 12) }).expect(409);
      expect(outside.body.type).toMatch(/\/programme-outside-event$/);
      await patch(`/events/${moved.id}`, organizerBatu.token, { startsAt: at(20, 10, 30) }).expect(409);
      // Running into the afternoon would put the speaker in two events at once.
      const clash = await patch(`/events/${moved.id}`, organizerBatu.token, { endsAt: at(20, 14) }).expect(409);
      expect(clash.body.type).toMatch(/\/speaker-double-booked$/);
      expect(clash.body.detail).toContain(busy.id);
      // Up to the start of the other event is fine.
      const lengthened = await patch(`/events/${moved.id}`, organizerBatu.token, { endsAt: at(20, 13) }).expect(200);
      expect(lengthened.body.endsAtLocal).toBe(at(20, 13));
    });

    it.each([
      [[slot('S', 4, 12, 14)], 'speakers.0.startsAt'],
      [[slot('S', 4, 15, 17)], 'speakers.0.endsAt'],
      [[slot('S', 4, 14, 14)], 'speakers.0.endsAt'],
      [[slot('S', 4, 14, 13)], 'speakers.0.endsAt'],
      [[slot('S', 4, 13, 14, 1), slot('S', 4, 14, 15, 1)], 'speakers.1.order'],
      [[{ ...slot('S', 4, 13, 14), order: 0 }], 'speakers.0.order'],
      [[{ ...slot('S', 4, 13, 14), startsAt: '2024-10-04 13:00' }], 'speakers.0.startsAt'],
      [[{ ...slot('S', 4, 13, 14), topic: undefined }], 'speakers.0.topic'],
      [[{ ...slot('S', 4, 13, 14), speakerId: 'said-agil' }], 'speakers.0.speakerId'],
      [[{ ...slot('S', 4, 13, 14), room: 'Aula' }], 'speakers.0.room'],
      [[slot('6f1c3a52-8a4e-4c1e-9d57-0d1f0f6f2b11', 4, 13, 14)], 'speakers.0.speakerId'],
      ['not a list', 'speakers'],
    ])('refuses the programme %j with a 400 naming %s', async (speakers, field) => {
      const target = await event('Sosialisasi 4 Oktober', 4, 13, 16);
      const body = Array.isArray(speakers) ? speakers.map((s) => (s.speakerId === 'S' ? { ...s, speakerId: speaker.id } : s)) : speakers;
      const response = await t.http().put(`/api/v1/events/${target.id}/speakers`).set('Authorization', organizerBatu.token).send({ speakers: body }).expect(400);
      expect(fieldsOf(response.body)).toContain(field);
    });

    it("takes speakers from the event's own region only", async () => {
      const malangSpeaker = await createSpeaker(t, organizerJatim.token, { regionId: r.malang.id, fullName: 'Pembicara Malang' });
      const batuEvent = await event('Sosialisasi 5 Oktober', 5, 9, 12);
      const byProvince = await setProgramme(t, organizerJatim.token, batuEvent.id, [slot(malangSpeaker.id, 5, 9, 10)]).expect(400);
      expect(byProvince.body.errors).toEqual([{ field: 'speakers.0.speakerId', message: expect.stringContaining("another region's registry") }]);
      // Unreachable speakers read as unknown ones.
      const balikpapanSpeaker = await createSpeaker(t, organizerBalikpapan.token, { fullName: 'Pembicara Balikpapan' });
      const byCity = await setProgramme(t, organizerBatu.token, batuEvent.id, [slot(balikpapanSpeaker.id, 5, 9, 10)]).expect(400);
      expect(byCity.body.errors).toEqual([{ field: 'speakers.0.speakerId', message: `speaker ${balikpapanSpeaker.id} was not found` }]);
    });

    it('freezes the programme of a completed event', async () => {
      const done: EventRef = await event('Sosialisasi selesai', 6, 9, 12);
      await t.http().post(`/api/v1/events/${done.id}/publish`).set('Authorization', organizerBatu.token).expect(200);
      await t.http().post(`/api/v1/events/${done.id}/complete`).set('Authorization', organizerBatu.token).expect(200);
      const response = await setProgramme(t, organizerBatu.token, done.id, [slot(speaker.id, 6, 9, 10)]).expect(409);
      expect(response.body.type).toMatch(/\/event-not-editable$/);
      expect(response.body.eventStatus).toMatch(/^(COMPLETED|CANCELLED)$/);
    });
  });
});
