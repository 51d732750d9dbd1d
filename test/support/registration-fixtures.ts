import { DataSource } from 'typeorm';
import { randomToken } from '../../src/common/codes.js';
import { EventsRepository } from '../../src/events/events.repository.js';
import { newTicketCode } from '../../src/invitations/registration.entity.js';
import type { TestApp } from './test-app.js';

/**
 * Invitations answered without the invitations API (which is built alongside check-in): the
 * rows a confirmation writes, in one transaction — the invitation CONFIRMED with its
 * `attendees` counter, one registration per attendee with a ticket code from `newTicketCode`, and
 * the event's seats taken through EventsRepository.takeSeats, the same conditional update.
 * Replace with calls to `POST /invitations/:id/respond` once that route exists.
 */

export interface RegistrationRef {
  id: string;
  personId: string;
  ticketCode: string;
  delegate: boolean;
}

export interface Attendee {
  personId: string;
  delegate?: boolean;
}

export async function confirmInvitation(
  t: TestApp,
  event: { id: string },
  agencyId: string,
  attendees: readonly Attendee[],
  options: { seats?: number; addresseeTitle?: string } = {},
): Promise<{ invitationId: string; registrations: RegistrationRef[] }> {
  const dataSource = t.app.get(DataSource);
  const events = t.app.get(EventsRepository);
  return dataSource.transaction(async (manager) => {
    const [{ region_id: regionId }] = (await manager.query('SELECT region_id FROM events WHERE id = $1', [event.id])) as Array<{ region_id: string }>;
    const [{ id: invitationId }] = (await manager.query(
      `INSERT INTO invitations (region_id, event_id, agency_id, addressee_title, seats, status, responded_at, token)
       VALUES ($1, $2, $3, $4, $5, 'CONFIRMED', now(), $6) RETURNING id`,
      [regionId, event.id, agencyId, options.addresseeTitle ?? 'Kepala Dinas', options.seats ?? Math.max(1, attendees.length), randomToken()],
    )) as Array<{ id: string }>;
    const registrations = (await manager.query(
      `INSERT INTO registrations (region_id, event_id, person_id, agency_id, invitation_id, delegate, ticket_code)
       SELECT $1, $2, a."personId", $3, $4, a.delegate, a."ticketCode"
         FROM jsonb_to_recordset($5::jsonb) AS a("personId" uuid, delegate boolean, "ticketCode" text)
       RETURNING id, person_id AS "personId", ticket_code AS "ticketCode", delegate`,
      [regionId, event.id, agencyId, invitationId, JSON.stringify(attendees.map((a) => ({ personId: a.personId, delegate: a.delegate ?? false, ticketCode: newTicketCode() })))],
    )) as RegistrationRef[];
    await manager.query('UPDATE invitations SET attendees = attendees + $2 WHERE id = $1', [invitationId, registrations.length]);
    if (registrations.length > 0) await events.takeSeats(manager, event.id, registrations.length);
    return { invitationId, registrations };
  });
}

/** An invitation not answered yet, or declined (with a reason): invited, no registrations. */
export async function unansweredInvitation(t: TestApp, event: { id: string }, agencyId: string, answer: { status: 'PENDING' } | { status: 'DECLINED'; reason?: string } = { status: 'PENDING' }): Promise<string> {
  const [{ id }] = (await t.app.get(DataSource).query(
    `INSERT INTO invitations (region_id, event_id, agency_id, addressee_title, seats, status, responded_at, reason, token)
     SELECT e.region_id, e.id, $2, 'Kepala', 3, $3::invitation_status, CASE WHEN $3 = 'PENDING' THEN NULL ELSE now() END, $4, $5
       FROM events e WHERE e.id = $1
     RETURNING id`,
    [event.id, agencyId, answer.status, answer.status === 'DECLINED' ? (answer.reason ?? null) : null, randomToken()],
  )) as Array<{ id: string }>;
  return id;
}
