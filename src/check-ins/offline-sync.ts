import { randomUUID } from 'node:crypto';
import type { CheckInMethod, IdentifiedBy } from './check-in.entity.js';

/**
 * How a batch of offline scans is merged into what the server already holds (DESIGN §3.3):
 * pure logic, so every ordering can be tested without a database. The service reads the state
 * (under a lock on the people concerned), plans with `planSync`, and writes the plan set-based.
 *
 * - A scan whose `clientCheckinId` is already recorded — as a check-in or as a conflict, or
 *   earlier in the same batch — is a replay: nothing changes, and no new conflict is kept.
 * - Of all scans of one person (stored and new), the earliest `checkedInAt` is the check-in;
 *   on a tie the one already stored stays. A new earlier scan replaces the stored time, device,
 *   method and client id; the scan it replaces becomes a conflict entry, so nothing is lost.
 * - Every other scan of the person becomes a conflict entry.
 */

export interface Scan {
  checkedInAt: Date;
  method: CheckInMethod;
  identifiedBy: IdentifiedBy;
  deviceId: string | null;
  clientCheckinId: string | null;
}

/** The registration a scan was resolved to. */
export interface Seat {
  registrationId: string;
  personId: string;
  agencyId: string;
}

export interface SyncItem {
  /** Position in the batch. */
  index: number;
  seat: Seat;
  scan: Scan & { clientCheckinId: string };
}

export interface StoredCheckIn {
  id: string;
  seat: Seat;
  scan: Scan;
  createdAt: Date;
}

export interface SyncState {
  /** The event's check-ins of the batch's people, by person. */
  checkIns: ReadonlyMap<string, StoredCheckIn>;
  /** The batch's client ids already recorded for the event, and the check-in each belongs to. */
  recordedClientIds: ReadonlyMap<string, string>;
}

export type SyncStatus = 'created' | 'duplicate';

/** What happens to one person: the writes, applied together or not at all. */
export interface PersonSync {
  personId: string;
  /** The batch items this person's writes stand for. */
  indexes: number[];
  insert?: { id: string; seat: Seat; scan: Scan };
  /** The stored check-in takes an earlier scan; `storedAt` is the time it must still hold. */
  replace?: { checkInId: string; scan: Scan; storedAt: Date };
  conflicts: Array<{ checkInId: string; seat: Seat; scan: Scan }>;
}

export interface SyncPlan {
  /** For every item: created or duplicate, and the check-in that stands for the person. */
  outcomes: Map<number, { status: SyncStatus; checkInId: string }>;
  people: PersonSync[];
}

export function planSync(items: readonly SyncItem[], state: SyncState, newId: () => string = randomUUID): SyncPlan {
  const outcomes = new Map<number, { status: SyncStatus; checkInId: string }>();
  // Replays first, in batch order: the first item to carry a client id owns it.
  const claimedBy = new Map<string, SyncItem>();
  const replays: Array<{ item: SyncItem; owner: SyncItem | string }> = [];
  const byPerson = new Map<string, SyncItem[]>();
  for (const item of items) {
    const clientId = item.scan.clientCheckinId;
    const recorded = state.recordedClientIds.get(clientId);
    const owner = recorded ?? claimedBy.get(clientId);
    if (owner !== undefined) {
      replays.push({ item, owner });
      continue;
    }
    claimedBy.set(clientId, item);
    const scans = byPerson.get(item.seat.personId) ?? [];
    scans.push(item);
    byPerson.set(item.seat.personId, scans);
  }

  const standing = new Map<string, { checkInId: string; sync: PersonSync }>();
  const people: PersonSync[] = [];
  for (const [personId, scans] of byPerson) {
    scans.sort((a, b) => a.scan.checkedInAt.getTime() - b.scan.checkedInAt.getTime() || a.index - b.index);
    const [earliest, ...later] = scans;
    const stored = state.checkIns.get(personId);
    const sync: PersonSync = { personId, indexes: scans.map((item) => item.index), conflicts: [] };
    let checkInId: string;
    if (!stored) {
      checkInId = newId();
      sync.insert = { id: checkInId, seat: earliest.seat, scan: earliest.scan };
      outcomes.set(earliest.index, { status: 'created', checkInId });
    } else if (earliest.scan.checkedInAt < stored.scan.checkedInAt) {
      checkInId = stored.id;
      sync.replace = { checkInId, scan: earliest.scan, storedAt: stored.scan.checkedInAt };
      sync.conflicts.push({ checkInId, seat: stored.seat, scan: stored.scan });
      outcomes.set(earliest.index, { status: 'duplicate', checkInId });
    } else {
      checkInId = stored.id;
      sync.conflicts.push({ checkInId, seat: earliest.seat, scan: earliest.scan });
      outcomes.set(earliest.index, { status: 'duplicate', checkInId });
    }
    for (const item of later) {
      sync.conflicts.push({ checkInId, seat: item.seat, scan: item.scan });
      outcomes.set(item.index, { status: 'duplicate', checkInId });
    }
    standing.set(personId, { checkInId, sync });
    people.push(sync);
  }

  for (const { item, owner } of replays) {
    if (typeof owner === 'string') {
      outcomes.set(item.index, { status: 'duplicate', checkInId: owner });
      continue;
    }
    // A replay within the batch stands or falls with the scan it repeats.
    const { checkInId, sync } = standing.get(owner.seat.personId)!;
    sync.indexes.push(item.index);
    outcomes.set(item.index, { status: 'duplicate', checkInId });
  }
  return { outcomes, people };
}
