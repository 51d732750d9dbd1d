import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { ConflictError, type FieldError, ValidationError } from '../common/errors.js';
import { transaction } from '../common/transaction.js';
import { formatIndonesianDateTimeRange } from '../documents/indonesian-time.js';
import { type EventResponse, type SetProgrammeDto, toEventResponse } from './dto/event.dto.js';
import { EventSpeaker } from './event-speaker.entity.js';
import type { Event } from './event.entity.js';
import { assertEditable } from './event-status.js';
import { type Booking, EventsRepository } from './events.repository.js';

/** The speakers' programme of an event (`PUT /events/:id/speakers`) and the double-booking rule. */
@Injectable()
export class ProgrammeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: EventsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Replaces the whole programme. A speaker booked in an overlapping event is a 409 unless `force`. */
  async setProgramme(caller: Caller, id: string, dto: SetProgrammeDto): Promise<EventResponse> {
    const slots = dto.speakers.map((slot) => ({ ...slot, startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) }));
    throwIfAny(slotShapeErrors(slots));
    return transaction(this.dataSource, async (manager) => {
      const event = await this.repository.lockEventForWrite(caller, id, manager);
      assertEditable(event, 'its programme cannot change');
      const speakerIds = [...new Set(slots.map((slot) => slot.speakerId))];
      const speakers = new Map((await this.repository.lockSpeakers(caller, speakerIds, manager)).map((speaker) => [speaker.id, speaker]));
      const eventTimes = formatIndonesianDateTimeRange(event.startsAt, event.endsAt, event.region!.timezone);
      const errors: FieldError[] = [];
      slots.forEach((slot, i) => {
        const speaker = speakers.get(slot.speakerId);
        if (!speaker) {
          errors.push({ field: `speakers.${i}.speakerId`, message: `speaker ${slot.speakerId} was not found` });
        } else if (speaker.regionId !== event.regionId) {
          errors.push({ field: `speakers.${i}.speakerId`, message: `${speaker.fullName} is in another region's registry: an event books speakers of its own region` });
        }
        if (slot.startsAt < event.startsAt) {
          errors.push({ field: `speakers.${i}.startsAt`, message: `startsAt must not be before the event starts (${eventTimes})` });
        }
        if (slot.endsAt > event.endsAt) {
          errors.push({ field: `speakers.${i}.endsAt`, message: `endsAt must not be after the event ends (${eventTimes})` });
        }
      });
      throwIfAny(errors);

      const conflicts = await this.repository.findOverlappingBookings(speakerIds, { eventId: id, startsAt: event.startsAt, endsAt: event.endsAt }, manager);
      if (conflicts.length > 0 && !dto.force) throw doubleBooking(conflicts, 'send force: true to book anyway');

      await manager.delete(EventSpeaker, { eventId: id });
      if (slots.length > 0) {
        await manager.insert(
          EventSpeaker,
          slots.map((slot) => ({ eventId: id, regionId: event.regionId, speakerId: slot.speakerId, topic: slot.topic, startsAt: slot.startsAt, endsAt: slot.endsAt, order: slot.order })),
        );
      }
      await this.repository.bumpRevision(id, manager);
      await this.audit.record(manager, caller, {
        action: 'set-speakers',
        entity: 'event',
        entityId: id,
        regionId: event.regionId,
        changes: {
          speakers: dto.speakers,
          // A forced double booking is a decision someone took: keep who and which events.
          ...(conflicts.length > 0 ? { forced: true, conflicts: conflicts.map((c) => ({ speakerId: c.speakerId, eventId: c.eventId })) } : {}),
        },
      });
      const saved = await this.repository.findEventWithProgramme(id, manager);
      return toEventResponse(saved.event, saved.programme);
    });
  }

  /**
   * Before an event with a programme moves to new times (inside the caller's transaction,
   * with the event locked): every slot must still fit, and its speakers must be free then.
   */
  async assertProgrammeFits(caller: Caller, event: Event, startsAt: Date, endsAt: Date, manager: EntityManager): Promise<void> {
    const programme = (await this.repository.findProgrammes([event.id], manager)).get(event.id)!;
    if (programme.length === 0) return;
    if (programme.some((slot) => slot.startsAt < startsAt || slot.endsAt > endsAt)) {
      throw new ConflictError(
        'The programme has speakers outside the new times: change the programme (PUT /events/:id/speakers) first',
        'programme-outside-event',
      );
    }
    const speakerIds = [...new Set(programme.map((slot) => slot.speakerId))];
    await this.repository.lockSpeakers(caller, speakerIds, manager);
    const conflicts = await this.repository.findOverlappingBookings(speakerIds, { eventId: event.id, startsAt, endsAt }, manager);
    if (conflicts.length > 0) {
      throw doubleBooking(conflicts, 'change the programme (PUT /events/:id/speakers, with force: true if need be) before moving the event');
    }
  }
}

/** What can be checked on the body alone: each slot ends after it starts, and no position is used twice. */
function slotShapeErrors(slots: ReadonlyArray<{ startsAt: Date; endsAt: Date; order: number }>): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  slots.forEach((slot, i) => {
    if (slot.endsAt <= slot.startsAt) errors.push({ field: `speakers.${i}.endsAt`, message: 'endsAt must be after startsAt' });
    if (seen.has(slot.order)) errors.push({ field: `speakers.${i}.order`, message: `order ${slot.order} is used by another slot` });
    seen.add(slot.order);
  });
  return errors;
}

function throwIfAny(errors: FieldError[]): void {
  if (errors.length > 0) throw new ValidationError(errors);
}

/**
 * 409 naming the other events. The caller may see them all: a speaker is booked only by events
 * of its own region (the foreign keys say so), and the caller reaches the region of this event.
 */
function doubleBooking(bookings: Booking[], remedy: string): ConflictError {
  const sentences = bookings.map(
    (b) => `${b.speakerName} is already booked in "${b.eventTitle}" (event ${b.eventId}), ${formatIndonesianDateTimeRange(b.startsAt, b.endsAt, b.timezone)}`,
  );
  return new ConflictError(`${sentences.join('; ')}: ${remedy}`, 'speaker-double-booked', {
    conflicts: bookings.map((b) => ({
      speakerId: b.speakerId,
      speakerName: b.speakerName,
      eventId: b.eventId,
      eventTitle: b.eventTitle,
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
    })),
  });
}
