import { Injectable } from '@nestjs/common';
import { TooManyRequestsError } from '../common/errors.js';

const WINDOW_MS = 15 * 60 * 1000;
/** Failed logins allowed per account, then per client address, within the window. */
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 20;

/**
 * Counts failed logins per account and per client address over a sliding window, so a
 * password cannot be guessed by spreading attempts over addresses or over accounts.
 * Kept in process memory: one API process serves a region; several processes behind a
 * load balancer each apply the limit (see docs/OPERATIONS.md).
 */
@Injectable()
export class LoginAttempts {
  private readonly failures = new Map<string, number[]>();

  assertAllowed(email: string, address: string, now = Date.now()): void {
    const waits = [
      this.retryAfter(`account:${email}`, ACCOUNT_FAILURE_LIMIT, now),
      this.retryAfter(`address:${address}`, ADDRESS_FAILURE_LIMIT, now),
    ];
    const wait = Math.max(...waits);
    if (wait > 0) {
      throw new TooManyRequestsError(`Too many failed logins; try again in ${Math.ceil(wait / 60)} minute(s)`, wait);
    }
  }

  recordFailure(email: string, address: string, now = Date.now()): void {
    for (const key of [`account:${email}`, `address:${address}`]) {
      this.failures.set(key, [...this.recent(key, now), now]);
    }
    if (this.failures.size > 10_000) this.prune(now);
  }

  recordSuccess(email: string): void {
    this.failures.delete(`account:${email}`);
  }

  /** Seconds until the key drops below its limit, 0 when it is below already. */
  private retryAfter(key: string, limit: number, now: number): number {
    const times = this.recent(key, now);
    if (times.length < limit) return 0;
    return Math.ceil((times[times.length - limit] + WINDOW_MS - now) / 1000);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  }

  private prune(now: number): void {
    for (const key of [...this.failures.keys()]) {
      const times = this.recent(key, now);
      if (times.length === 0) this.failures.delete(key);
      else this.failures.set(key, times);
    }
  }
}
