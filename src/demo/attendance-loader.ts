import type { EntityManager } from 'typeorm';
import { newTicketCode } from '../invitations/registration.entity.js';
import type { DemoData, DemoEvent } from './demo-data.js';

/**
 * The attendance of the stories' events, after their invitations are loaded: a registration per
 * walk-in (with a ticket code), the events' seat counts, and the check-ins. Set-based, one
 * statement per table, keyed by the tables' own unique keys — (event, person) for registrations
 * and check-ins — so running it again adds nothing. Events are matched by region, title
 * and start, agencies by name, people by agency and name (DemoData's natural keys).
 */
export async function loadDemoAttendance(manager: EntityManager, data: DemoData): Promise<void> {
  const events = data.events.filter((event) => event.invitations.length > 0 || event.checkIns.length > 0);
  const eventKey = (event: DemoEvent) => ({ regionCode: event.regionCode, title: event.title, startsAt: event.startsAt });
  const json = (rows: readonly object[]) => JSON.stringify(rows);
  const EVENT_JOIN = `JOIN regions rg ON rg.code = x."regionCode"
         JOIN events e ON e.region_id = rg.id AND e.title = x.title AND e.starts_at = x."startsAt"::timestamptz`;

  // The invitations and their attendees' registrations are the invitations loader's; the door
  // registered the walk-ins.
  const walkIns = events.flatMap((event) =>
    event.checkIns.filter((checkIn) => checkIn.walkIn).map((checkIn) => ({ ...eventKey(event), agencyName: checkIn.agencyName, fullName: checkIn.fullName, ticketCode: newTicketCode() })),
  );
  await manager.query(
    `INSERT INTO registrations (region_id, event_id, person_id, agency_id, invitation_id, delegate, ticket_code)
     SELECT e.region_id, e.id, p.id, a.id, NULL, false, x."ticketCode"
       FROM jsonb_to_recordset($1::jsonb) AS x("regionCode" text, title text, "startsAt" text, "agencyName" text, "fullName" text, "ticketCode" text)
       ${EVENT_JOIN}
       JOIN agencies a ON a.region_id = e.region_id AND lower(a.name) = lower(x."agencyName")
       JOIN people p ON p.agency_id = a.id AND lower(p.full_name) = lower(x."fullName")
     ON CONFLICT ON CONSTRAINT uq_registrations_event_person DO NOTHING`,
    [json(walkIns)],
  );

  // The seats taken are the registrations held (the check constraint keeps them within capacity).
  await manager.query(
    `UPDATE events e SET registered = n.count
       FROM (SELECT r.event_id, count(*)::int AS count FROM registrations r WHERE r.event_id = ANY($1::uuid[]) GROUP BY r.event_id) n
      WHERE e.id = n.event_id AND e.registered <> n.count`,
    [await demoEventIds(manager, events.map(eventKey))],
  );

  // The door's records: how each person was identified follows from how they were scanned.
  const checkIns = events.flatMap((event) =>
    event.checkIns.map((checkIn) => ({
      ...eventKey(event),
      agencyName: checkIn.agencyName,
      fullName: checkIn.fullName,
      checkedInAt: checkIn.checkedInAt,
      method: checkIn.method,
      identifiedBy: checkIn.walkIn ? 'WALK_IN' : checkIn.method === 'MANUAL' ? 'PERSON' : 'TICKET',
      deviceId: checkIn.deviceId ?? null,
      clientCheckinId: checkIn.clientCheckinId ?? null,
    })),
  );
  await manager.query(
    `INSERT INTO check_ins (region_id, event_id, person_id, agency_id, registration_id, checked_in_at, method, identified_by, device_id, client_checkin_id)
     SELECT r.region_id, r.event_id, r.person_id, r.agency_id, r.id, x."checkedInAt"::timestamptz, x.method::check_in_method, x."identifiedBy"::check_in_identified_by,
            x."deviceId", x."clientCheckinId"
       FROM jsonb_to_recordset($1::jsonb) AS x("regionCode" text, title text, "startsAt" text, "agencyName" text, "fullName" text, "checkedInAt" text, method text,
            "identifiedBy" text, "deviceId" text, "clientCheckinId" text)
       ${EVENT_JOIN}
       JOIN agencies a ON a.region_id = e.region_id AND lower(a.name) = lower(x."agencyName")
       JOIN people p ON p.agency_id = a.id AND lower(p.full_name) = lower(x."fullName")
       JOIN registrations r ON r.region_id = e.region_id AND r.event_id = e.id AND r.person_id = p.id
     ON CONFLICT DO NOTHING`,
    [json(checkIns)],
  );
}

async function demoEventIds(manager: EntityManager, keys: ReadonlyArray<{ regionCode: string; title: string; startsAt: string }>): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT e.id FROM jsonb_to_recordset($1::jsonb) AS x("regionCode" text, title text, "startsAt" text)
       JOIN regions rg ON rg.code = x."regionCode"
       JOIN events e ON e.region_id = rg.id AND e.title = x.title AND e.starts_at = x."startsAt"::timestamptz`,
    [JSON.stringify(keys)],
  )) as Array<{ id: string }>;
  return rows.map((row) => row.id);
}
