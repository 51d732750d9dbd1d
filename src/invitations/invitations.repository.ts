import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { AgencyCategory } from '../agencies/agency.entity.js';
import type { Caller } from '../common/caller.js';
import { RANDOM_TOKEN_SQL } from '../common/codes.js';
import { ConflictError, NotFoundError } from '../common/errors.js';
import { oneInReach } from '../common/scope.js';
import { containsPattern } from '../common/sql.js';
import type { EventStatus } from '../events/event.entity.js';
import type { EmploymentType } from '../people/nip.js';
import type { Attendee, InvitationCounts, RosterPerson } from './dto/invitation.dto.js';
import { INVITATION_STATUSES, Invitation, type InvitationStatus } from './invitation.entity.js';

/** One agency of a bulk invitation, as the statement left it. */
export interface InvitedRow {
  agencyId: string;
  agencyName: string;
  invitationId: string;
  created: boolean;
}

/** A registration of an invitation as an answer changes it. */
export interface CurrentAttendee {
  registrationId: string;
  personId: string;
  delegate: boolean;
  checkedIn: boolean;
}

/** A registration to write: who, whether as a delegate, and a fresh ticket code. */
export interface NewRegistration {
  personId: string;
  delegate: boolean;
  ticketCode: string;
}

interface AttendeeRow {
  registration_id: string;
  person_id: string;
  full_name: string;
  nip: string | null;
  position: string | null;
  employment_type: EmploymentType;
  delegate: boolean;
  ticket_code: string;
  checked_in: boolean;
}

/** The queries of the invitations feature, named for what they are for. */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Invitations as the API shows them: with their agency, their event and its region (for the zone), and the surat tugas. */
  selectInvitations(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<Invitation> {
    return manager
      .createQueryBuilder(Invitation, 'i')
      .innerJoinAndSelect('i.agency', 'a')
      .innerJoinAndSelect('i.event', 'e')
      .innerJoinAndSelect('e.region', 'r')
      .leftJoinAndSelect('i.assignmentLetter', 'f');
  }

  /** An invitation within the caller's reach (an AGENCY_REP: its own agency's), or 404; `lock` for an answer. */
  findInvitation(caller: Caller, id: string, manager: EntityManager = this.dataSource.manager, options: { lock?: boolean } = {}): Promise<Invitation> {
    return oneInReach(this.selectInvitations(manager), caller, id, options);
  }

  /** The invitation an RSVP link names: the token is the credential, so there is no other reach. 404 when unknown. */
  async findInvitationByToken(token: string, manager: EntityManager = this.dataSource.manager, options: { lock?: boolean } = {}): Promise<Invitation> {
    const qb = this.selectInvitations(manager).where('i.token = :token', { token });
    if (options.lock) qb.setLock('for_no_key_update', undefined, ['i']);
    const invitation = await qb.getOne();
    // The token is not echoed: the 404 of an unknown link says nothing about it.
    if (!invitation) throw new NotFoundError('Invitation');
    return invitation;
  }

  /**
   * Invites the agencies of the event's region that `target` selects, with one INSERT … SELECT
   * (tokens drawn in SQL, one per row). Agencies already invited are left as they were (the
   * unique key on event and agency decides, also between concurrent requests); the answer lists
   * every selected agency with its invitation, new or not, in name order.
   */
  async inviteAgencies(
    manager: EntityManager,
    invitation: { regionId: string; eventId: string; seats: number; addresseeTitle: string | null },
    target: { agencyIds: readonly string[] } | { category: AgencyCategory },
  ): Promise<InvitedRow[]> {
    const [selected, value] = 'agencyIds' in target ? ['a.id = ANY($5::uuid[])', target.agencyIds] : ['a.category = $5::agency_category', target.category];
    // The CTE's final SELECT reads the table as it was before the INSERT: `x` finds only the
    // invitations that existed already.
    const rows = (await manager.query(
      `WITH selected AS (
         SELECT a.id AS agency_id, a.name,
                coalesce($4, a.head_title, left('Pimpinan ' || a.name, 200)) AS addressee_title
           FROM agencies a
          WHERE a.region_id = $1 AND ${selected}
       ), inserted AS (
         INSERT INTO invitations (region_id, event_id, agency_id, addressee_title, seats, token)
         SELECT $1, $2, s.agency_id, s.addressee_title, $3, ${RANDOM_TOKEN_SQL}
           FROM selected s
          ORDER BY s.agency_id
         ON CONFLICT ON CONSTRAINT uq_invitations_event_agency DO NOTHING
         RETURNING id, agency_id
       )
       SELECT s.agency_id, s.name, coalesce(n.id, x.id) AS invitation_id, n.id IS NOT NULL AS created
         FROM selected s
         LEFT JOIN inserted n ON n.agency_id = s.agency_id
         LEFT JOIN invitations x ON x.region_id = $1 AND x.event_id = $2 AND x.agency_id = s.agency_id
        ORDER BY s.name, s.agency_id`,
      [invitation.regionId, invitation.eventId, invitation.seats, invitation.addresseeTitle, value],
    )) as Array<{ agency_id: string; name: string; invitation_id: string; created: boolean }>;
    return rows.map((row) => ({ agencyId: row.agency_id, agencyName: row.name, invitationId: row.invitation_id, created: row.created }));
  }

  /** How many of the query's invitations are in each status (the query's own status filter not yet applied). */
  async countByStatus(qb: SelectQueryBuilder<Invitation>): Promise<InvitationCounts> {
    const rows = await qb.clone().select('i.status', 'status').addSelect('count(*)::int', 'count').groupBy('i.status').getRawMany<{ status: InvitationStatus; count: number }>();
    const counts = Object.fromEntries(INVITATION_STATUSES.map((status) => [status, 0])) as unknown as InvitationCounts;
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  }

  /** The attendees of these invitations, each list in name order, with their person and whether they checked in. */
  async findAttendees(invitationIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, Attendee[]>> {
    const attendees = new Map<string, Attendee[]>(invitationIds.map((id) => [id, []]));
    if (invitationIds.length === 0) return attendees;
    const rows = (await manager.query(
      `SELECT g.invitation_id, g.id AS registration_id, p.id AS person_id, p.full_name, p.nip, p.position, p.employment_type,
              g.delegate, g.ticket_code, EXISTS (SELECT 1 FROM check_ins c WHERE c.registration_id = g.id) AS checked_in
         FROM registrations g
         JOIN people p ON p.id = g.person_id
        WHERE g.invitation_id = ANY($1::uuid[])
        ORDER BY g.invitation_id, lower(p.full_name), p.id`,
      [invitationIds],
    )) as Array<AttendeeRow & { invitation_id: string }>;
    for (const row of rows) {
      attendees.get(row.invitation_id)!.push({
        registrationId: row.registration_id,
        personId: row.person_id,
        fullName: row.full_name,
        nip: row.nip,
        position: row.position,
        employmentType: row.employment_type,
        delegate: row.delegate,
        ticketCode: row.ticket_code,
        checkedIn: row.checked_in,
      });
    }
    return attendees;
  }

  /**
   * People of the agency an RSVP link's holder may name, by name, at most `limit`, with the
   * total. `q` matches part of the name or, when it is digits, the start of the NIP (as the
   * directory's search does); the NIP itself is not shown.
   */
  async findRoster(regionId: string, agencyId: string, q: string | undefined, limit: number): Promise<{ people: RosterPerson[]; total: number }> {
    const digits = q?.replace(/\s/g, '');
    const nipPrefix = digits && /^\d+$/.test(digits) ? `${digits}%` : null;
    const rows = (await this.dataSource.query(
      `SELECT p.id, p.full_name, p.position, p.employment_type, count(*) OVER ()::int AS total
         FROM people p
        WHERE p.region_id = $1 AND p.agency_id = $2 AND ($3::text IS NULL OR p.full_name ILIKE $3 OR p.nip LIKE $5)
        ORDER BY lower(p.full_name), p.id
        LIMIT $4`,
      [regionId, agencyId, q ? containsPattern(q) : null, limit, nipPrefix],
    )) as Array<{ id: string; full_name: string; position: string | null; employment_type: EmploymentType; total: number }>;
    return {
      people: rows.map((row) => ({ id: row.id, fullName: row.full_name, position: row.position, employmentType: row.employment_type })),
      total: rows[0]?.total ?? 0,
    };
  }

  /** The people of `personIds` that belong to the agency (the others are not its people, or not in the region). */
  async findAgencyPeople(manager: EntityManager, regionId: string, agencyId: string, personIds: readonly string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = (await manager.query('SELECT id FROM people WHERE region_id = $1 AND agency_id = $2 AND id = ANY($3::uuid[])', [regionId, agencyId, personIds])) as Array<{ id: string }>;
    return new Set(rows.map((row) => row.id));
  }

  /** The registrations of an invitation, as an answer is about to change them (the invitation row is locked). */
  async findCurrentAttendees(manager: EntityManager, invitation: Pick<Invitation, 'id' | 'regionId'>): Promise<CurrentAttendee[]> {
    const rows = (await manager.query(
      `SELECT g.id, g.person_id, g.delegate, EXISTS (SELECT 1 FROM check_ins c WHERE c.registration_id = g.id) AS checked_in
         FROM registrations g
        WHERE g.region_id = $1 AND g.invitation_id = $2`,
      [invitation.regionId, invitation.id],
    )) as Array<{ id: string; person_id: string; delegate: boolean; checked_in: boolean }>;
    return rows.map((row) => ({ registrationId: row.id, personId: row.person_id, delegate: row.delegate, checkedIn: row.checked_in }));
  }

  /**
   * Records the answer with its number of attendees, by a conditional update: the count must fit
   * the invitation's seats (the check constraint holds it too). Null when it does not.
   */
  async recordAnswer(
    manager: EntityManager,
    invitationId: string,
    answer: { status: Exclude<InvitationStatus, 'PENDING'>; attendees: number; reason: string | null },
  ): Promise<{ seats: number } | null> {
    const [row] = (await manager.query(
      `WITH answered AS (
         UPDATE invitations SET status = $2, attendees = $3, reason = $4, responded_at = now(), updated_at = now()
          WHERE id = $1 AND $3 <= seats
         RETURNING seats
       )
       SELECT seats FROM answered`,
      [invitationId, answer.status, answer.attendees, answer.reason],
    )) as Array<{ seats: number }>;
    return row ?? null;
  }

  /**
   * Removes registrations of the invitation. A check-in refers to its registration (restricting
   * foreign key): one that arrived since the answer was read makes this fail, and the answer is
   * refused as for any attendee already checked in.
   */
  async deleteRegistrations(manager: EntityManager, invitation: Pick<Invitation, 'id' | 'regionId'>, registrationIds: readonly string[]): Promise<void> {
    if (registrationIds.length === 0) return;
    try {
      await manager.query('DELETE FROM registrations WHERE region_id = $1 AND invitation_id = $2 AND id = ANY($3::uuid[])', [invitation.regionId, invitation.id, registrationIds]);
    } catch (error) {
      if ((error as { driverError?: { constraint?: string } }).driverError?.constraint === 'fk_check_ins_registration') {
        throw new ConflictError('An attendee to be removed has just checked in at the event', 'attendee-checked-in');
      }
      throw error;
    }
  }

  /** Sets the delegate flag of kept attendees whose role changed. */
  async updateDelegates(manager: EntityManager, invitation: Pick<Invitation, 'regionId'>, changes: ReadonlyArray<{ registrationId: string; delegate: boolean }>): Promise<void> {
    if (changes.length === 0) return;
    await manager.query(
      `UPDATE registrations g SET delegate = c.delegate
         FROM unnest($2::uuid[], $3::boolean[]) AS c(id, delegate)
        WHERE g.region_id = $1 AND g.id = c.id`,
      [invitation.regionId, changes.map((change) => change.registrationId), changes.map((change) => change.delegate)],
    );
  }

  /**
   * Writes registrations of the invitation in one statement, in person order (concurrent answers
   * naming the same people then queue on the unique key instead of deadlocking). Returns the
   * people actually registered: the others either hold a seat at the event already (one seat per
   * person and event) or drew a ticket code that exists (the caller draws again).
   */
  async insertRegistrations(
    manager: EntityManager,
    invitation: Pick<Invitation, 'id' | 'regionId' | 'eventId' | 'agencyId'>,
    registrations: readonly NewRegistration[],
  ): Promise<Set<string>> {
    if (registrations.length === 0) return new Set();
    const rows = (await manager.query(
      `INSERT INTO registrations (region_id, event_id, person_id, agency_id, invitation_id, delegate, ticket_code)
       SELECT $1, $2, n.person_id, $3, $4, n.delegate, n.ticket_code
         FROM unnest($5::uuid[], $6::boolean[], $7::text[]) AS n(person_id, delegate, ticket_code)
        ORDER BY n.person_id
       ON CONFLICT DO NOTHING
       RETURNING person_id`,
      [
        invitation.regionId,
        invitation.eventId,
        invitation.agencyId,
        invitation.id,
        registrations.map((r) => r.personId),
        registrations.map((r) => r.delegate),
        registrations.map((r) => r.ticketCode),
      ],
    )) as Array<{ person_id: string }>;
    return new Set(rows.map((row) => row.person_id));
  }

  /** Which of these people already hold a seat at the event (through another invitation, or as a walk-in). */
  async findRegisteredElsewhere(manager: EntityManager, invitation: Pick<Invitation, 'id' | 'regionId' | 'eventId'>, personIds: readonly string[]): Promise<Array<{ personId: string; fullName: string }>> {
    const rows = (await manager.query(
      `SELECT p.id, p.full_name
         FROM registrations g JOIN people p ON p.id = g.person_id
        WHERE g.region_id = $1 AND g.event_id = $2 AND g.person_id = ANY($3::uuid[]) AND g.invitation_id IS DISTINCT FROM $4`,
      [invitation.regionId, invitation.eventId, personIds, invitation.id],
    )) as Array<{ id: string; full_name: string }>;
    return rows.map((row) => ({ personId: row.id, fullName: row.full_name }));
  }

  /**
   * The event's status and whether it has started, read under a share lock held to the end of
   * the transaction: an answer commits only while the event is still open, and a cancellation
   * that comes at the same moment waits for it (or it for the cancellation). Taken last, after
   * the seats: the seat update already holds the row, and nothing waits on the event while
   * holding it.
   */
  async lockEventState(manager: EntityManager, eventId: string): Promise<{ status: EventStatus; started: boolean }> {
    const [row] = (await manager.query('SELECT status, starts_at <= now() AS started FROM events WHERE id = $1 FOR SHARE', [eventId])) as Array<{ status: EventStatus; started: boolean }>;
    return row;
  }
}
