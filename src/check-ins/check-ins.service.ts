import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { normalizeCode } from '../common/codes.js';
import { isUniqueViolation, sqlStateOf } from '../common/database-errors.js';
import { ConflictError, DomainError, NotFoundError } from '../common/errors.js';
import { type Page, page } from '../common/pagination.js';
import { transaction } from '../common/transaction.js';
import { EventsRepository } from '../events/events.repository.js';
import { checkInRefusal, eventRefusal, isAheadOfClock, refusalError, timeRefusal } from './check-in-rules.js';
import { CheckInRaced, CheckInsRepository, type DoorEvent, type ResolvedScan, type ScanAttempt, type ScanKey, toDoorEvent } from './check-ins.repository.js';
import {
  type BatchRejection,
  batchIdentifiers,
  type CheckInBatchDto,
  type CheckInBatchResponse,
  type CheckInBatchResult,
  type CheckInConflictQuery,
  type CheckInConflictResponse,
  type CheckInDto,
  type CheckInResponse,
  type CheckInView,
  type ScanIdentifier,
  scanIdentifier,
  toCheckInConflictResponse,
  toCheckInResponse,
  type WalkInDto,
} from './dto/check-in.dto.js';
import { type PersonSync, planSync, type Scan, type SyncItem, type SyncPlan, type SyncState } from './offline-sync.js';
import { RegistrationsRepository } from './registrations.repository.js';
import { SignLinks } from './sign-links.js';

/** A ticket code that names no seat at this event (unknown, mistyped, or another event's). */
export class TicketNotFoundError extends DomainError {
  readonly status = 404;
  readonly type = 'ticket-not-found';
  readonly title = 'Not Found';
}

/** How often an offline batch is re-planned when other devices keep changing the same people's check-ins. */
const MAX_SYNC_ATTEMPTS = 5;

/** The outcome of one scan: whether it made the check-in, the check-in that stands, and its signing link. */
type Recorded = NonNullable<ScanAttempt['recorded']>;

@Injectable()
export class CheckInsService {
  private readonly logger = new Logger(CheckInsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CheckInsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly events: EventsRepository,
    private readonly audit: AuditService,
    private readonly signLinks: SignLinks,
  ) {}

  /**
   * One scan at the door (DESIGN §3.3). The first check-in of a person answers `created`; any
   * repeat — the same person, or the same clientCheckinId — answers the check-in that stands,
   * and a repeat that is not the same scan sent again is kept as a conflict entry.
   *
   * A registered person's scan needs no transaction: it is one statement that either makes the
   * check-in or finds it made and keeps the repeat (the unique keys decide between concurrent
   * scans), and answers with the signing link too (CheckInsRepository.checkInByKey). A walk-in
   * registers the person at the door: person, registration, seat and check-in in one transaction.
   */
  async checkIn(caller: Caller, eventId: string, dto: CheckInDto): Promise<{ created: boolean; checkIn: CheckInResponse }> {
    const identifier = scanIdentifier(dto);
    const now = new Date();
    const scan: Scan = {
      checkedInAt: dto.checkedInAt ? new Date(dto.checkedInAt) : now,
      method: dto.method ?? (identifier.kind === 'TICKET' ? 'QR' : 'MANUAL'),
      identifiedBy: identifier.kind,
      deviceId: dto.deviceId ?? null,
      clientCheckinId: dto.clientCheckinId ?? null,
    };
    const { event, recorded } =
      identifier.kind === 'WALK_IN'
        ? await transaction(this.dataSource, (manager) => this.checkInWalkIn(manager, caller, eventId, identifier.walkIn, scan, now))
        : await this.checkInRegistered(this.dataSource.manager, caller, eventId, identifier, scan, now);
    return { created: recorded.created, checkIn: toCheckInResponse(recorded.view, event.timezone, recorded.signUrl) };
  }

  /**
   * One statement reads the event, resolves the scan, inserts the check-in when the event is open
   * and the person holds a seat — or keeps the repeat — and reads the signing link: one round
   * trip, as many as a bare insert.
   */
  private async checkInRegistered(
    manager: EntityManager,
    caller: Caller,
    eventId: string,
    identifier: Exclude<ScanIdentifier, { kind: 'WALK_IN' }>,
    scan: Scan,
    now: Date,
  ): Promise<{ event: DoorEvent; recorded: Recorded }> {
    // The clock rule needs no event: a scan from the future is refused before anything is read.
    if (isAheadOfClock(scan.checkedInAt, now)) throw refusalError('checked-in-at-in-future');
    const attempt = await this.repository.checkInByKey(manager, caller, eventId, scanKey(identifier), scan);
    return this.settle(eventId, attempt, scan, now, (knownPersonId) => missingSeatError(identifier, knownPersonId));
  }

  /**
   * A walk-in becomes a person of the agency (or is the person of the region with that NIP),
   * takes a seat by a registration without invitation — counted against the capacity, 409
   * `capacity-exceeded` when the hall is full — and is checked in. Someone who already holds a
   * seat (invited, or registered by another desk a moment ago) keeps it: no second seat. The
   * rules are checked first, so that a closed door registers nobody.
   */
  private async checkInWalkIn(manager: EntityManager, caller: Caller, eventId: string, walkIn: WalkInDto, scan: Scan, now: Date): Promise<{ event: DoorEvent; recorded: Recorded }> {
    const event = await this.openEvent(manager, caller, eventId, scan.checkedInAt, now);
    await this.repository.findAgencyOfEvent(manager, event, walkIn.agencyId);
    const fields = { fullName: walkIn.fullName, nip: walkIn.nip ?? null, employmentType: walkIn.employmentType, position: walkIn.position, agencyId: walkIn.agencyId };
    const person = await this.registrations.findOrCreateWalkInPerson(manager, event, fields);
    if (person.created) {
      await this.audit.record(manager, caller, { action: 'create', entity: 'person', entityId: person.id, regionId: event.regionId, changes: { ...fields, walkInAt: eventId } });
    }
    const registrationId = await this.registrations.insertWalkInRegistration(manager, event, person.id, walkIn.agencyId);
    if (registrationId) {
      await this.events.takeSeats(manager, event.id, 1);
      await this.audit.record(manager, caller, {
        action: 'walk-in',
        entity: 'registration',
        entityId: registrationId,
        regionId: event.regionId,
        changes: { eventId, personId: person.id, agencyId: walkIn.agencyId },
      });
    }
    const attempt = await this.repository.checkInByKey(manager, caller, eventId, { personId: person.id }, scan);
    return this.settle(eventId, attempt, scan, now, () => new ConflictError('The walk-in registration was not found', 'not-registered'));
  }

  /**
   * What a scan's statement did, as the answer: the new check-in, or the one that stood (the
   * repeat kept); or, when it wrote nothing, why — 404, the rule broken, no seat, or a
   * registration checked in under someone else.
   */
  private settle(eventId: string, attempt: ScanAttempt, scan: Scan, now: Date, missingSeat: (knownPersonId: string | null) => DomainError): { event: DoorEvent; recorded: Recorded } {
    const { event, recorded } = attempt;
    if (!event) throw new NotFoundError('Event', eventId);
    // The statement's condition is checkInRefusal's; it names the rule that failed.
    if (!attempt.open) throw refusalError(checkInRefusal(event, scan.checkedInAt, now) ?? 'outside-check-in-window', event);
    if (!attempt.seated) throw missingSeat(attempt.knownPersonId);
    // Only if the registration that was checked in now names someone else.
    if (!recorded) throw new ConflictError('The registration was checked in under another person: ask the organizer to review it', 'check-in-conflict');
    return { event, recorded };
  }

  /** The event within reach, open for a scan made at `checkedInAt` (DESIGN §3.5), or 404 / 409 / 400. */
  private async openEvent(manager: EntityManager, caller: Caller, eventId: string, checkedInAt: Date, now: Date): Promise<DoorEvent> {
    const event = toDoorEvent(await this.events.findReadableEvent(caller, eventId, manager));
    const refusal = checkInRefusal(event, checkedInAt, now);
    if (refusal) throw refusalError(refusal, event);
    return event;
  }

  /**
   * Offline scans, up to 1,000 (DESIGN §4). Every item answers on its own: `created`,
   * `duplicate` (already checked in, or this very scan was received before — a replayed batch
   * changes nothing), or `rejected` with the reason. Of several scans of one person the earliest
   * `checkedInAt` wins (see offline-sync.ts). A malformed batch is refused whole (400), and an
   * event that is a DRAFT or CANCELLED refuses the whole batch (409): nothing in it could count.
   *
   * Fast path: one query resolves every ticket, person id and NIP; one reads the people's
   * check-ins; three set-based statements write the plan. Each person's writes are applied whole
   * or not at all: if the set-based write fails on one person's data, it is rolled back and
   * applied again person by person, each under a savepoint, so one bad item cannot fail the others.
   */
  async syncBatch(caller: Caller, eventId: string, dto: CheckInBatchDto): Promise<CheckInBatchResponse> {
    const identifiers = batchIdentifiers(dto);
    const now = new Date();
    return transaction(this.dataSource, async (manager) => {
      const event = toDoorEvent(await this.events.findReadableEvent(caller, eventId, manager));
      const closed = eventRefusal(event);
      if (closed) throw refusalError(closed, event);

      const resolved = await this.repository.resolveScans(manager, event, identifiers.map(scanKey));
      const rejected = new Map<number, BatchRejection>();
      const items: SyncItem[] = [];
      dto.items.forEach((item, index) => {
        const checkedInAt = new Date(item.checkedInAt);
        const { seat, knownPersonId } = resolved[index];
        const refusal = timeRefusal(event, checkedInAt, now) ?? (seat ? null : missingSeatReason(identifiers[index], knownPersonId));
        if (refusal) return void rejected.set(index, refusal as BatchRejection);
        const scan = { checkedInAt, method: 'OFFLINE_SYNC' as const, identifiedBy: identifiers[index].kind, deviceId: item.deviceId, clientCheckinId: item.clientCheckinId };
        items.push({ index, seat: seat!, scan });
      });

      const { outcomes, failed, written, views } = await this.writeSync(manager, event, items, resolved);
      for (const [index, reason] of failed) rejected.set(index, reason);
      const checkIns = await this.respondWithViews(manager, event, views, [...outcomes.values()].map((outcome) => outcome.checkInId));
      const results = dto.items.map((item, index): CheckInBatchResult => {
        const reason = rejected.get(index);
        if (reason) return { clientCheckinId: item.clientCheckinId, status: 'rejected', reason };
        const outcome = outcomes.get(index)!;
        return { clientCheckinId: item.clientCheckinId, status: outcome.status, checkIn: checkIns.get(outcome.checkInId) };
      });
      // A replay wrote nothing: nothing to audit.
      if (written) {
        const count = (status: CheckInBatchResult['status']) => results.filter((result) => result.status === status).length;
        await this.audit.record(manager, caller, {
          action: 'sync-check-ins',
          entity: 'event',
          entityId: event.id,
          regionId: event.regionId,
          changes: { items: results.length, created: count('created'), duplicate: count('duplicate'), rejected: count('rejected'), devices: [...new Set(dto.items.map((item) => item.deviceId))] },
        });
      }
      return { results };
    });
  }

  /**
   * Reads the people's check-ins, plans, and writes the plan under a savepoint. A concurrent
   * scan of the same people between the read and the write (CheckInRaced, or a client id taken
   * meanwhile) means: read again and re-plan. A write that fails on the data itself falls back
   * to one savepoint per person. Answers with the check-in that now stands for each person
   * written, built from what was read and written (no second read of a thousand rows).
   */
  private async writeSync(manager: EntityManager, event: DoorEvent, items: readonly SyncItem[], resolved: readonly ResolvedScan[]): Promise<SyncWrite> {
    const personIds = [...new Set(items.map((item) => item.seat.personId))];
    const clientIds = items.map((item) => item.scan.clientCheckinId);
    for (let attempt = 1; ; attempt += 1) {
      const state = await this.repository.findSyncState(manager, event, personIds, clientIds);
      const plan = planSync(items, state);
      try {
        const received = await withSavepoint(manager, () => this.repository.applySync(manager, event, plan.people));
        return { outcomes: plan.outcomes, failed: new Map(), written: plan.people.length > 0, views: standingViews(event, items, plan.people, new Set(), state, received, resolved) };
      } catch (error) {
        if (isRace(error)) {
          if (attempt < MAX_SYNC_ATTEMPTS) continue;
          throw new ConflictError('Other devices keep changing the same check-ins: send the batch again', 'check-in-busy');
        }
        if (!isDataError(error)) throw error;
        this.logger.warn({ err: error, eventId: event.id }, 'Set-based check-in sync failed; applying person by person');
        return this.writeEachPerson(manager, event, items, plan, state, resolved);
      }
    }
  }

  /** The fallback: each person's writes under a savepoint of their own; the items of a person that fails are rejected. */
  private async writeEachPerson(
    manager: EntityManager,
    event: DoorEvent,
    items: readonly SyncItem[],
    plan: SyncPlan,
    state: SyncState,
    resolved: readonly ResolvedScan[],
  ): Promise<SyncWrite> {
    const failed = new Map<number, BatchRejection>();
    const failedPeople = new Set<string>();
    const written: PersonSync[] = [];
    const received = new Map<string, Date>();
    for (const person of plan.people) {
      try {
        for (const [id, at] of await withSavepoint(manager, () => this.repository.applySync(manager, event, [person]))) received.set(id, at);
        written.push(person);
      } catch (error) {
        if (!isDataError(error) && !isRace(error)) throw error;
        this.logger.warn({ err: error, eventId: event.id, personId: person.personId }, 'Offline scans of one person could not be recorded');
        for (const index of person.indexes) failed.set(index, 'not-recorded');
        failedPeople.add(person.personId);
      }
    }
    return { outcomes: plan.outcomes, failed, written: written.length > 0, views: standingViews(event, items, written, failedPeople, state, received, resolved) };
  }

  /** The event's conflict entries (repeated and replaced scans), newest first. */
  async listConflicts(caller: Caller, eventId: string, query: CheckInConflictQuery): Promise<Page<CheckInConflictResponse>> {
    const event = toDoorEvent(await this.events.findReadableEvent(caller, eventId));
    const { items, total } = await this.repository.findConflicts(event, query);
    return page(items, total, query, (view) => toCheckInConflictResponse(view, event.timezone));
  }

  /**
   * Responses for these check-ins: from `known` views, the others read (a replay of a scan the
   * batch did not touch), with the signing links of all of them read in one statement.
   */
  private async respondWithViews(manager: EntityManager, event: DoorEvent, known: ReadonlyMap<string, CheckInView>, ids: readonly string[]): Promise<Map<string, CheckInResponse>> {
    const missing = ids.filter((id) => !known.has(id));
    const read = await this.repository.findCheckInViews(manager, event, missing);
    const views = [...known.values(), ...read.values()];
    const links = await this.signLinks.forCheckIns(
      views.map((view) => ({ checkInId: view.id, regionId: event.regionId, eventId: event.id, personId: view.personId })),
      manager,
    );
    return new Map(views.map((view) => [view.id, toCheckInResponse(view, event.timezone, links.get(view.id) ?? null)]));
  }
}

/** Ticket codes are matched as the alphabet prints them: typed lower-case, with dashes, or O for 0. */
function scanKey(identifier: Exclude<ScanIdentifier, { kind: 'WALK_IN' }>): ScanKey {
  switch (identifier.kind) {
    case 'TICKET':
      return { ticketCode: normalizeCode(identifier.ticketCode) };
    case 'PERSON':
      return { personId: identifier.personId };
    case 'NIP':
      return { nip: identifier.nip };
  }
}

/**
 * Someone without a seat at the event: an unknown ticket; a person id the region does not know
 * (404, like any id out of reach); or a person, or NIP, without a registration — 409
 * `not-registered`, which tells the door to register them as a walk-in.
 */
function missingSeatReason(identifier: Exclude<ScanIdentifier, { kind: 'WALK_IN' }>, knownPersonId: string | null): BatchRejection {
  if (identifier.kind === 'TICKET') return 'ticket-not-found';
  if (identifier.kind === 'PERSON' && !knownPersonId) return 'person-not-found';
  return 'not-registered';
}

function missingSeatError(identifier: Exclude<ScanIdentifier, { kind: 'WALK_IN' }>, knownPersonId: string | null): DomainError {
  switch (missingSeatReason(identifier, knownPersonId)) {
    case 'ticket-not-found':
      return new TicketNotFoundError(`${(identifier as { ticketCode: string }).ticketCode} is not a ticket of this event`);
    case 'person-not-found':
      return new NotFoundError('Person', (identifier as { personId: string }).personId);
    default:
      return new ConflictError(
        `${knownPersonId ? `Person ${knownPersonId} is not registered for this event` : `Nobody with NIP ${(identifier as { nip: string }).nip} is on the region's roster`}: ` +
          'check them in as a walk-in (walkIn) to register them at the door',
        'not-registered',
        knownPersonId ? { personId: knownPersonId } : { nip: (identifier as { nip: string }).nip },
      );
  }
}

interface SyncWrite {
  outcomes: SyncPlan['outcomes'];
  failed: Map<number, BatchRejection>;
  /** Whether anything was written (a replay writes nothing). */
  written: boolean;
  /** The check-in standing for each person of the batch, by check-in id. */
  views: Map<string, CheckInView>;
}

/**
 * The check-in that stands for each person of the batch, from what was read and written: the new
 * one, the stored one with the earlier scan it took, or the stored one unchanged (a replay, a
 * later scan) — with the person as the batch resolved them. A person whose writes failed has none.
 */
function standingViews(
  event: DoorEvent,
  items: readonly SyncItem[],
  written: readonly PersonSync[],
  failed: ReadonlySet<string>,
  state: SyncState,
  received: ReadonlyMap<string, Date>,
  resolved: readonly ResolvedScan[],
): Map<string, CheckInView> {
  const writes = new Map(written.map((person) => [person.personId, person]));
  const views = new Map<string, CheckInView>();
  for (const item of items) {
    const personId = item.seat.personId;
    if (failed.has(personId)) continue;
    const person = writes.get(personId);
    const stored = state.checkIns.get(personId);
    const standing = person?.insert
      ? { id: person.insert.id, scan: person.insert.scan, createdAt: received.get(person.insert.id)! }
      : stored && { id: stored.id, scan: person?.replace?.scan ?? stored.scan, createdAt: stored.createdAt };
    if (standing && !views.has(standing.id)) views.set(standing.id, { ...resolved[item.index].seat!, ...standing.scan, id: standing.id, eventId: event.id, createdAt: standing.createdAt });
  }
  return views;
}

async function withSavepoint<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  await manager.query('SAVEPOINT check_in_sync');
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await manager.query('ROLLBACK TO SAVEPOINT check_in_sync');
    throw error;
  }
  await manager.query('RELEASE SAVEPOINT check_in_sync');
  return result;
}

/** Another writer got there first: a unique key taken between the read and the write, or a stored time that changed. */
function isRace(error: unknown): boolean {
  return error instanceof CheckInRaced || isUniqueViolation(error);
}

/** A failure caused by the rows written (a constraint, a trigger), not by the connection or the server. */
function isDataError(error: unknown): boolean {
  const code = sqlStateOf(error);
  return code !== undefined && (code.startsWith('23') || code.startsWith('22') || code === 'P0001');
}
