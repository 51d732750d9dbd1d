import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../common/caller.js';
import { ConflictError } from '../common/errors.js';
import { oneInReach, reachCondition, withinReach } from '../common/scope.js';
import type { IndonesianTimezone } from '../regions/region.entity.js';
import { Speaker } from '../speakers/speaker.entity.js';
import type { Role } from '../common/roles.js';
import { EventSpeaker } from './event-speaker.entity.js';
import { Event } from './event.entity.js';

/** DRAFT events are work in progress: only the roles that write events see them (elsewhere they answer 404). */
const DRAFT_READERS: readonly Role[] = ['ADMIN', 'ORGANIZER'];

export function seesDrafts(caller: Caller): boolean {
  return DRAFT_READERS.includes(caller.role);
}

/** Another event that already has one of the speakers at an overlapping time. */
export interface Booking {
  speakerId: string;
  speakerName: string;
  eventId: string;
  eventTitle: string;
  timezone: IndonesianTimezone;
  startsAt: Date;
  endsAt: Date;
}

interface BookingRow {
  speaker_id: string;
  full_name: string;
  event_id: string;
  title: string;
  timezone: IndonesianTimezone;
  starts_at: Date;
  ends_at: Date;
}

/** The queries of the events feature, named for what they are for. Events come with their region joined. */
@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Events with their region; the caller's filters go on top. */
  selectEvents(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<Event> {
    return manager.createQueryBuilder(Event, 'e').innerJoinAndSelect('e.region', 'r');
  }

  /** An event the caller may read, or 404 (outside its regions, or a DRAFT it may not see). */
  async findReadableEvent(caller: Caller, id: string, manager: EntityManager = this.dataSource.manager): Promise<Event> {
    return oneInReach(this.selectReadable(caller, manager), caller, id);
  }

  /**
   * The rule of findReadableEvent as an SQL condition on `alias` (events), for a statement that
   * embeds the lookup — door check-in reads the event and writes the check-in in one round trip.
   * Parameters are numbered from `$firstParam`; no row means 404.
   */
  readableEventCondition(caller: Caller, id: string, alias: string, firstParam: number): { sql: string; params: unknown[] } {
    const reach = reachCondition(this.dataSource.manager, caller, Event, alias, firstParam + 1);
    const drafts = seesDrafts(caller) ? '' : ` AND ${alias}.status <> 'DRAFT'`;
    return { sql: `${alias}.id = $${firstParam}::uuid${drafts} AND ${reach.sql}`, params: [id, ...reach.params] };
  }

  private selectReadable(caller: Caller, manager: EntityManager): SelectQueryBuilder<Event> {
    const qb = this.selectEvents(manager);
    if (!seesDrafts(caller)) qb.andWhere("e.status <> 'DRAFT'");
    return qb;
  }

  /**
   * Locks an event for a change within the caller's transaction, or 404. NO KEY UPDATE: it
   * serialises writers of the event without blocking rows elsewhere that merely reference it.
   */
  async lockEventForWrite(caller: Caller, id: string, manager: EntityManager): Promise<Event> {
    return oneInReach(this.selectEvents(manager), caller, id, { lock: true });
  }

  /** One event as the API shows it: with its region and its programme. */
  async findEventWithProgramme(id: string, manager: EntityManager): Promise<{ event: Event; programme: EventSpeaker[] }> {
    const event = await this.selectEvents(manager).where('e.id = :id', { id }).getOneOrFail();
    return { event, programme: (await this.findProgrammes([id], manager)).get(id)! };
  }

  /**
   * Takes `count` of the event's seats within the caller's transaction (a negative count gives
   * seats back) and returns how many are left. One conditional UPDATE: of concurrent requests
   * for the last seats, the ones that would pass the capacity change nothing and get 409 with
   * the seats that remain (DESIGN §3.2). Every registration, invited or walk-in, goes through here.
   */
  async takeSeats(manager: EntityManager, eventId: string, count: number): Promise<number> {
    // The CTE makes the UPDATE's RETURNING come back as plain rows.
    const [taken] = (await manager.query(
      `WITH taken AS (
         UPDATE events SET registered = registered + $2 WHERE id = $1 AND registered + $2 <= capacity
         RETURNING capacity - registered AS seats_left
       )
       SELECT seats_left FROM taken`,
      [eventId, count],
    )) as Array<{ seats_left: number }>;
    if (taken) return taken.seats_left;
    const [{ seats_left: seatsLeft }] = (await manager.query('SELECT capacity - registered AS seats_left FROM events WHERE id = $1', [eventId])) as Array<{ seats_left: number }>;
    throw new ConflictError(
      seatsLeft === 0 ? 'The event is full: no seats are left' : `Only ${seatsLeft} of the event's seats are left; ${count} were asked for`,
      'capacity-exceeded',
      { seatsLeft },
    );
  }

  /** Marks a change of the event (its fields or its programme) for calendar clients. */
  async bumpRevision(id: string, manager: EntityManager): Promise<void> {
    await manager.createQueryBuilder().update(Event).set({ revision: () => 'revision + 1' }).where('id = :id', { id }).execute();
  }

  /** The programmes of several events, each in order, speakers loaded. */
  async findProgrammes(eventIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, EventSpeaker[]>> {
    const programmes = new Map<string, EventSpeaker[]>(eventIds.map((id) => [id, []]));
    if (eventIds.length === 0) return programmes;
    const slots = await manager.find(EventSpeaker, {
      where: { eventId: In([...eventIds]) },
      relations: { speaker: true },
      order: { eventId: 'ASC', order: 'ASC' },
    });
    for (const slot of slots) programmes.get(slot.eventId)!.push(slot);
    return programmes;
  }

  /**
   * Locks the speakers within the caller's reach for the rest of the transaction, in id order so
   * that two programmes sharing speakers queue instead of deadlocking. Whoever books a speaker
   * holds this lock while checking the speaker's other bookings, so two overlapping bookings
   * cannot both pass. Ids out of reach are simply missing from the answer.
   */
  async lockSpeakers(caller: Caller, speakerIds: readonly string[], manager: EntityManager): Promise<Speaker[]> {
    if (speakerIds.length === 0) return [];
    return withinReach(manager.createQueryBuilder(Speaker, 's').where('s.id = ANY(:speakerIds)', { speakerIds }), caller)
      .orderBy('s.id')
      .setLock('for_no_key_update')
      .getMany();
  }

  /**
   * Bookings of these speakers in other events that are not cancelled and overlap
   * [startsAt, endsAt). Back-to-back events do not overlap.
   */
  async findOverlappingBookings(
    speakerIds: readonly string[],
    window: { eventId: string; startsAt: Date; endsAt: Date },
    manager: EntityManager,
  ): Promise<Booking[]> {
    if (speakerIds.length === 0) return [];
    const rows = (await manager.query(
      `SELECT DISTINCT es.speaker_id, s.full_name, e.id AS event_id, e.title, r.timezone, e.starts_at, e.ends_at
         FROM event_speakers es
         JOIN events e ON e.id = es.event_id
         JOIN regions r ON r.id = e.region_id
         JOIN speakers s ON s.id = es.speaker_id
        WHERE es.speaker_id = ANY($1)
          AND es.event_id <> $2
          AND e.status <> 'CANCELLED'
          AND e.starts_at < $4
          AND e.ends_at > $3
        ORDER BY e.starts_at, s.full_name`,
      [speakerIds, window.eventId, window.startsAt, window.endsAt],
    )) as BookingRow[];
    return rows.map((row) => ({
      speakerId: row.speaker_id,
      speakerName: row.full_name,
      eventId: row.event_id,
      eventTitle: row.title,
      timezone: row.timezone,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
    }));
  }
}
