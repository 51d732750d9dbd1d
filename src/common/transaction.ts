import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { isTransientTransactionError, isUniqueViolation } from './database-errors.js';
import { ServiceUnavailableError } from './errors.js';

/** Attempts in all for a transaction that keeps hitting deadlocks or serialization failures. */
export const TRANSACTION_ATTEMPTS = 3;

/**
 * Runs `work` in one transaction — use it wherever `dataSource.transaction` would do — and runs
 * it again from the start when PostgreSQL says that a second run can succeed:
 *
 * - a deadlock (40P01) or a serialization failure (40001): up to TRANSACTION_ATTEMPTS runs in
 *   all, after a short random pause; then 503 with `Retry-After`, never a 500;
 * - a unique violation (23505), once: it means a concurrent transaction committed the same key
 *   after this one checked for it. Run again, the service's own check sees that row and answers
 *   its 409 (with the id of the record already there), exactly as if the requests had come one
 *   after the other. A violation on the second run is answered by the problem filter.
 *
 * Everything `work` does must be inside the transaction (hash passwords, read uploads before).
 */
export async function transaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  let attempts = 0;
  let retriedUniqueViolation = false;
  for (;;) {
    attempts += 1;
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error) && !retriedUniqueViolation) {
        retriedUniqueViolation = true;
        continue;
      }
      if (!isTransientTransactionError(error)) throw error;
      if (attempts >= TRANSACTION_ATTEMPTS) {
        throw new ServiceUnavailableError(`The change collided with concurrent changes ${attempts} times; try again`, 1);
      }
      // Spread the retries of the colliding transactions apart so they do not collide again.
      await sleep(10 + Math.random() * 40 * attempts);
    }
  }
}
