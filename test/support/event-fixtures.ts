import type { RegionRef } from './fixtures.js';
import type { TestApp } from './test-app.js';

export interface EventRef {
  id: string;
  title: string;
  status: string;
  startsAt: string;
  endsAt: string;
  [field: string]: unknown;
}

export interface SpeakerRef {
  id: string;
  fullName: string;
  regionId: string;
}

async function created<T>(what: string, response: { status: number; body: unknown }): Promise<T> {
  if (response.status !== 201) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/** A WIT region: Papua (91) and Kota Jayapura (91.71), Asia/Jayapura. */
export async function createJayapura(t: TestApp): Promise<{ papua: RegionRef; jayapura: RegionRef }> {
  const create = async (body: Record<string, unknown>) =>
    created<RegionRef>('region', await t.http().post('/api/v1/regions').set('Authorization', t.adminToken).send(body));
  const papua = await create({ code: '91', name: 'Papua', level: 'PROVINCE', timezone: 'Asia/Jayapura' });
  const jayapura = await create({ code: '91.71', name: 'Kota Jayapura', level: 'CITY', timezone: 'Asia/Jayapura' });
  return { papua, jayapura };
}

/** The Kota Batu sosialisasi of 29 October 2024 (seed 000), 13.00–16.00 WIB, as a request body. */
export function eventBody(regionId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    regionId,
    title: 'Sosialisasi Netralitas ASN dan Anti Radikalisme',
    type: 'SOSIALISASI',
    topics: ['NETRALITAS_ASN', 'ANTI_RADIKALISME'],
    organizer: 'Bakesbangpol Kota Batu',
    venueName: 'GOR Gajah Mada',
    venueAddress: 'Jl. Gajah Mada, Kecamatan Batu, Kota Batu',
    startsAt: '2024-10-29T13:00:00+07:00',
    endsAt: '2024-10-29T16:00:00+07:00',
    capacity: 500,
    letterNumber: '000.1.2/1234/35.79.401/2024',
    ...overrides,
  };
}

export async function createEvent(t: TestApp, token: string, body: Record<string, unknown>): Promise<EventRef> {
  return created<EventRef>('event', await t.http().post('/api/v1/events').set('Authorization', token).send(body));
}

/** Creates and publishes: a SCHEDULED event. */
export async function createScheduledEvent(t: TestApp, token: string, body: Record<string, unknown>): Promise<EventRef> {
  const event = await createEvent(t, token, body);
  const response = await t.http().post(`/api/v1/events/${event.id}/publish`).set('Authorization', token);
  if (response.status !== 200) throw new Error(`publish: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as EventRef;
}

export async function createSpeaker(t: TestApp, token: string, body: Record<string, unknown>): Promise<SpeakerRef> {
  return created<SpeakerRef>('speaker', await t.http().post('/api/v1/speakers').set('Authorization', token).send(body));
}

export async function createElection(t: TestApp, body: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const election = { name: 'Pilkada Serentak 2024', type: 'SERENTAK', votingDate: '2024-11-27', ...body };
  return created('election', await t.http().post('/api/v1/elections').set('Authorization', t.adminToken).send(election));
}

/** Replaces an event's programme; returns the raw response so tests can check refusals. */
export function setProgramme(t: TestApp, token: string, eventId: string, speakers: Array<Record<string, unknown>>, force?: boolean) {
  return t
    .http()
    .put(`/api/v1/events/${eventId}/speakers`)
    .set('Authorization', token)
    .send(force === undefined ? { speakers } : { speakers, force });
}

/** Field names of a problem+json 400. */
export function fieldsOf(body: { errors?: Array<{ field: string }> }): string[] {
  return (body.errors ?? []).map((error) => error.field);
}
