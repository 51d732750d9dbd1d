import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { IsEmailAddress } from '../common/validation.js';

/** Where every route is mounted (`/api/v1/...`); pages also link their assets under it. */
export const API_PREFIX = 'api/v1';

/** The environment the service reads, validated once at boot. */
class Environment {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_REPLICA_URL must be a postgres:// URL' })
  DATABASE_REPLICA_URL?: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt({ message: 'DATABASE_CONNECT_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(100)
  DATABASE_CONNECT_TIMEOUT_MS = 3000;

  @Transform(({ value }) => (value === undefined || value === '' ? 15000 : Number(value)))
  @IsInt({ message: 'DATABASE_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(100)
  DATABASE_STATEMENT_TIMEOUT_MS = 15000;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 3600 : Number(value)))
  @IsInt()
  @Min(60)
  JWT_EXPIRES_IN = 3600;

  @IsOptional()
  @IsEmailAddress({ message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  DATA_DIR = '.data';

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @IsIn(['true', 'false', '1', '0'], { message: 'TRUST_PROXY must be true or false' })
  TRUST_PROXY?: string;

  /** Public pledge verification lookups allowed per client address per minute (`GET /verify/:code`). */
  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt({ message: 'VERIFY_RATE_LIMIT must be a whole number of lookups per minute' })
  @Min(1)
  VERIFY_RATE_LIMIT = 30;

  /** Public base URL, used in links printed on letters (RSVP, verification). */
  @IsOptional()
  @Matches(/^https?:\/\//, { message: 'PUBLIC_URL must start with http:// or https://' })
  PUBLIC_URL?: string;
}

export interface AppConfig {
  nodeEnv: Environment['NODE_ENV'];
  port: number;
  databaseUrl?: string;
  databaseReplicaUrl?: string;
  /** How long the API waits for the database before answering 503 (see DatabaseTimeouts). */
  databaseTimeouts: DatabaseTimeouts;
  jwtSecret: string;
  jwtExpiresIn: number;
  admin?: { email: string; password: string };
  dataDir: string;
  logLevel: string;
  publicUrl: string;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Public pledge verification lookups per client address per minute. */
  verifyRateLimit: number;
}

export interface DatabaseTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** One SQL statement (PostgreSQL's statement_timeout). */
  statementMs: number;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (common in compose files and CI) means "not set".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = plainToInstance(Environment, given, { exposeDefaultValues: true });
  const problems = validateSync(parsed, { whitelist: false }).flatMap((e) => Object.values(e.constraints ?? {}));
  if (parsed.NODE_ENV === 'production' && !parsed.JWT_SECRET) {
    problems.push('JWT_SECRET is required when NODE_ENV=production');
  }
  if (Boolean(parsed.ADMIN_EMAIL) !== Boolean(parsed.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  const dataDir = resolve(parsed.DATA_DIR);
  return {
    nodeEnv: parsed.NODE_ENV,
    port: parsed.PORT,
    databaseUrl: parsed.DATABASE_URL,
    databaseReplicaUrl: parsed.DATABASE_REPLICA_URL,
    databaseTimeouts: { connectMs: parsed.DATABASE_CONNECT_TIMEOUT_MS, statementMs: parsed.DATABASE_STATEMENT_TIMEOUT_MS },
    jwtSecret: parsed.JWT_SECRET ?? localJwtSecret(dataDir),
    jwtExpiresIn: parsed.JWT_EXPIRES_IN,
    admin: parsed.ADMIN_EMAIL ? { email: parsed.ADMIN_EMAIL.toLowerCase(), password: parsed.ADMIN_PASSWORD! } : undefined,
    dataDir,
    logLevel: parsed.LOG_LEVEL,
    trustProxy: parsed.TRUST_PROXY === 'true' || parsed.TRUST_PROXY === '1',
    verifyRateLimit: parsed.VERIFY_RATE_LIMIT,
    publicUrl: (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, ''),
  };
}

/**
 * Outside production a secret is generated once and kept under the data directory,
 * so tokens survive restarts without anyone having to invent a secret.
 */
function localJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
