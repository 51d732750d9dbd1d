import { ConflictError } from '../common/errors.js';
import type { EventStatus } from '../events/event.entity.js';

/**
 * 409 when an invitation's event is not SCHEDULED (DESIGN §3.5): a DRAFT takes no invitations yet,
 * a CANCELLED or COMPLETED event none any more, nor answers or letters. `eventStatus` gives the
 * current status (`status` is the HTTP one in problem+json).
 */
export function assertEventScheduled(event: { id: string; status: EventStatus }, consequence: string): void {
  if (event.status !== 'SCHEDULED') {
    throw new ConflictError(`Event ${event.id} is ${event.status}: ${consequence}`, 'event-not-scheduled', { eventStatus: event.status });
  }
}
