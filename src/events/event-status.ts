import { ConflictError } from '../common/errors.js';
import type { Event, EventStatus } from './event.entity.js';

/**
 * The status machine: DRAFT → SCHEDULED → COMPLETED, and DRAFT | SCHEDULED → CANCELLED.
 * COMPLETED and CANCELLED are final.
 */
export const TRANSITIONS = {
  publish: { from: ['DRAFT'], to: 'SCHEDULED' },
  complete: { from: ['SCHEDULED'], to: 'COMPLETED' },
  cancel: { from: ['DRAFT', 'SCHEDULED'], to: 'CANCELLED' },
} as const satisfies Record<string, { from: readonly EventStatus[]; to: EventStatus }>;

export type EventAction = keyof typeof TRANSITIONS;

/** Statuses in which an event's fields and programme may still change. */
export const EDITABLE_STATUSES: readonly EventStatus[] = ['DRAFT', 'SCHEDULED'];

export function invalidTransition(event: Pick<Event, 'id' | 'status'>, action: EventAction): ConflictError {
  const allowed = TRANSITIONS[action].from.join(' or ');
  return new ConflictError(`Event ${event.id} is ${event.status}: only a ${allowed} event can be ${PAST[action]}`, 'invalid-transition', {
    eventStatus: event.status,
  });
}

/** 409 once an event is COMPLETED or CANCELLED: what happened stays as it was recorded. */
export function assertEditable(event: Pick<Event, 'id' | 'status'>, consequence = 'it can no longer be changed'): void {
  if (!EDITABLE_STATUSES.includes(event.status)) {
    throw new ConflictError(`Event ${event.id} is ${event.status}: ${consequence}`, 'event-not-editable', { eventStatus: event.status });
  }
}

const PAST: Record<EventAction, string> = { publish: 'published', complete: 'completed', cancel: 'cancelled' };
