import { QueryFailedError } from 'typeorm';
import { ConflictError, type DomainError, ServiceUnavailableError, ValidationError } from './errors.js';

/**
 * What a PostgreSQL error means for the API. Services check their rules before writing and
 * throw domain errors themselves; this covers what reaches the database anyway (a concurrent
 * request that passed the same check, a rule only the database enforces, the database being
 * away), so that it still answers with the contract's status and body, never a 500 with SQL.
 */

interface PgError {
  code?: string;
  syscall?: string;
  constraint?: string;
  column?: string;
  table?: string;
  message?: string;
}

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const NOT_NULL_VIOLATION = '23502';
const CHECK_VIOLATION = '23514';
const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';
/** Values PostgreSQL could not read: bad text for a uuid, a date or a number, an out-of-range number, bad UTF-8. */
const BAD_VALUE = new Set(['22P02', '22007', '22008', '22003', '22021']);
/** Raised by refuse_change(): an append-only table. */
const APPEND_ONLY = 'P0001';

/**
 * The database is not answering or not accepting work: the server shutting down, starting up or
 * out of connections, a statement cancelled by statement_timeout, a lock not obtained within
 * lock_timeout; and, from the driver, a connection refused, reset or timed out.
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '57014', '55P03']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** Messages of node-postgres for a server that stopped answering (they carry no code). */
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'timeout expired',
];

/** Seconds a client should wait before retrying when the database is away. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * The unique keys whose duplicates a service checks before writing, with the `type` and field
 * error of that check's 409 (the services' pre-checks add the id of the record already there;
 * a violation that still reaches the database is answered with the same type and field).
 */
const UNIQUE_KEYS: Record<string, { type: string; field: string; message: string; detail: string }> = {
  uq_regions_code: { type: 'duplicate-code', field: 'code', message: 'is already used', detail: 'Another region already uses this code' },
  uq_users_email: { type: 'duplicate-email', field: 'email', message: 'is already registered', detail: 'A user with this email already exists' },
  uq_agencies_region_name: { type: 'duplicate-name', field: 'name', message: 'is already used in this region', detail: 'This region already has an agency with this name' },
  uq_people_region_nip: { type: 'duplicate-nip', field: 'nip', message: 'is already registered', detail: 'This NIP is already registered in this region' },
  uq_elections_name: { type: 'duplicate-name', field: 'name', message: 'is already used', detail: 'An election with this name already exists' },
  uq_event_speakers_event_order: { type: 'duplicate-order', field: 'speakers', message: 'two slots have the same order', detail: 'Two slots of the programme have the same order' },
};

/**
 * The field a CHECK constraint guards, where its name does not say it plainly; otherwise the
 * field is derived from the name: `ck_<table>_<column>` → the column in camelCase.
 */
const CHECK_FIELDS: Record<string, string> = {
  ck_users_role_binding: 'role',
  ck_agencies_not_own_parent: 'parentAgencyId',
  ck_events_ends_after_start: 'endsAt',
  ck_events_cancellation: 'status',
  ck_event_speakers_ends_after_start: 'endsAt',
};

function pgErrorOf(error: unknown): PgError | undefined {
  if (error instanceof QueryFailedError) return error.driverError as PgError;
  if (error instanceof Error) return error as PgError;
  return undefined;
}

/** The SQLSTATE (or Node's error code) of an error from the database driver. */
export function sqlStateOf(error: unknown): string | undefined {
  const code = pgErrorOf(error)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A deadlock or a serialization failure: the whole transaction may simply be run again. */
export function isTransientTransactionError(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state === SERIALIZATION_FAILURE || state === DEADLOCK_DETECTED;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === UNIQUE_VIOLATION;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const pgError = pgErrorOf(error);
  if (!pgError) return false;
  const code = pgError.code ?? '';
  if (UNAVAILABLE_STATES.has(code)) return true;
  // A socket error is the database's when it happened in a query, or while connecting to it
  // (a client that hangs up on an upload also causes ECONNRESET, and that is not the database).
  if (UNAVAILABLE_NODE_CODES.has(code) && (error instanceof QueryFailedError || pgError.syscall === 'connect' || pgError.syscall === 'getaddrinfo')) return true;
  const message = pgError.message ?? '';
  return UNAVAILABLE_MESSAGES.some((known) => message.startsWith(known));
}

/** The domain error a database error stands for; undefined when it is not a database error (or is a bug: 500). */
export function domainErrorOf(error: unknown): DomainError | undefined {
  if (isDatabaseUnavailable(error)) {
    return new ServiceUnavailableError('The database is not answering; try again shortly', UNAVAILABLE_RETRY_AFTER_SECONDS);
  }
  if (isTransientTransactionError(error)) {
    return new ServiceUnavailableError('The change collided with concurrent changes; try again', 1);
  }
  if (!(error instanceof QueryFailedError)) return undefined;
  const pgError = error.driverError as PgError;
  switch (pgError.code) {
    case UNIQUE_VIOLATION:
      return uniqueViolation(pgError.constraint);
    case FOREIGN_KEY_VIOLATION:
      return new ConflictError('The record refers to, or is referred to by, another record');
    case NOT_NULL_VIOLATION: {
      const field = camelCase(pgError.column ?? 'value');
      return ValidationError.field(field, `${field} is required`);
    }
    case CHECK_VIOLATION: {
      const field = checkedField(pgError.constraint, pgError.table);
      return ValidationError.field(field, `${field} has a value that is not allowed (${pgError.constraint ?? 'check'})`);
    }
    case APPEND_ONLY:
      return new ConflictError('This record cannot be changed', 'append-only');
    default:
      if (pgError.code && BAD_VALUE.has(pgError.code)) return new ValidationError([], 'A value has the wrong format');
      return undefined;
  }
}

function uniqueViolation(constraint: string | undefined): ConflictError {
  const key = constraint ? UNIQUE_KEYS[constraint] : undefined;
  if (!key) return new ConflictError('A record with the same unique value already exists');
  return new ConflictError(key.detail, key.type, { errors: [{ field: key.field, message: key.message }] });
}

function checkedField(constraint: string | undefined, table: string | undefined): string {
  if (!constraint) return 'body';
  if (CHECK_FIELDS[constraint]) return CHECK_FIELDS[constraint];
  const prefix = table ? `ck_${table}_` : 'ck_';
  return camelCase(constraint.startsWith(prefix) ? constraint.slice(prefix.length) : constraint);
}

function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}
