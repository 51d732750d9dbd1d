import { DataSource, type DataSourceOptions } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Region } from '../regions/region.entity.js';
import { User } from '../users/user.entity.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { Platform1795435070669 } from './migrations/1795435070669-platform.js';

/** Every entity, listed explicitly (ESM has no reliable glob loading). */
export const entities = [Region, User, AuditEntry];

/** Every migration, in order. */
export const migrations = [Platform1795435070669];

/** The single source of database options, shared by the app, the CLI and the tests. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
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
    extra: { max: 20, application_name: 'netralitas' },
    ...overrides,
  } as DataSourceOptions;
}

export function createDataSource(url: string, overrides: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, overrides));
}
