import { type DataSource, type Migration, MigrationExecutor } from 'typeorm';
import { createDataSource } from './data-source.js';

/** The advisory lock that lets one process at a time apply migrations. */
const MIGRATION_LOCK = 'netralitas:migrations';

/**
 * Applies pending migrations (all in one transaction), one process at a time: API instances
 * started together, or the CLI next to a starting API, queue on a PostgreSQL advisory lock and
 * each finds what the one before it applied, instead of racing to create the same tables. The
 * lock belongs to the session that runs the migrations, so it is released when they are done,
 * or when the process dies.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'all';
      return await executor.executePendingMigrations();
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Migrates the database at `url` on a connection of its own, without the app's statement
 * timeouts (building an index on a large table may take minutes), before the app starts.
 */
export async function migrateDatabase(url: string, connectTimeoutMs?: number): Promise<Migration[]> {
  const dataSource = createDataSource(url, { extra: { max: 1, application_name: 'netralitas-migrations', connectionTimeoutMillis: connectTimeoutMs } });
  await dataSource.initialize();
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
