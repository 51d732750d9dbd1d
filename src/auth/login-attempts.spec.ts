import { TooManyRequestsError } from '../common/errors.js';
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, LoginAttempts } from './login-attempts.js';

describe('LoginAttempts', () => {
  const start = Date.UTC(2024, 9, 29, 6, 0, 0);
  const minutes = (n: number) => n * 60_000;

  it('blocks an account after its limit, with the wait until the oldest failure leaves the window', () => {
    const attempts = new LoginAttempts();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) attempts.recordFailure('a@x.id', `10.0.0.${i}`, start + minutes(i));
    let error: unknown;
    try {
      attempts.assertAllowed('a@x.id', '10.0.0.99', start + minutes(ACCOUNT_FAILURE_LIMIT));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TooManyRequestsError);
    // The first failure was 5 minutes ago; it leaves the 15-minute window in 10 minutes.
    expect((error as TooManyRequestsError).headers['retry-after']).toBe(String(10 * 60));
    expect(() => attempts.assertAllowed('a@x.id', '10.0.0.99', start + minutes(15))).not.toThrow();
    expect(() => attempts.assertAllowed('b@x.id', '10.0.0.99', start + minutes(5))).not.toThrow();
  });

  it('blocks an address that guesses across many accounts', () => {
    const attempts = new LoginAttempts();
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) attempts.recordFailure(`user${i}@x.id`, '203.0.113.7', start);
    expect(() => attempts.assertAllowed('fresh@x.id', '203.0.113.7', start + 1000)).toThrow(TooManyRequestsError);
    expect(() => attempts.assertAllowed('fresh@x.id', '203.0.113.8', start + 1000)).not.toThrow();
  });

  it('forgets an account\'s failures after a successful login', () => {
    const attempts = new LoginAttempts();
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) attempts.recordFailure('a@x.id', '10.0.0.1', start);
    attempts.recordSuccess('a@x.id');
    attempts.recordFailure('a@x.id', '10.0.0.1', start);
    expect(() => attempts.assertAllowed('a@x.id', '10.0.0.1', start)).not.toThrow();
  });
});
