import { setImmediate as nextTurn } from 'node:timers/promises';
import { ImportSlots, ImportsBusyError, MAX_IMPORTS, MAX_IMPORTS_PER_USER, MAX_IMPORTS_WRITING } from './csv-import.js';
import { TooManyRequestsError } from './errors.js';

describe('ImportSlots', () => {
  it(`admits ${MAX_IMPORTS_PER_USER} imports per user and answers the next with 429 and Retry-After`, () => {
    const slots = new ImportSlots();
    const first = slots.admit('budi');
    slots.admit('budi');
    let refusal: unknown;
    try {
      slots.admit('budi');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(TooManyRequestsError);
    expect((refusal as TooManyRequestsError).headers).toEqual({ 'retry-after': '15' });
    // Another user is not affected, and a released slot is the user's again.
    slots.admit('sri');
    first.release();
    expect(() => slots.admit('budi')).not.toThrow();
  });

  it(`admits ${MAX_IMPORTS} imports per process and answers the next with 503 and Retry-After`, () => {
    const slots = new ImportSlots();
    const tickets = Array.from({ length: MAX_IMPORTS }, (_, i) => slots.admit(`user-${i}`));
    expect(() => slots.admit('late')).toThrow(ImportsBusyError);
    expect(new ImportsBusyError('busy')).toMatchObject({ status: 503, headers: { 'retry-after': '15' } });
    // Releasing twice frees one slot only.
    tickets[0].release();
    tickets[0].release();
    slots.admit('late');
    expect(() => slots.admit('later')).toThrow(ImportsBusyError);
  });

  it(`lets ${MAX_IMPORTS_WRITING} imports write at once; the next waits for one to finish, first come first served`, async () => {
    const slots = new ImportSlots();
    const tickets = Array.from({ length: MAX_IMPORTS_WRITING + 2 }, (_, i) => slots.admit(`user-${i}`));
    const started: number[] = [];
    tickets.forEach((ticket, i) => void ticket.startWriting().then(() => started.push(i)));
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3]);
    tickets[2].release();
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    // A ticket that never started writing gives no writing slot away.
    const idle = slots.admit('idle');
    idle.release();
    await nextTurn();
    expect(started).toHaveLength(5);
    tickets[0].release();
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
