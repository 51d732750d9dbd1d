import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { escapeLike } from '../common/sql.js';
import type { InvitationStatus } from '../invitations/invitation.entity.js';
import { newTicketCode } from '../invitations/registration.entity.js';
import type { EmploymentType } from '../people/nip.js';
import type { DoorEvent } from './check-ins.repository.js';


export interface WalkInPerson {
  fullName: string;
  nip: string | null;
  employmentType: EmploymentType;
  position: string;
  agencyId: string;
}

export interface RegistrationRow {
  id: string;
  person_id: string;
  full_name: string;
  nip: string | null;
  position: string | null;
  employment_type: EmploymentType;
  agency_id: string;
  agency_name: string;
  delegate: boolean;
  invitation_id: string | null;
  ticket_code: string;
  check_in_id: string | null;
  checked_in_at: Date | null;
}

export interface AgencyCountRow {
  agency_id: string;
  agency_name: string;
  registered: number;
  checked_in: number;
  walk_ins: number;
  delegates: number;
}

export interface AttendanceRowData {
  check_in_id: string;
  checked_in_at: Date;
  person_id: string;
  full_name: string;
  nip: string | null;
  position: string | null;
  agency_id: string;
  agency_name: string;
  delegate: boolean;
  walk_in: boolean;
}

export interface AbsentAgencyRow {
  agency_id: string;
  agency_name: string;
  status: InvitationStatus;
  reason: string | null;
}

/**
 * Registrations as the door and the organizer's screen read them, and the one registration the
 * door writes itself: a walk-in's. Every query is keyed by the event's region and id (the event
 * was fetched within the caller's reach first).
 */
@Injectable()
export class RegistrationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The person a walk-in names: the one of the event's region with that NIP, or — without a NIP —
   * the one of that agency with that name and no NIP (as the people import matches them);
   * otherwise a new person of the agency.
   */
  async findOrCreateWalkInPerson(manager: EntityManager, event: DoorEvent, walkIn: WalkInPerson): Promise<{ id: string; created: boolean }> {
    if (walkIn.nip) {
      // The NIP's unique index decides between concurrent desks; the loser reads the winner's row
      // in a statement of its own (a new snapshot), after the insert has waited for it to commit.
      const [created] = (await manager.query(
        `INSERT INTO people (region_id, agency_id, full_name, nip, employment_type, position)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (region_id, nip text_pattern_ops) WHERE nip IS NOT NULL DO NOTHING
         RETURNING id`,
        [event.regionId, walkIn.agencyId, walkIn.fullName, walkIn.nip, walkIn.employmentType, walkIn.position],
      )) as Array<{ id: string }>;
      if (created) return { id: created.id, created: true };
      const [existing] = (await manager.query('SELECT id FROM people WHERE region_id = $1 AND nip = $2', [event.regionId, walkIn.nip])) as Array<{ id: string }>;
      return { id: existing.id, created: false };
    }
    // No unique key to lean on: two desks registering the same name queue on a lock of their own.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`walk-in:${walkIn.agencyId}:${walkIn.fullName.toLowerCase()}`]);
    const [existing] = (await manager.query('SELECT id FROM people WHERE agency_id = $1 AND lower(full_name) = lower($2) AND nip IS NULL ORDER BY created_at LIMIT 1', [
      walkIn.agencyId,
      walkIn.fullName,
    ])) as Array<{ id: string }>;
    if (existing) return { id: existing.id, created: false };
    const [created] = (await manager.query(
      `INSERT INTO people (region_id, agency_id, full_name, nip, employment_type, position) VALUES ($1, $2, $3, NULL, $4, $5) RETURNING id`,
      [event.regionId, walkIn.agencyId, walkIn.fullName, walkIn.employmentType, walkIn.position],
    )) as Array<{ id: string }>;
    return { id: created.id, created: true };
  }

  /**
   * A registration without an invitation, for the agency the walk-in came for. Null when the
   * person already holds a seat at the event (the unique (event, person) key decides, also
   * between concurrent desks): then no seat is taken twice.
   */
  async insertWalkInRegistration(manager: EntityManager, event: DoorEvent, personId: string, agencyId: string): Promise<string | null> {
    const [row] = (await manager.query(
      `INSERT INTO registrations (region_id, event_id, person_id, agency_id, invitation_id, delegate, ticket_code)
       VALUES ($1, $2, $3, $4, NULL, false, $5)
       ON CONFLICT ON CONSTRAINT uq_registrations_event_person DO NOTHING
       RETURNING id`,
      [event.regionId, event.id, personId, agencyId, newTicketCode()],
    )) as Array<{ id: string }>;
    return row?.id ?? null;
  }

  /**
   * The door lookup: registrations of the event whose person's name contains `q`
   * (case-insensitive), or — when `q` is digits — whose NIP starts with it; by name, with the
   * check-in if any.
   *
   * Driven by the event, whatever the size of the region's roster and whatever the planner's
   * statistics: an index range scan of uq_registrations_event_person (region, event) gives the
   * event's registrations, and the LATERAL join fetches each person by primary key (its LIMIT
   * keeps the planner from flattening it into a join it could misjudge), where the name or NIP
   * filter applies. The cost follows the event (at most its capacity), ~5 ms for
   * 5,000 registrations. Joined plainly, with statistics not yet gathered after a bulk import
   * the planner rescanned the whole roster for every registration (15 s).
   */
  async findRegistrations(event: DoorEvent, query: { q?: string; limit: number; offset: number }): Promise<{ rows: RegistrationRow[]; total: number }> {
    const search = lookupSearch(query.q);
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.person_id, p.full_name, p.nip, p.position, p.employment_type, r.agency_id, a.name AS agency_name,
              r.delegate, r.invitation_id, r.ticket_code, c.id AS check_in_id, c.checked_in_at,
              count(*) OVER () AS total
         FROM registrations r
         CROSS JOIN LATERAL (SELECT * FROM people WHERE region_id = r.region_id AND id = r.person_id LIMIT 1) p
         JOIN agencies a ON a.region_id = r.region_id AND a.id = r.agency_id
         LEFT JOIN check_ins c ON c.region_id = r.region_id AND c.registration_id = r.id
        WHERE r.region_id = $1 AND r.event_id = $2 AND ${search.condition}
        ORDER BY lower(p.full_name), r.id
        LIMIT $4 OFFSET $5`,
      [event.regionId, event.id, search.pattern, query.limit, query.offset],
    )) as Array<RegistrationRow & { total: string }>;
    if (rows.length > 0 || query.offset === 0) return { rows, total: rows.length > 0 ? Number(rows[0].total) : 0 };
    // Past the last page: count without fetching.
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM registrations r CROSS JOIN LATERAL (SELECT * FROM people WHERE region_id = r.region_id AND id = r.person_id LIMIT 1) p
        WHERE r.region_id = $1 AND r.event_id = $2 AND ${search.condition}`,
      [event.regionId, event.id, search.pattern],
    )) as Array<{ n: number }>;
    return { rows, total: n };
  }

  /** Registrations, check-ins, walk-ins and delegates present, per agency, in one grouped pass. */
  async countByAgency(event: DoorEvent): Promise<{ agencies: AgencyCountRow[]; conflicts: number }> {
    const agencies = (await this.dataSource.query(
      `SELECT r.agency_id, a.name AS agency_name,
              count(*)::int AS registered,
              count(c.id)::int AS checked_in,
              count(*) FILTER (WHERE r.invitation_id IS NULL)::int AS walk_ins,
              count(c.id) FILTER (WHERE r.delegate)::int AS delegates
         FROM registrations r
         JOIN agencies a ON a.region_id = r.region_id AND a.id = r.agency_id
         LEFT JOIN check_ins c ON c.region_id = r.region_id AND c.registration_id = r.id
        WHERE r.region_id = $1 AND r.event_id = $2
        GROUP BY r.agency_id, a.name
        ORDER BY lower(a.name), r.agency_id`,
      [event.regionId, event.id],
    )) as AgencyCountRow[];
    const [{ n }] = (await this.dataSource.query('SELECT count(*)::int AS n FROM check_in_conflicts WHERE region_id = $1 AND event_id = $2', [event.regionId, event.id])) as Array<{
      n: number;
    }>;
    return { agencies, conflicts: n };
  }

  /** Everyone checked in, by agency name, then by arrival. */
  async findAttendance(event: DoorEvent): Promise<AttendanceRowData[]> {
    return (await this.dataSource.query(
      `SELECT c.id AS check_in_id, c.checked_in_at, p.id AS person_id, p.full_name, p.nip, p.position,
              r.agency_id, a.name AS agency_name, r.delegate, r.invitation_id IS NULL AS walk_in
         FROM check_ins c
         JOIN registrations r ON r.region_id = c.region_id AND r.id = c.registration_id
         JOIN people p ON p.region_id = c.region_id AND p.id = c.person_id
         JOIN agencies a ON a.region_id = c.region_id AND a.id = r.agency_id
        WHERE c.region_id = $1 AND c.event_id = $2
        ORDER BY lower(a.name), r.agency_id, c.checked_in_at, lower(p.full_name)`,
      [event.regionId, event.id],
    )) as AttendanceRowData[];
  }

  /** Invited agencies with nobody checked in, whatever their answer, by name. */
  async findAbsentAgencies(event: DoorEvent): Promise<AbsentAgencyRow[]> {
    return (await this.dataSource.query(
      `SELECT i.agency_id, a.name AS agency_name, i.status, i.reason
         FROM invitations i
         JOIN agencies a ON a.region_id = i.region_id AND a.id = i.agency_id
        WHERE i.region_id = $1 AND i.event_id = $2
          AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.region_id = i.region_id AND c.event_id = i.event_id AND c.agency_id = i.agency_id)
        ORDER BY lower(a.name), i.agency_id`,
      [event.regionId, event.id],
    )) as AbsentAgencyRow[];
  }
}

/** `q` as one indexable condition on `p` (parameter $3): digits are a NIP prefix, anything else part of a name. */
function lookupSearch(q: string | undefined): { condition: string; pattern: string | null } {
  const text = q?.trim();
  if (!text) return { condition: '$3::text IS NULL', pattern: null };
  if (/^\d[\d\s]*$/.test(text)) return { condition: 'p.nip LIKE $3', pattern: `${text.replace(/\s+/g, '')}%` };
  return { condition: 'p.full_name ILIKE $3', pattern: `%${escapeLike(text)}%` };
}
