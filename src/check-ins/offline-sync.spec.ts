import { planSync, type StoredCheckIn, type SyncItem, type SyncState } from './offline-sync.js';

const seat = (personId: string) => ({ registrationId: `reg-${personId}`, personId, agencyId: 'agency' });
const at = (time: string) => new Date(`2024-10-29T${time}:00+07:00`);

function item(index: number, personId: string, time: string, clientCheckinId: string, deviceId = 'pintu-1'): SyncItem {
  return { index, seat: seat(personId), scan: { checkedInAt: at(time), method: 'OFFLINE_SYNC', identifiedBy: 'TICKET', deviceId, clientCheckinId } };
}

function stored(id: string, personId: string, time: string, clientCheckinId: string | null, deviceId = 'meja'): StoredCheckIn {
  return { id, seat: seat(personId), scan: { checkedInAt: at(time), method: 'QR', identifiedBy: 'TICKET', deviceId, clientCheckinId }, createdAt: at(time) };
}

function state(checkIns: StoredCheckIn[] = [], recorded: Record<string, string> = {}): SyncState {
  return { checkIns: new Map(checkIns.map((c) => [c.seat.personId, c])), recordedClientIds: new Map(Object.entries(recorded)) };
}

let ids = 0;
const newId = () => `new-${++ids}`;

beforeEach(() => {
  ids = 0;
});

describe('planSync (earliest checkedInAt wins)', () => {
  it('creates the check-in of a person not yet checked in', () => {
    const plan = planSync([item(0, 'budi', '12:30', 'a-1')], state(), newId);
    expect(plan.outcomes.get(0)).toEqual({ status: 'created', checkInId: 'new-1' });
    expect(plan.people).toEqual([expect.objectContaining({ personId: 'budi', indexes: [0], insert: expect.objectContaining({ id: 'new-1' }), conflicts: [] })]);
  });

  it('keeps the earliest of two scans in one batch, and the other as a conflict, whatever their order', () => {
    for (const items of [[item(0, 'budi', '12:40', 'a-1'), item(1, 'budi', '12:31', 'b-1', 'pintu-2')], [item(0, 'budi', '12:31', 'b-1', 'pintu-2'), item(1, 'budi', '12:40', 'a-1')]]) {
      const plan = planSync(items, state(), newId);
      const [person] = plan.people;
      expect(person.insert?.scan).toMatchObject({ clientCheckinId: 'b-1', deviceId: 'pintu-2' });
      expect(person.conflicts.map((c) => c.scan.clientCheckinId)).toEqual(['a-1']);
      expect([...plan.outcomes.values()].map((o) => o.status).sort()).toEqual(['created', 'duplicate']);
    }
  });

  it('lets a later-arriving earlier scan replace the stored one, which becomes a conflict', () => {
    const plan = planSync([item(0, 'budi', '12:31', 'b-1', 'pintu-2')], state([stored('c-1', 'budi', '12:40', 'a-1')]), newId);
    expect(plan.outcomes.get(0)).toEqual({ status: 'duplicate', checkInId: 'c-1' });
    const [person] = plan.people;
    expect(person.insert).toBeUndefined();
    expect(person.replace).toEqual({ checkInId: 'c-1', scan: expect.objectContaining({ clientCheckinId: 'b-1', deviceId: 'pintu-2' }), storedAt: at('12:40') });
    expect(person.conflicts).toEqual([{ checkInId: 'c-1', seat: seat('budi'), scan: expect.objectContaining({ clientCheckinId: 'a-1', deviceId: 'meja', method: 'QR' }) }]);
  });

  it('keeps the stored check-in against a later scan, and on a tie', () => {
    for (const time of ['12:50', '12:40']) {
      const plan = planSync([item(0, 'budi', time, 'b-1')], state([stored('c-1', 'budi', '12:40', null)]), newId);
      const [person] = plan.people;
      expect(person.insert ?? person.replace).toBeUndefined();
      expect(person.conflicts).toMatchObject([{ checkInId: 'c-1', scan: { clientCheckinId: 'b-1' } }]);
    }
  });

  it('treats a client id already recorded, or repeated in the batch, as a replay that writes nothing', () => {
    const plan = planSync(
      [item(0, 'budi', '12:31', 'a-1'), item(1, 'siti', '12:35', 's-1'), item(2, 'siti', '12:35', 's-1'), item(3, 'budi', '12:20', 'old-conflict')],
      state([stored('c-1', 'budi', '12:31', 'a-1')], { 'a-1': 'c-1', 'old-conflict': 'c-1' }),
      newId,
    );
    expect(plan.outcomes).toEqual(
      new Map([
        [0, { status: 'duplicate', checkInId: 'c-1' }],
        [1, { status: 'created', checkInId: 'new-1' }],
        [2, { status: 'duplicate', checkInId: 'new-1' }],
        [3, { status: 'duplicate', checkInId: 'c-1' }],
      ]),
    );
    // Only Siti is written, and her in-batch replay stands or falls with her.
    expect(plan.people).toEqual([expect.objectContaining({ personId: 'siti', indexes: [1, 2], conflicts: [] })]);
  });
});
