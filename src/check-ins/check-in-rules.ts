import { ConflictError, type DomainError, ValidationError } from '../common/errors.js';
import { toLocalIso } from '../documents/indonesian-time.js';
import type { EventStatus } from '../events/event.entity.js';
import type { IndonesianTimezone } from '../regions/region.entity.js';

/**
 * When the door may check people in (DESIGN §3.5): the event is published (SCHEDULED, or already
 * COMPLETED — offline scans are often synced after the organizer has closed the event), and the
 * scan's own time lies in [startsAt − 3 h, endsAt + 6 h]. The window applies to `checkedInAt`,
 * the moment the person arrived as the device saw it, not to when the server hears of it: a
 * phone that was offline all afternoon may sync the next morning.
 */
export const OPENS_BEFORE_START_MS = 3 * 60 * 60 * 1000;
export const CLOSES_AFTER_END_MS = 6 * 60 * 60 * 1000;

/**
 * How far a device's clock may run ahead of the server's. Phones set their clocks from the
 * network, but a few minutes of drift are common on cheap devices that were offline; a scan
 * further ahead than this cannot have happened yet and is refused.
 */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Why a scan is refused; the same words are the problem `type` of the single route and the `reason` of a batch item. */
export type CheckInRefusal = 'event-draft' | 'event-cancelled' | 'outside-check-in-window' | 'checked-in-at-in-future';

export interface CheckInEvent {
  id: string;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  timezone: IndonesianTimezone;
}

export function checkInWindow(event: Pick<CheckInEvent, 'startsAt' | 'endsAt'>): { opensAt: Date; closesAt: Date } {
  return { opensAt: new Date(event.startsAt.getTime() - OPENS_BEFORE_START_MS), closesAt: new Date(event.endsAt.getTime() + CLOSES_AFTER_END_MS) };
}

/** Statuses in which the door is open. */
export const OPEN_STATUSES: readonly EventStatus[] = ['SCHEDULED', 'COMPLETED'];

/** Refusals that concern the event itself, whatever the scan. */
export function eventRefusal(event: Pick<CheckInEvent, 'status'>): CheckInRefusal | null {
  if (OPEN_STATUSES.includes(event.status)) return null;
  return event.status === 'DRAFT' ? 'event-draft' : 'event-cancelled';
}

/**
 * The status and window rules above as an SQL condition on an event row, for the statement that
 * reads the event and inserts the check-in at once (see CheckInsRepository.checkInByKey). Its
 * parameters come from the constants above: `statuses` OPEN_STATUSES, `opensBefore` and
 * `closesAfter` the milliseconds; when it is false, checkInRefusal names the rule broken.
 */
export function openForScanSql(event: string, at: string, params: { statuses: string; opensBefore: string; closesAfter: string }): string {
  return (
    `(${event}.status::text = ANY(${params.statuses}::text[]) ` +
    `AND ${at} >= ${event}.starts_at - ${params.opensBefore}::int * interval '1 millisecond' ` +
    `AND ${at} <= ${event}.ends_at + ${params.closesAfter}::int * interval '1 millisecond')`
  );
}

/** A scan time the device's clock cannot have seen yet, skew allowed. */
export function isAheadOfClock(checkedInAt: Date, now: Date): boolean {
  return checkedInAt.getTime() > now.getTime() + CLOCK_SKEW_MS;
}

/** Refusals that concern the scan's time, given the server's clock. */
export function timeRefusal(event: Pick<CheckInEvent, 'startsAt' | 'endsAt'>, checkedInAt: Date, now: Date): CheckInRefusal | null {
  if (isAheadOfClock(checkedInAt, now)) return 'checked-in-at-in-future';
  const { opensAt, closesAt } = checkInWindow(event);
  if (checkedInAt < opensAt || checkedInAt > closesAt) return 'outside-check-in-window';
  return null;
}

/** The first rule a scan breaks, or null when the door may check it in. */
export function checkInRefusal(event: CheckInEvent, checkedInAt: Date, now: Date): CheckInRefusal | null {
  return eventRefusal(event) ?? timeRefusal(event, checkedInAt, now);
}

export function futureScanMessage(): string {
  return `checkedInAt is more than ${CLOCK_SKEW_MS / 60_000} minutes ahead of the server's clock: check the device's date and time`;
}

/** What the door is told, in words: the same sentence for the 409 of one scan and the reason of a batch item. */
export function refusalDetail(reason: CheckInRefusal, event: CheckInEvent): string {
  switch (reason) {
    case 'event-draft':
      return 'The event is still a DRAFT: publish it before checking people in';
    case 'event-cancelled':
      return 'The event is CANCELLED: nobody can be checked in';
    case 'checked-in-at-in-future':
      return futureScanMessage();
    case 'outside-check-in-window': {
      const { opensAt, closesAt } = checkInWindow(event);
      return `Check-in is open from ${toLocalIso(opensAt, event.timezone)} (3 hours before the start) to ${toLocalIso(closesAt, event.timezone)} (6 hours after the end)`;
    }
  }
}

/**
 * The answer to a refused scan: 409 naming the rule (with the window, or the event's status), or
 * 400 on `checkedInAt` for a time that has not happened yet — that is the device's input at fault.
 */
export function refusalError(reason: 'checked-in-at-in-future'): DomainError;
export function refusalError(reason: CheckInRefusal, event: CheckInEvent): DomainError;
export function refusalError(reason: CheckInRefusal, event?: CheckInEvent): DomainError {
  if (reason === 'checked-in-at-in-future' || !event) return ValidationError.field('checkedInAt', futureScanMessage());
  const { opensAt, closesAt } = checkInWindow(event);
  // `eventStatus`, not `status`: problem+json's `status` is the HTTP status.
  const extra = reason === 'outside-check-in-window' ? { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() } : { eventStatus: event.status };
  return new ConflictError(refusalDetail(reason, event), reason, extra);
}
