import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { ConflictError, ValidationError } from '../common/errors.js';
import { type Page, page } from '../common/pagination.js';
import { changedFields, hasChanges } from '../common/patch.js';
import { findInReach, targetRegionId, withinReach } from '../common/scope.js';
import { containsPattern } from '../common/sql.js';
import { transaction } from '../common/transaction.js';
import { Election } from '../elections/election.entity.js';
import { Region } from '../regions/region.entity.js';
import { type CreateEventDto, type EventQuery, type EventResponse, type UpdateEventDto, toEventResponse } from './dto/event.dto.js';
import { type EventAction, assertEditable, invalidTransition, TRANSITIONS } from './event-status.js';
import { Event, type EventStatus } from './event.entity.js';
import { EventsRepository, seesDrafts } from './events.repository.js';
import { ProgrammeService } from './programme.service.js';

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: EventsRepository,
    private readonly programme: ProgrammeService,
    private readonly audit: AuditService,
  ) {}

  /**
   * `from`/`to` select the events that overlap the period [from, to): still running at `from`
   * (endsAt > from) and starting before `to`. A date alone means 00:00 UTC of that day.
   */
  async list(caller: Caller, query: EventQuery): Promise<Page<EventResponse>> {
    const qb = withinReach(this.repository.selectEvents(), caller, { regionId: query.regionId });
    if (!seesDrafts(caller)) qb.andWhere("e.status <> 'DRAFT'");
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.type) qb.andWhere('e.type = :type', { type: query.type });
    if (query.electionId) qb.andWhere('e.election_id = :electionId', { electionId: query.electionId });
    if (query.from) qb.andWhere('e.ends_at > :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('e.starts_at < :to', { to: new Date(query.to) });
    if (query.q) qb.andWhere('e.title ILIKE :q', { q: containsPattern(query.q) });
    // limit/offset rather than take/skip: the join is many-to-one, so rows are events.
    const [events, total] = await qb.orderBy('e.starts_at').addOrderBy('e.id').limit(query.limit).offset(query.offset).getManyAndCount();
    const programmes = await this.repository.findProgrammes(events.map((event) => event.id));
    return page(events, total, query, (event) => toEventResponse(event, programmes.get(event.id)!));
  }

  async get(caller: Caller, id: string): Promise<EventResponse> {
    const event = await this.repository.findReadableEvent(caller, id);
    const programmes = await this.repository.findProgrammes([id]);
    return toEventResponse(event, programmes.get(id)!);
  }

  /** A new event is a DRAFT, seen by organizers only until it is published. */
  async create(caller: Caller, dto: CreateEventDto): Promise<EventResponse> {
    const regionId = targetRegionId(caller, dto.regionId);
    const { startsAt, endsAt } = eventTimes(new Date(dto.startsAt), new Date(dto.endsAt), 'endsAt');
    return transaction(this.dataSource, async (manager) => {
      const region = await findInReach(manager, caller, Region, regionId);
      if (dto.electionId) await assertElectionExists(manager, dto.electionId);
      const event = await manager.save(
        Event,
        manager.create(Event, {
          regionId,
          title: dto.title,
          type: dto.type,
          topics: dto.topics ?? [],
          electionId: dto.electionId ?? null,
          organizer: dto.organizer ?? null,
          venueName: dto.venueName,
          venueAddress: dto.venueAddress ?? null,
          startsAt,
          endsAt,
          capacity: dto.capacity,
          letterNumber: dto.letterNumber ?? null,
          status: 'DRAFT',
        }),
      );
      await this.audit.record(manager, caller, { action: 'create', entity: 'event', entityId: event.id, regionId, changes: { ...dto, regionId } });
      event.region = region;
      return toEventResponse(event, []);
    });
  }

  /** While DRAFT or SCHEDULED only. New times must still hold the programme, and its speakers must be free. */
  async update(caller: Caller, id: string, dto: UpdateEventDto): Promise<EventResponse> {
    return transaction(this.dataSource, async (manager) => {
      const event = await this.repository.lockEventForWrite(caller, id, manager);
      const { startsAt, endsAt } = eventTimes(
        dto.startsAt ? new Date(dto.startsAt) : event.startsAt,
        dto.endsAt ? new Date(dto.endsAt) : event.endsAt,
        dto.endsAt ? 'endsAt' : 'startsAt',
      );
      const { startsAt: _startsAt, endsAt: _endsAt, ...fields } = dto;
      const changes = changedFields(event, { ...fields, startsAt, endsAt });
      if (!hasChanges(changes)) {
        const unchanged = await this.repository.findEventWithProgramme(id, manager);
        return toEventResponse(unchanged.event, unchanged.programme);
      }
      assertEditable(event);
      if (changes.capacity !== undefined && changes.capacity < event.registered) {
        // The seats already given stay given: lowering below them would over-book the hall.
        throw new ConflictError(`${event.registered} people are already registered: the capacity cannot go below that`, 'capacity-below-registrations', {
          registered: event.registered,
          errors: [{ field: 'capacity', message: `must be at least ${event.registered}, the registrations already made` }],
        });
      }
      if (changes.electionId) await assertElectionExists(manager, changes.electionId);
      if (changes.startsAt || changes.endsAt) await this.programme.assertProgrammeFits(caller, event, startsAt, endsAt, manager);
      await manager.update(Event, { id }, { ...changes, revision: () => 'revision + 1' });
      await this.audit.record(manager, caller, { action: 'update', entity: 'event', entityId: id, regionId: event.regionId, changes });
      const saved = await this.repository.findEventWithProgramme(id, manager);
      return toEventResponse(saved.event, saved.programme);
    });
  }

  /**
   * publish, complete, cancel. The event row is locked first, so of two concurrent requests the
   * second waits, then reads the status the first left and answers 409.
   */
  async transition(caller: Caller, id: string, action: EventAction, reason?: string): Promise<EventResponse> {
    const { from, to } = TRANSITIONS[action];
    return transaction(this.dataSource, async (manager) => {
      const current = await this.repository.lockEventForWrite(caller, id, manager);
      if (!(from as readonly EventStatus[]).includes(current.status)) throw invalidTransition(current, action);
      await manager.update(Event, { id }, {
        status: to,
        revision: () => 'revision + 1',
        ...(to === 'CANCELLED' ? { cancelledAt: () => 'now()', cancellationReason: reason } : {}),
      });
      const { event, programme } = await this.repository.findEventWithProgramme(id, manager);
      await this.audit.record(manager, caller, { action, entity: 'event', entityId: id, regionId: event.regionId, changes: { status: to, ...(reason ? { reason } : {}) } });
      return toEventResponse(event, programme);
    });
  }
}

function eventTimes(startsAt: Date, endsAt: Date, field: 'startsAt' | 'endsAt'): { startsAt: Date; endsAt: Date } {
  if (endsAt <= startsAt) {
    throw ValidationError.field(field, field === 'endsAt' ? 'endsAt must be after startsAt' : 'startsAt must be before endsAt');
  }
  return { startsAt, endsAt };
}

async function assertElectionExists(manager: EntityManager, electionId: string): Promise<void> {
  if (!(await manager.existsBy(Election, { id: electionId }))) {
    throw ValidationError.field('electionId', `election ${electionId} does not exist`);
  }
}
