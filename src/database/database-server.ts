import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { createDataSource } from './data-source.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { runMigrations } from './migrate.js';

export interface DatabaseServer {
  url: string;
  /** Stops the embedded server; a no-op for an external one. */
  close(): Promise<void>;
  embedded: boolean;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL keeping its data under DATA_DIR/pg. */
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>, onLog?: (m: unknown) => void): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, close: async () => undefined, embedded: false };
  }
  const server = await startEmbeddedPostgres({ databaseDir: join(config.dataDir, 'pg'), persistent: true, onLog });
  return { url: server.url, close: () => server.stop(), embedded: true };
}

/** Opens the database, applies pending migrations, runs `work`, and closes everything again. */
export async function withMigratedDatabase<T>(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const server = await openDatabase(config);
  const dataSource = createDataSource(server.url);
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    return await work(dataSource);
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await server.close();
  }
}
