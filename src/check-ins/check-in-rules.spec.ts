import { checkInRefusal, refusalError } from './check-in-rules.js';

const event = (status: 'DRAFT' | 'SCHEDULED' | 'COMPLETED' | 'CANCELLED' = 'SCHEDULED') => ({
  id: 'e',
  status,
  startsAt: new Date('2024-10-29T13:00:00+07:00'),
  endsAt: new Date('2024-10-29T16:00:00+07:00'),
  timezone: 'Asia/Jakarta' as const,
});
const at = (iso: string) => new Date(iso);
const later = at('2024-10-30T12:00:00+07:00');

describe('check-in rules (DESIGN §3.5)', () => {
  it('opens 3 hours before the start and closes 6 hours after the end, edges included', () => {
    expect(checkInRefusal(event(), at('2024-10-29T09:59:59+07:00'), later)).toBe('outside-check-in-window');
    expect(checkInRefusal(event(), at('2024-10-29T10:00:00+07:00'), later)).toBeNull();
    expect(checkInRefusal(event(), at('2024-10-29T22:00:00+07:00'), later)).toBeNull();
    expect(checkInRefusal(event(), at('2024-10-29T22:00:01+07:00'), later)).toBe('outside-check-in-window');
  });

  it('takes SCHEDULED and COMPLETED events, refuses drafts and cancelled ones first', () => {
    expect(checkInRefusal(event('COMPLETED'), at('2024-10-29T13:05:00+07:00'), later)).toBeNull();
    expect(checkInRefusal(event('DRAFT'), at('2024-10-29T13:05:00+07:00'), later)).toBe('event-draft');
    expect(checkInRefusal(event('CANCELLED'), at('2023-01-01T00:00:00Z'), later)).toBe('event-cancelled');
  });

  it('allows a device clock 5 minutes ahead, not more', () => {
    const now = at('2024-10-29T13:00:00+07:00');
    expect(checkInRefusal(event(), at('2024-10-29T13:05:00+07:00'), now)).toBeNull();
    expect(checkInRefusal(event(), at('2024-10-29T13:05:01+07:00'), now)).toBe('checked-in-at-in-future');
  });

  it('answers 409 with the window in local time, or 400 on checkedInAt for a future scan', () => {
    const closed = refusalError('outside-check-in-window', event());
    expect(closed).toMatchObject({ status: 409, type: 'outside-check-in-window', extra: { opensAt: '2024-10-29T03:00:00.000Z', closesAt: '2024-10-29T15:00:00.000Z' } });
    expect(closed.message).toContain('2024-10-29T10:00:00+07:00');
    expect(refusalError('checked-in-at-in-future')).toMatchObject({ status: 400, errors: [{ field: 'checkedInAt' }] });
  });
});
