import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../common/caller.js';
import { NotFoundError } from '../common/errors.js';
import { preparedQuery } from '../common/sql.js';
import type { Event } from '../events/event.entity.js';
import { EventsRepository } from '../events/events.repository.js';
import { type CheckInEvent, CLOSES_AFTER_END_MS, OPEN_STATUSES, OPENS_BEFORE_START_MS, openForScanSql } from './check-in-rules.js';
import type { CheckInConflictView, CheckInView } from './dto/check-in.dto.js';
import type { PersonSync, Scan, Seat, StoredCheckIn, SyncState } from './offline-sync.js';
import { SignLinks } from './sign-links.js';

/** An event as the door needs it: its rules, and its region for every query that follows. */
export interface DoorEvent extends CheckInEvent {
  regionId: string;
}

/** `event` comes with its region (EventsRepository.findReadableEvent), for the zone. */
export function toDoorEvent(event: Event): DoorEvent {
  return { id: event.id, regionId: event.regionId, status: event.status, startsAt: event.startsAt, endsAt: event.endsAt, timezone: event.region!.timezone };
}

/** A registration with what the door shows of its person. */
export interface SeatView extends Seat {
  fullName: string;
  nip: string | null;
  position: string | null;
  agencyName: string;
  delegate: boolean;
  walkIn: boolean;
  ticketCode: string;
}

/** What one scan's identifier was resolved to; `seat` is null when the person holds no seat at the event. */
export interface ResolvedScan {
  seat: SeatView | null;
  /** For a personId or NIP: the person, when the event's region has them (registered or not). */
  knownPersonId: string | null;
}

/** One scan's identifier, as the resolution query reads it (ticket codes already normalised). */
export interface ScanKey {
  ticketCode?: string | null;
  personId?: string;
  nip?: string;
}

/** One scan checked in by checkInByKey: what it found, and the check-in that stands after it. */
export interface ScanAttempt {
  /** Null: no such event within the caller's reach (404). */
  event: DoorEvent | null;
  /** The event's status and window allow the scan (when false, nothing was written). */
  open: boolean;
  /** The person holds a seat at the event (when false, nothing was written). */
  seated: boolean;
  knownPersonId: string | null;
  /**
   * The check-in made by this scan (`created`), or the one that stood already, the repeat kept as
   * a conflict entry; with its signing link. Null when the event is closed, the person has no
   * seat, or the seat's registration was checked in under another person.
   */
  recorded: { created: boolean; view: CheckInView; signUrl: string | null } | null;
}

/** Raised when a concurrent writer changed a person's check-in between reading and writing: read again and re-plan. */
export class CheckInRaced extends Error {}

/** A registration's columns and its person's, under the aliases SeatView reads. */
const SEAT_COLUMNS = `r.id AS registration_id, r.person_id, r.agency_id, r.delegate, r.invitation_id IS NULL AS walk_in, r.ticket_code,
       p.full_name, p.nip, p.position, a.name AS agency_name`;

const CHECK_IN_VIEW_COLUMNS = `c.id, c.event_id, c.registration_id, c.person_id, c.agency_id, c.checked_in_at, c.method, c.identified_by,
       c.device_id, c.client_checkin_id, c.created_at, p.full_name, p.nip, p.position, a.name AS agency_name,
       r.delegate, r.invitation_id IS NULL AS walk_in, r.ticket_code`;

interface SeatRow {
  registration_id: string;
  person_id: string;
  agency_id: string;
  delegate: boolean;
  walk_in: boolean;
  ticket_code: string;
  full_name: string;
  nip: string | null;
  position: string | null;
  agency_name: string;
}

interface CheckInRow extends SeatRow {
  id: string;
  event_id: string;
  checked_in_at: Date;
  method: Scan['method'];
  identified_by: Scan['identifiedBy'];
  device_id: string | null;
  client_checkin_id: string | null;
  created_at: Date;
}

/**
 * The queries of door check-in. Each is keyed by the event's own region and id: the event is
 * fetched first within the caller's reach (EventsRepository.findReadableEvent), and every row
 * below belongs to it through composite keys (region_id, …), so none needs a reach of its own.
 */
@Injectable()
export class CheckInsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsRepository,
    private readonly signLinks: SignLinks,
  ) {}

  /**
   * Resolves scans to seats in one query, whatever their number: a ticket code to its
   * registration at this event (a ticket of another event finds nothing), a person id or a NIP to
   * the person of the event's region and then to their registration. The LATERAL subqueries make
   * every item a handful of index lookups (ticket code, people's (region, id) and (region, NIP),
   * registrations' (region, event, person)): joined plainly, the planner hashed the region's
   * whole roster for each scan (7 ms a scan on 5,000 people, against 0.3 ms).
   */
  async resolveScans(manager: EntityManager, event: DoorEvent, keys: readonly ScanKey[]): Promise<ResolvedScan[]> {
    const rows = (await manager.query(
      `SELECT i.idx, k.id AS known_person_id, ${SEAT_COLUMNS}
         FROM jsonb_to_recordset($3::jsonb) AS i(idx int, "ticketCode" text, "personId" uuid, nip text)
         LEFT JOIN LATERAL (
           SELECT id FROM people WHERE region_id = $1 AND id = i."personId"
           UNION ALL
           SELECT id FROM people WHERE region_id = $1 AND nip = i.nip
           LIMIT 1
         ) k ON true
         LEFT JOIN LATERAL (
           SELECT * FROM registrations WHERE ticket_code = i."ticketCode" AND region_id = $1 AND event_id = $2
           UNION ALL
           SELECT * FROM registrations WHERE region_id = $1 AND event_id = $2 AND person_id = k.id
           LIMIT 1
         ) r ON true
         LEFT JOIN people p ON p.region_id = r.region_id AND p.id = r.person_id
         LEFT JOIN agencies a ON a.region_id = r.region_id AND a.id = r.agency_id`,
      [event.regionId, event.id, JSON.stringify(keys.map((key, idx) => ({ idx, ...key })))],
    )) as Array<SeatRow & { idx: number; known_person_id: string | null }>;
    const resolved: ResolvedScan[] = keys.map(() => ({ seat: null, knownPersonId: null }));
    for (const row of rows) resolved[row.idx] = { seat: row.registration_id ? toSeat(row) : null, knownPersonId: row.known_person_id };
    return resolved;
  }

  /**
   * A scan in one round trip: reads the event (the caller's readable event, as
   * EventsRepository.readableEventCondition writes it: reach and drafts in the SQL), resolves the
   * scan to a seat as resolveScans does, and — when the event is open for the scan and the person
   * holds a seat — inserts the check-in. ON CONFLICT DO NOTHING covers every unique key at once —
   * one check-in per (event, person), per registration, per (event, clientCheckinId) — so of
   * concurrent scans of one person exactly one inserts and the others find it afterwards.
   *
   * A scan that inserts nothing is a repeat: the same statement finds the check-in that stands and
   * keeps the scan as a conflict entry — unless it is that very scan sent again (its
   * clientCheckinId already recorded, on the check-in or on a conflict), which records nothing.
   * And the check-in it answers with, new or standing, gets its signing link from the CTEs that
   * SignLinks.sql contributes, so the answer needs no second statement either.
   *
   * The answer tells the caller which of these held, so that it can name a refusal. Prepared once
   * per connection: planning it cost more than running it.
   */
  async checkInByKey(manager: EntityManager, caller: Caller, eventId: string, key: ScanKey, scan: Scan): Promise<ScanAttempt> {
    const attempt = await this.scanOnce(manager, caller, eventId, key, scan);
    // Inserted nothing and found nothing: the check-in that blocked the insert was committed by a
    // concurrent scan after this statement's snapshot was taken (it waited for that scan, then saw
    // the conflict). Nothing was written; run again, a new snapshot sees it. Found nothing twice:
    // the registration was checked in under another person (see CheckInsService.settle).
    if (attempt.event && attempt.open && attempt.seated && !attempt.recorded) return this.scanOnce(manager, caller, eventId, key, scan);
    return attempt;
  }

  private async scanOnce(manager: EntityManager, caller: Caller, eventId: string, key: ScanKey, scan: Scan): Promise<ScanAttempt> {
    const readable = this.events.readableEventCondition(caller, eventId, 'e', 1);
    const $ = (n: number) => `$${readable.params.length + n}`;
    const at = `${$(1)}::timestamptz`;
    const clientId = `${$(5)}::varchar`;
    const open = openForScanSql('ev', at, { statuses: $(6), opensBefore: $(7), closesAfter: $(8) });
    const links = this.signLinks.sql('signable', readable.params.length + 12);
    const [row] = (await preparedQuery(
      manager,
      `WITH ev AS (
         SELECT e.id AS event_id, e.region_id, e.status, e.starts_at, e.ends_at, r.timezone
           FROM events e JOIN regions r ON r.id = e.region_id
          WHERE ${readable.sql}
       ),
       gate AS (SELECT ev.*, ${open} AS open FROM ev),
       k AS (
         SELECT p.id FROM people p, ev WHERE p.region_id = ev.region_id AND p.id = ${$(10)}::uuid
         UNION ALL
         SELECT p.id FROM people p, ev WHERE p.region_id = ev.region_id AND p.nip = ${$(11)}::text
         LIMIT 1
       ),
       seat AS (
         SELECT r.* FROM registrations r, ev WHERE r.ticket_code = ${$(9)}::text AND r.region_id = ev.region_id AND r.event_id = ev.event_id
         UNION ALL
         SELECT r.* FROM registrations r, ev, k WHERE r.region_id = ev.region_id AND r.event_id = ev.event_id AND r.person_id = k.id
         LIMIT 1
       ),
       inserted AS (
         INSERT INTO check_ins (region_id, event_id, person_id, agency_id, registration_id, checked_in_at, method, identified_by, device_id, client_checkin_id)
         SELECT seat.region_id, seat.event_id, seat.person_id, seat.agency_id, seat.id, ${at}, ${$(2)}::check_in_method, ${$(3)}::check_in_identified_by, ${$(4)}::varchar, ${clientId}
           FROM seat, gate WHERE gate.open
         ON CONFLICT DO NOTHING
         RETURNING *
       ),
       -- The seat of a scan that inserted nothing: a repeat.
       repeat AS (SELECT seat.* FROM seat, gate WHERE gate.open AND NOT EXISTS (SELECT 1 FROM inserted)),
       -- The check-in that stands: the one with this client id — the same scan sent again, even if
       -- recorded for someone else —, otherwise the person's.
       standing AS (
         SELECT c.* FROM check_ins c, repeat s WHERE c.region_id = s.region_id AND c.event_id = s.event_id AND c.client_checkin_id = ${clientId}
         UNION ALL
         SELECT c.* FROM check_ins c, repeat s WHERE c.region_id = s.region_id AND c.event_id = s.event_id AND c.person_id = s.person_id
         LIMIT 1
       ),
       replayed AS (
         SELECT 1 FROM standing WHERE standing.client_checkin_id = ${clientId}
         UNION ALL
         SELECT 1 FROM check_in_conflicts k, repeat s WHERE k.region_id = s.region_id AND k.event_id = s.event_id AND k.client_checkin_id = ${clientId}
       ),
       kept AS (
         INSERT INTO check_in_conflicts (region_id, event_id, check_in_id, person_id, agency_id, scanned_at, method, identified_by, device_id, client_checkin_id)
         SELECT s.region_id, s.event_id, standing.id, s.person_id, s.agency_id, ${at}, ${$(2)}::check_in_method, ${$(3)}::check_in_identified_by, ${$(4)}::varchar, ${clientId}
           FROM standing, repeat s WHERE NOT EXISTS (SELECT 1 FROM replayed)
         ON CONFLICT DO NOTHING
         RETURNING id
       ),
       answer AS (
         SELECT inserted.*, true AS created FROM inserted
         UNION ALL
         SELECT standing.*, false FROM standing
       ),
       signable AS (SELECT id AS check_in_id, region_id, event_id, person_id FROM answer)${links.ctes}
       SELECT gate.event_id AS door_event_id, gate.region_id AS door_region_id, gate.status AS event_status, gate.starts_at, gate.ends_at, gate.timezone, gate.open,
              EXISTS (SELECT 1 FROM seat) AS seated, (SELECT id FROM k) AS known_person_id,
              c.created, ${CHECK_IN_VIEW_COLUMNS}, l.sign_url
         FROM gate
         LEFT JOIN answer c ON true
         LEFT JOIN registrations r ON r.region_id = c.region_id AND r.id = c.registration_id
         LEFT JOIN people p ON p.region_id = c.region_id AND p.id = c.person_id
         LEFT JOIN agencies a ON a.region_id = c.region_id AND a.id = c.agency_id
         LEFT JOIN ${links.relation} l ON l.check_in_id = c.id`,
      [
        ...readable.params,
        scan.checkedInAt,
        scan.method,
        scan.identifiedBy,
        scan.deviceId,
        scan.clientCheckinId,
        OPEN_STATUSES,
        OPENS_BEFORE_START_MS,
        CLOSES_AFTER_END_MS,
        key.ticketCode ?? null,
        key.personId ?? null,
        key.nip ?? null,
        ...links.params,
      ],
    )) as Array<
      CheckInRow & {
        door_event_id: string;
        door_region_id: string;
        event_status: Event['status'];
        starts_at: Date;
        ends_at: Date;
        timezone: DoorEvent['timezone'];
        open: boolean;
        seated: boolean;
        known_person_id: string | null;
        created: boolean | null;
        sign_url: string | null;
      }
    >;
    if (!row) return { event: null, open: false, seated: false, knownPersonId: null, recorded: null };
    return {
      event: { id: row.door_event_id, regionId: row.door_region_id, status: row.event_status, startsAt: row.starts_at, endsAt: row.ends_at, timezone: row.timezone },
      open: row.open,
      seated: row.seated,
      knownPersonId: row.known_person_id,
      recorded: row.id ? { created: row.created!, view: toCheckInView(row), signUrl: row.sign_url } : null,
    };
  }

  /** Check-ins with their person, agency and registration, in no particular order. */
  async findCheckInViews(manager: EntityManager, event: DoorEvent, ids: readonly string[]): Promise<Map<string, CheckInView>> {
    if (ids.length === 0) return new Map();
    const rows = (await preparedQuery(
      manager,
      `SELECT ${CHECK_IN_VIEW_COLUMNS}
         FROM check_ins c
         JOIN registrations r ON r.region_id = c.region_id AND r.id = c.registration_id
         JOIN people p ON p.region_id = c.region_id AND p.id = c.person_id
         JOIN agencies a ON a.region_id = c.region_id AND a.id = c.agency_id
        WHERE c.region_id = $1 AND c.event_id = $2 AND c.id = ANY($3::uuid[])`,
      [event.regionId, event.id, [...new Set(ids)]],
    )) as CheckInRow[];
    return new Map(rows.map((row) => [row.id, toCheckInView(row)]));
  }

  /**
   * What an offline batch is merged into: the event's check-ins of these people, and which of
   * the batch's client ids are already recorded (on a check-in or a conflict) with the check-in
   * each belongs to.
   */
  async findSyncState(manager: EntityManager, event: DoorEvent, personIds: readonly string[], clientIds: readonly string[]): Promise<SyncState> {
    const [checkIns, recorded] = [
      (await manager.query(
        `SELECT id, registration_id, person_id, agency_id, checked_in_at, method, identified_by, device_id, client_checkin_id, created_at
           FROM check_ins WHERE region_id = $1 AND event_id = $2 AND person_id = ANY($3::uuid[])`,
        [event.regionId, event.id, personIds],
      )) as CheckInRow[],
      (await manager.query(
        `SELECT client_checkin_id, id AS check_in_id FROM check_ins WHERE region_id = $1 AND event_id = $2 AND client_checkin_id = ANY($3::varchar[])
         UNION ALL
         SELECT client_checkin_id, check_in_id FROM check_in_conflicts WHERE region_id = $1 AND event_id = $2 AND client_checkin_id = ANY($3::varchar[])`,
        [event.regionId, event.id, clientIds],
      )) as Array<{ client_checkin_id: string; check_in_id: string }>,
    ];
    return {
      checkIns: new Map(
        checkIns.map((row): [string, StoredCheckIn] => [
          row.person_id,
          { id: row.id, seat: { registrationId: row.registration_id, personId: row.person_id, agencyId: row.agency_id }, scan: toScan(row), createdAt: row.created_at },
        ]),
      ),
      recordedClientIds: new Map(recorded.map((row) => [row.client_checkin_id, row.check_in_id])),
    };
  }

  /**
   * Writes planned offline syncs, set-based: new check-ins, earlier scans replacing stored ones,
   * then conflict entries. Throws CheckInRaced when a concurrent scan got there between the read
   * and this write (an insert that found the person checked in, a stored time that changed):
   * the caller rolls back to its savepoint, reads again and re-plans. Answers when each new
   * check-in was received.
   */
  async applySync(manager: EntityManager, event: DoorEvent, people: readonly PersonSync[]): Promise<Map<string, Date>> {
    const json = (rows: object[]) => JSON.stringify(rows);
    const scanFields = (scan: Scan) => ({
      checkedInAt: scan.checkedInAt.toISOString(),
      method: scan.method,
      identifiedBy: scan.identifiedBy,
      deviceId: scan.deviceId,
      clientCheckinId: scan.clientCheckinId,
    });
    // Each kind of write in a fixed order of keys, so that concurrent batches queue instead of deadlocking.
    const inserts = people.flatMap((p) => (p.insert ? [p.insert] : [])).sort((a, b) => compare(a.seat.personId, b.seat.personId));
    const replacements = people.flatMap((p) => (p.replace ? [p.replace] : [])).sort((a, b) => compare(a.checkInId, b.checkInId));
    const conflicts = people.flatMap((p) => p.conflicts).sort((a, b) => compare(a.scan.clientCheckinId ?? '', b.scan.clientCheckinId ?? ''));
    const scanColumns = `"checkedInAt" timestamptz, method check_in_method, "identifiedBy" check_in_identified_by, "deviceId" text, "clientCheckinId" text`;

    const received = new Map<string, Date>();
    if (inserts.length > 0) {
      const inserted = (await manager.query(
        `INSERT INTO check_ins (id, region_id, event_id, person_id, agency_id, registration_id, checked_in_at, method, identified_by, device_id, client_checkin_id)
         SELECT n.id, $1, $2, n."personId", n."agencyId", n."registrationId", n."checkedInAt", n.method, n."identifiedBy", n."deviceId", n."clientCheckinId"
           FROM jsonb_to_recordset($3::jsonb) AS n(id uuid, "personId" uuid, "agencyId" uuid, "registrationId" uuid, ${scanColumns})
         ON CONFLICT DO NOTHING
         RETURNING id, created_at`,
        [event.regionId, event.id, json(inserts.map((i) => ({ id: i.id, ...i.seat, ...scanFields(i.scan) })))],
      )) as Array<{ id: string; created_at: Date }>;
      if (inserted.length !== inserts.length) throw new CheckInRaced();
      for (const row of inserted) received.set(row.id, row.created_at);
    }
    if (replacements.length > 0) {
      // Only while the stored time is still the one the plan replaced.
      const [, replaced] = (await manager.query(
        `UPDATE check_ins c
            SET checked_in_at = u."checkedInAt", method = u.method, identified_by = u."identifiedBy", device_id = u."deviceId", client_checkin_id = u."clientCheckinId"
           FROM jsonb_to_recordset($3::jsonb) AS u(id uuid, "storedAt" timestamptz, ${scanColumns})
          WHERE c.region_id = $1 AND c.event_id = $2 AND c.id = u.id AND c.checked_in_at = u."storedAt"`,
        [event.regionId, event.id, json(replacements.map((r) => ({ id: r.checkInId, storedAt: r.storedAt.toISOString(), ...scanFields(r.scan) })))],
      )) as [unknown, number];
      if (replaced !== replacements.length) throw new CheckInRaced();
    }
    if (conflicts.length > 0) {
      // A client id recorded meanwhile by the same scan sent elsewhere is already kept: nothing to add.
      await manager.query(
        `INSERT INTO check_in_conflicts (region_id, event_id, check_in_id, person_id, agency_id, scanned_at, method, identified_by, device_id, client_checkin_id)
         SELECT $1, $2, k."checkInId", k."personId", k."agencyId", k."checkedInAt", k.method, k."identifiedBy", k."deviceId", k."clientCheckinId"
           FROM jsonb_to_recordset($3::jsonb) AS k("checkInId" uuid, "personId" uuid, "agencyId" uuid, ${scanColumns})
         ON CONFLICT DO NOTHING`,
        [event.regionId, event.id, json(conflicts.map((k) => ({ checkInId: k.checkInId, personId: k.seat.personId, agencyId: k.seat.agencyId, ...scanFields(k.scan) })))],
      );
    }
    return received;
  }

  /** The event's conflict entries, newest first, with the check-in that stands. */
  async findConflicts(event: DoorEvent, page: { limit: number; offset: number }): Promise<{ items: CheckInConflictView[]; total: number }> {
    const rows = (await this.dataSource.query(
      `SELECT k.id, k.check_in_id, k.person_id, k.agency_id, k.scanned_at, k.method, k.identified_by, k.device_id, k.client_checkin_id, k.created_at,
              p.full_name, p.nip, a.name AS agency_name,
              c.checked_in_at AS standing_checked_in_at, c.method AS standing_method, c.identified_by AS standing_identified_by, c.device_id AS standing_device_id,
              count(*) OVER () AS total
         FROM check_in_conflicts k
         JOIN check_ins c ON c.region_id = k.region_id AND c.id = k.check_in_id
         JOIN people p ON p.region_id = k.region_id AND p.id = k.person_id
         JOIN agencies a ON a.region_id = k.region_id AND a.id = k.agency_id
        WHERE k.region_id = $1 AND k.event_id = $2
        ORDER BY k.created_at DESC, k.id
        LIMIT $3 OFFSET $4`,
      [event.regionId, event.id, page.limit, page.offset],
    )) as Array<Record<string, unknown>>;
    const total = rows.length > 0 ? Number(rows[0].total) : await this.countConflicts(event);
    return {
      total,
      items: rows.map((row) => ({
        id: row.id as string,
        checkInId: row.check_in_id as string,
        personId: row.person_id as string,
        fullName: row.full_name as string,
        nip: row.nip as string | null,
        agencyId: row.agency_id as string,
        agencyName: row.agency_name as string,
        scannedAt: row.scanned_at as Date,
        method: row.method as Scan['method'],
        identifiedBy: row.identified_by as Scan['identifiedBy'],
        deviceId: row.device_id as string | null,
        clientCheckinId: row.client_checkin_id as string | null,
        createdAt: row.created_at as Date,
        checkIn: {
          checkedInAt: row.standing_checked_in_at as Date,
          method: row.standing_method as Scan['method'],
          identifiedBy: row.standing_identified_by as Scan['identifiedBy'],
          deviceId: row.standing_device_id as string | null,
        },
      })),
    };
  }

  private async countConflicts(event: DoorEvent): Promise<number> {
    const [{ n }] = (await this.dataSource.query('SELECT count(*)::int AS n FROM check_in_conflicts WHERE region_id = $1 AND event_id = $2', [event.regionId, event.id])) as Array<{ n: number }>;
    return n;
  }

  /** An agency of the event's region, or 404 — a walk-in is registered for one of them only. */
  async findAgencyOfEvent(manager: EntityManager, event: DoorEvent, agencyId: string): Promise<{ id: string; name: string }> {
    const [agency] = (await manager.query('SELECT id, name FROM agencies WHERE region_id = $1 AND id = $2', [event.regionId, agencyId])) as Array<{ id: string; name: string }>;
    if (!agency) throw new NotFoundError('Agency', agencyId);
    return agency;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toSeat(row: SeatRow): SeatView {
  return {
    registrationId: row.registration_id,
    personId: row.person_id,
    agencyId: row.agency_id,
    fullName: row.full_name,
    nip: row.nip,
    position: row.position,
    agencyName: row.agency_name,
    delegate: row.delegate,
    walkIn: row.walk_in,
    ticketCode: row.ticket_code,
  };
}

function toScan(row: Pick<CheckInRow, 'checked_in_at' | 'method' | 'identified_by' | 'device_id' | 'client_checkin_id'>): Scan {
  return { checkedInAt: row.checked_in_at, method: row.method, identifiedBy: row.identified_by, deviceId: row.device_id, clientCheckinId: row.client_checkin_id };
}

function toCheckInView(row: CheckInRow): CheckInView {
  return {
    ...toSeat(row),
    id: row.id,
    eventId: row.event_id,
    ...toScan(row),
    createdAt: row.created_at,
  };
}
