import ICAL from 'ical.js';
import type { Response } from 'supertest';
import { createRegions, createUser, type TestUser } from './support/fixtures.js';
import { createEvent, createJayapura, createScheduledEvent, createSpeaker, type EventRef, eventBody, setProgramme } from './support/event-fixtures.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type User = TestUser;

function calendarOf(response: Response): ICAL.Component {
  return new ICAL.Component(ICAL.parse(response.text));
}

function eventsOf(response: Response): Map<string, ICAL.Event> {
  const events = calendarOf(response)
    .getAllSubcomponents('vevent')
    .map((component) => new ICAL.Event(component));
  return new Map(events.map((event) => [event.uid.replace(/@netralitas$/, ''), event]));
}

describe('calendar files', () => {
  let t: TestApp;
  let r: Awaited<ReturnType<typeof createRegions>>;
  let jayapura: Awaited<ReturnType<typeof createJayapura>>['jayapura'];
  let organizerBatu: User;
  let organizerBalikpapan: User;
  let viewerBatu: User;
  let checkinBatu: User;
  let scheduled: EventRef;
  let draft: EventRef;
  let completed: EventRef;
  let cancelled: EventRef;

  const get = (path: string, token?: string) => {
    const request = t.http().get(`/api/v1${path}`);
    return token ? request.set('Authorization', token) : request;
  };
  const post = (path: string, token: string, body?: object) => t.http().post(`/api/v1${path}`).set('Authorization', token).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    r = await createRegions(t);
    ({ jayapura } = await createJayapura(t));
    [organizerBatu, organizerBalikpapan, viewerBatu, checkinBatu] = await Promise.all([
      createUser(t, 'ORGANIZER', { regionId: r.batu.id }),
      createUser(t, 'ORGANIZER', { regionId: r.balikpapan.id }),
      createUser(t, 'VIEWER', { regionId: r.batu.id }),
      createUser(t, 'CHECKIN', { regionId: r.batu.id }),
    ]);
    scheduled = await createScheduledEvent(t, organizerBatu.token, eventBody(r.batu.id));
    draft = await createEvent(t, organizerBatu.token, eventBody(r.batu.id, { title: 'Rakor persiapan (draf)', type: 'RAKOR', startsAt: '2024-10-22T09:00:00+07:00', endsAt: '2024-10-22T11:00:00+07:00' }));
    completed = await createScheduledEvent(t, organizerBatu.token, eventBody(r.batu.id, { title: 'Apel Ikrar Netralitas ASN', type: 'APEL_IKRAR', startsAt: '2024-10-14T07:30:00+07:00', endsAt: '2024-10-14T09:00:00+07:00' }));
    await post(`/events/${completed.id}/complete`, organizerBatu.token).expect(200);
    cancelled = await createScheduledEvent(t, organizerBatu.token, eventBody(r.batu.id, { title: 'Bimtek Pengawasan Partisipatif', type: 'BIMTEK', startsAt: '2024-11-05T08:00:00+07:00', endsAt: '2024-11-05T15:00:00+07:00' }));
    await post(`/events/${cancelled.id}/cancel`, organizerBatu.token, { reason: 'Bertepatan dengan masa tenang' }).expect(200);
  });
  afterAll(() => t.close());

  describe('GET /events/:id.ics', () => {
    it('answers an iCalendar file with a file name, next to the JSON of the same event', async () => {
      const ics = await get(`/events/${scheduled.id}.ics`, organizerBatu.token).expect(200);
      expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(ics.headers['content-disposition']).toBe('attachment; filename="sosialisasi-netralitas-asn-dan-anti-radikalisme-2024-10-29.ics"');
      expect(ics.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
      const json = await get(`/events/${scheduled.id}`, organizerBatu.token).expect(200);
      expect(json.headers['content-type']).toMatch(/^application\/json/);
    });

    it('holds the exact instants, the place, the organizer and the local time', async () => {
      const response = await get(`/events/${scheduled.id}.ics`, viewerBatu.token).expect(200);
      const event = eventsOf(response).get(scheduled.id)!;
      expect(event.summary).toBe(scheduled.title);
      expect(event.startDate.toJSDate()).toEqual(new Date('2024-10-29T06:00:00Z'));
      expect(event.endDate.toJSDate()).toEqual(new Date('2024-10-29T09:00:00Z'));
      expect(event.location).toBe('GOR Gajah Mada, Jl. Gajah Mada, Kecamatan Batu, Kota Batu');
      expect(event.description).toContain('Selasa, 29 Oktober 2024, 13.00–16.00 WIB');
      expect(event.description).toContain('Penyelenggara: Bakesbangpol Kota Batu');
      expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
      expect(calendarOf(response).getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Jakarta');
    });

    it('raises the sequence on every change and lists the programme', async () => {
      const event = await createScheduledEvent(t, organizerBatu.token, eventBody(r.batu.id, { title: 'Sosialisasi berubah', startsAt: '2024-12-02T09:00:00+07:00', endsAt: '2024-12-02T12:00:00+07:00' }));
      const sequence = async () => Number(eventsOf(await get(`/events/${event.id}.ics`, organizerBatu.token).expect(200)).get(event.id)!.component.getFirstPropertyValue('sequence'));
      const published = await sequence();
      await t.http().patch(`/api/v1/events/${event.id}`).set('Authorization', organizerBatu.token).send({ venueName: 'Balai Kota Among Tani' }).expect(200);
      const moved = await sequence();
      expect(moved).toBeGreaterThan(published);
      const speaker = await createSpeaker(t, organizerBatu.token, { fullName: 'Islah Bahrawi', title: 'Direktur Jaringan Moderat Indonesia' });
      await setProgramme(t, organizerBatu.token, event.id, [{ speakerId: speaker.id, topic: 'Bahaya radikalisme', startsAt: '2024-12-02T10:00:00+07:00', endsAt: '2024-12-02T11:00:00+07:00', order: 1 }]).expect(200);
      const withProgramme = await get(`/events/${event.id}.ics`, organizerBatu.token).expect(200);
      const ical = eventsOf(withProgramme).get(event.id)!;
      expect(Number(ical.component.getFirstPropertyValue('sequence'))).toBeGreaterThan(moved);
      expect(ical.description).toContain('1. 10.00–11.00 WIB — Islah Bahrawi, Direktur Jaringan Moderat Indonesia: Bahaya radikalisme');
      expect(ical.location).toContain('Balai Kota Among Tani');
    });

    it('marks a cancelled event as cancelled, with the reason', async () => {
      const response = await get(`/events/${cancelled.id}.ics`, organizerBatu.token).expect(200);
      const event = eventsOf(response).get(cancelled.id)!;
      expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(event.summary).toBe('DIBATALKAN: Bimtek Pengawasan Partisipatif');
      expect(event.description).toContain('DIBATALKAN: Bertepatan dengan masa tenang');
      expect(event.startDate.toJSDate()).toEqual(new Date('2024-11-05T01:00:00Z'));
    });

    it('writes WIT events with their instants and local time', async () => {
      const organizerJayapura = await createUser(t, 'ORGANIZER', { regionId: jayapura.id });
      const wit = await createScheduledEvent(t, organizerJayapura.token, eventBody(jayapura.id, { title: 'Sosialisasi Netralitas ASN Kota Jayapura', organizer: 'Kesbangpol Kota Jayapura', startsAt: '2024-10-29T10:00:00+09:00', endsAt: '2024-10-29T12:00:00+09:00' }));
      const response = await get(`/events/${wit.id}.ics`, organizerJayapura.token).expect(200);
      const event = eventsOf(response).get(wit.id)!;
      expect(event.startDate.toJSDate()).toEqual(new Date('2024-10-29T01:00:00Z'));
      expect(event.description).toContain('10.00–12.00 WIT');
      expect(calendarOf(response).getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Jayapura');
    });

    it('follows the rules of GET /events/:id: tenancy, drafts, tokens, ids', async () => {
      await get(`/events/${scheduled.id}.ics`, organizerBalikpapan.token).expect(404);
      await get(`/events/${draft.id}.ics`, organizerBalikpapan.token).expect(404);
      await get(`/events/${draft.id}.ics`, viewerBatu.token).expect(404);
      await get(`/events/${draft.id}.ics`, organizerBatu.token).expect(200);
      await get(`/events/${scheduled.id}.ics`, checkinBatu.token).expect(200);
      await get(`/events/${scheduled.id}.ics`).expect(401);
      const bad = await get('/events/not-a-uuid.ics', organizerBatu.token).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
      await get('/events/6f1c3a52-8a4e-4c1e-9d57-0d1f0f6f2b11.ics', organizerBatu.token).expect(404);
    });
  });

  describe('GET /regions/:id/events.ics', () => {
    // The feed holds the events that ended at most a year ago and the upcoming ones, so these
    // are placed relative to today (the fixtures above are in October 2024).
    const day = 86_400_000;
    const at = (days: number, hours = 0) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate(), 2) + days * day + hours * 3_600_000).toISOString();
    const inDays = (days: number, title: string, extra: Record<string, unknown> = {}) => eventBody(r.batu.id, { title, startsAt: at(days), endsAt: at(days, 3), ...extra });
    let feedScheduled: EventRef;
    let feedDraft: EventRef;
    let feedCompleted: EventRef;
    let feedCancelled: EventRef;
    let lastYear: EventRef;
    let overAYearAgo: EventRef;
    beforeAll(async () => {
      feedScheduled = await createScheduledEvent(t, organizerBatu.token, inDays(30, 'Sosialisasi Netralitas ASN bulan depan'));
      feedDraft = await createEvent(t, organizerBatu.token, inDays(20, 'Rakor persiapan (draf)', { type: 'RAKOR' }));
      feedCompleted = await createScheduledEvent(t, organizerBatu.token, inDays(-30, 'Apel Ikrar Netralitas ASN', { type: 'APEL_IKRAR' }));
      await post(`/events/${feedCompleted.id}/complete`, organizerBatu.token).expect(200);
      feedCancelled = await createScheduledEvent(t, organizerBatu.token, inDays(40, 'Bimtek Pengawasan Partisipatif', { type: 'BIMTEK' }));
      await post(`/events/${feedCancelled.id}/cancel`, organizerBatu.token, { reason: 'Bertepatan dengan masa tenang' }).expect(200);
      lastYear = await createScheduledEvent(t, organizerBatu.token, inDays(-360, 'Sosialisasi sebelas bulan lalu'));
      overAYearAgo = await createScheduledEvent(t, organizerBatu.token, inDays(-370, 'Sosialisasi lebih dari setahun lalu'));
    });

    it('gives organizers every event of the region, drafts as tentative', async () => {
      const response = await get(`/regions/${r.batu.id}/events.ics`, organizerBatu.token).expect(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(response.headers['content-disposition']).toBe('attachment; filename="netralitas-35.79.ics"');
      expect(calendarOf(response).getFirstPropertyValue('x-wr-calname')).toBe('Netralitas ASN — Kota Batu');
      const events = eventsOf(response);
      const status = (event: EventRef) => events.get(event.id)?.component.getFirstPropertyValue('status');
      expect(status(feedScheduled)).toBe('CONFIRMED');
      expect(status(feedCompleted)).toBe('CONFIRMED');
      expect(status(feedCancelled)).toBe('CANCELLED');
      expect(status(feedDraft)).toBe('TENTATIVE');
      expect(events.get(feedCompleted.id)!.startDate.toJSDate()).toEqual(new Date(feedCompleted.startsAt));
    });

    it('holds the events of the last year and the upcoming ones, not the older ones', async () => {
      const events = eventsOf(await get(`/regions/${r.batu.id}/events.ics`, organizerBatu.token).expect(200));
      expect(events.has(lastYear.id)).toBe(true);
      expect(events.has(overAYearAgo.id)).toBe(false);
      // The October 2024 fixtures are past the window too, but each still has its own file.
      expect(events.has(completed.id)).toBe(false);
      await get(`/events/${completed.id}.ics`, organizerBatu.token).expect(200);
    });

    it('leaves drafts out for readers who do not write events', async () => {
      for (const reader of [viewerBatu, checkinBatu]) {
        const events = eventsOf(await get(`/regions/${r.batu.id}/events.ics`, reader.token).expect(200));
        expect(events.has(feedDraft.id)).toBe(false);
        expect([feedScheduled, feedCompleted, feedCancelled].every((event) => events.has(event.id))).toBe(true);
      }
    });

    it("holds only that region's events, and is a valid calendar when there are none", async () => {
      const batu = eventsOf(await get(`/regions/${r.batu.id}/events.ics`, organizerBatu.token).expect(200));
      expect([...batu.values()].every((event) => !event.summary.includes('Jayapura'))).toBe(true);
      const empty = await get(`/regions/${r.balikpapan.id}/events.ics`, organizerBalikpapan.token).expect(200);
      expect(eventsOf(empty).size).toBe(0);
      expect(calendarOf(empty).getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Makassar');
    });

    it("answers 404 for another tenant's region and 401 without a token", async () => {
      await get(`/regions/${r.batu.id}/events.ics`, organizerBalikpapan.token).expect(404);
      await get(`/regions/${r.balikpapan.id}/events.ics`, viewerBatu.token).expect(404);
      await get(`/regions/${r.batu.id}/events.ics`).expect(401);
      await get('/regions/35.79/events.ics', organizerBatu.token).expect(400);
    });
  });
});
