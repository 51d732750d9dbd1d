import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Cascade } from '../cascades/cascade.entity.js';
import { CheckInConflict } from '../check-ins/check-in-conflict.entity.js';
import { CheckIn } from '../check-ins/check-in.entity.js';
import { Election } from '../elections/election.entity.js';
import { EventSpeaker } from '../events/event-speaker.entity.js';
import { Event } from '../events/event.entity.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { Invitation } from '../invitations/invitation.entity.js';
import { Registration } from '../invitations/registration.entity.js';
import { Person } from '../people/person.entity.js';
import { PledgeTemplate } from '../pledges/pledge-template.entity.js';
import { Pledge } from '../pledges/pledge.entity.js';
import { SignToken } from '../pledges/sign-token.entity.js';
import { SignatureImage } from '../pledges/signature-image.entity.js';
import { RegionOffice } from '../regions/office.entity.js';
import { Region } from '../regions/region.entity.js';
import type { DatabaseTimeouts } from '../config/config.js';
import { Speaker } from '../speakers/speaker.entity.js';
import { User } from '../users/user.entity.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { Platform1795435070669 } from './migrations/1795435070669-platform.js';
import { Directory1795436000000 } from './migrations/1795436000000-directory.js';
import { Events1795437000000 } from './migrations/1795437000000-events.js';
import { TokenVersion1795438000000 } from './migrations/1795438000000-token-version.js';
import { ElectionNameCaseInsensitive1795438100000 } from './migrations/1795438100000-election-name-case-insensitive.js';
import { Invitations1795440000000 } from './migrations/1795440000000-invitations.js';
import { CheckIns1795441000000 } from './migrations/1795441000000-check-ins.js';
import { Pledges1795442000000 } from './migrations/1795442000000-pledges.js';
import { Cascades1795443000000 } from './migrations/1795443000000-cascades.js';
import { Offices1795447199280 } from './migrations/1795447199280-offices.js';
import { CoverageIndexes1795458000000 } from './migrations/1795458000000-coverage-indexes.js';
import { SignTokens1795457038656 } from './migrations/1795457038656-sign-tokens.js';

/** Every entity, listed explicitly (ESM has no reliable glob loading). */
export const entities = [Region, User, AuditEntry, Agency, Person, Election, Speaker, Event, EventSpeaker, StoredFile, Invitation, Registration, CheckIn, CheckInConflict, PledgeTemplate, Pledge, SignatureImage, SignToken, Cascade, RegionOffice];

/** Every migration, in order. */
export const migrations = [
  Platform1795435070669,
  Directory1795436000000,
  Events1795437000000,
  TokenVersion1795438000000,
  ElectionNameCaseInsensitive1795438100000,
  Invitations1795440000000,
  CheckIns1795441000000,
  Pledges1795442000000,
  Cascades1795443000000,
  Offices1795447199280,
  SignTokens1795457038656,
  CoverageIndexes1795458000000,
];

/**
 * The single source of database options, shared by the app, the CLI and the tests. With
 * `timeouts` (the app), the pool fails fast when PostgreSQL is away instead of letting requests
 * hang: see poolTimeouts.
 */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}, timeouts?: DatabaseTimeouts): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    migrationsTransactionMode: 'all',
    extra: { max: 20, application_name: 'netralitas', ...(timeouts ? poolTimeouts(timeouts) : {}) },
    ...overrides,
  } as DataSourceOptions;
}

export function createDataSource(url: string, overrides: Partial<DataSourceOptions> = {}, timeouts?: DatabaseTimeouts): DataSource {
  return new DataSource(dataSourceOptions(url, overrides, timeouts));
}

/** How much longer than statement_timeout the client waits before deciding the server is not answering at all. */
const READ_TIMEOUT_MARGIN_MS = 2000;

/**
 * node-postgres pool settings that bound every wait on the database:
 * - connectionTimeoutMillis: opening a connection, or waiting for a free one in the pool;
 * - statement_timeout: the server cancels a statement running longer (a runaway query);
 * - query_timeout: the client gives up on a server that does not answer at all (stopped, or a
 *   network that drops packets), a little after statement_timeout would have answered;
 * - idle_in_transaction_session_timeout: a transaction left open cannot hold its locks forever;
 * - keepAlive: a peer that vanished is noticed on idle connections too.
 * The errors these raise are answered 503 with Retry-After (database-errors.ts), and the pool
 * replaces the connections involved, so the API recovers by itself when the database is back.
 */
export function poolTimeouts(timeouts: DatabaseTimeouts): Record<string, unknown> {
  return {
    Client: FailFastClient,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + READ_TIMEOUT_MARGIN_MS,
    idle_in_transaction_session_timeout: Math.max(60_000, timeouts.statementMs * 4),
    keepAlive: true,
  };
}

/**
 * When a query times out on the client side, node-postgres rejects it but keeps the connection,
 * with the query still outstanding and every later query queued behind it: back in the pool, it
 * would hang the next request too. This client closes such a connection (end() destroys the
 * socket of a connection with a query in flight), and the pool then drops it.
 */
class FailFastClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    (this as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const result = query(...args);
      if (result instanceof Promise) {
        result.catch((error: unknown) => {
          if (error instanceof Error && error.message === 'Query read timeout') void this.end().catch(() => undefined);
        });
      }
      return result;
    };
  }
}
