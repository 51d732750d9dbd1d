import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../common/caller.js';
import { findInReach, withinReach } from '../common/scope.js';
import { buildCalendarFeed, buildEventCalendar, type CalendarEvent } from '../documents/ics.js';
import { formatTimeRange, toLocalIso } from '../documents/indonesian-time.js';
import { Region } from '../regions/region.entity.js';
import type { EventSpeaker } from './event-speaker.entity.js';
import type { Event } from './event.entity.js';
import { EventsRepository, seesDrafts } from './events.repository.js';
import { fileSlug } from '../documents/file-name.js';

export interface CalendarFile {
  filename: string;
  body: string;
}

/**
 * The region feed's window: events that ended at most a year ago, and every upcoming one (at
 * most FEED_MAX_EVENTS, the soonest first). A calendar app re-downloads the whole feed every few
 * hours; the region's full history would grow it without bound, and last year's events are
 * already in subscribers' calendars.
 */
const FEED_HISTORY = '1 year';
export const FEED_MAX_EVENTS = 1000;

/**
 * iCalendar files: one event, or a region's feed for calendar apps to subscribe to. The feed
 * holds what the caller may read: SCHEDULED, COMPLETED and CANCELLED events (so a cancellation
 * reaches subscribers), and DRAFTs too for organizers, marked tentative.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: EventsRepository,
  ) {}

  async eventCalendar(caller: Caller, id: string): Promise<CalendarFile> {
    const event = await this.repository.findReadableEvent(caller, id);
    const programme = (await this.repository.findProgrammes([id])).get(id)!;
    const localDate = toLocalIso(event.startsAt, event.region!.timezone).slice(0, 10);
    return { filename: `${fileSlug(event.title, 'event')}-${localDate}.ics`, body: buildEventCalendar(toCalendarEvent(event, programme)) };
  }

  async regionFeed(caller: Caller, regionId: string): Promise<CalendarFile> {
    const region = await findInReach(this.dataSource.manager, caller, Region, regionId);
    const qb = withinReach(this.repository.selectEvents(), caller, { regionId }).andWhere(`e.ends_at >= now() - interval '${FEED_HISTORY}'`);
    if (!seesDrafts(caller)) qb.andWhere("e.status <> 'DRAFT'");
    // limit, not take: the join is many-to-one, so rows are events.
    const events = await qb.orderBy('e.starts_at').addOrderBy('e.id').limit(FEED_MAX_EVENTS).getMany();
    const programmes = await this.repository.findProgrammes(events.map((event) => event.id));
    const body = buildCalendarFeed(
      events.map((event) => toCalendarEvent(event, programmes.get(event.id)!)),
      { name: `Netralitas ASN — ${region.name}`, timezone: region.timezone },
    );
    return { filename: `netralitas-${region.code}.ics`, body };
  }
}

function toCalendarEvent(event: Event, programme: readonly EventSpeaker[]): CalendarEvent {
  const timezone = event.region!.timezone;
  const cancelled = event.status === 'CANCELLED';
  const speakers = programme.map((slot) => {
    const who = [slot.speaker!.fullName, slot.speaker!.title].filter(Boolean).join(', ');
    return `${slot.order}. ${formatTimeRange(slot.startsAt, slot.endsAt, timezone)} — ${who}: ${slot.topic}`;
  });
  const description = [
    cancelled ? `DIBATALKAN: ${event.cancellationReason}` : null,
    speakers.length > 0 ? `Narasumber:\n${speakers.join('\n')}` : null,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    id: event.id,
    // Not every calendar app shows STATUS:CANCELLED; the title says it to everyone.
    title: cancelled ? `DIBATALKAN: ${event.title}` : event.title,
    description: description || null,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timezone,
    status: event.status,
    organizer: event.organizer,
    updatedAt: event.updatedAt,
    sequence: event.revision,
  };
}

