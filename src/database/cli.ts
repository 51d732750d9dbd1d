/**
 * Database commands for developers and operators:
 *   node dist/database/cli.js migrate            apply pending migrations
 *   node dist/database/cli.js generate <Name>    write src/database/migrations/<ts>-<name>.ts from entity changes
 *   node dist/database/cli.js check              exit 1 if the entities and the migrated schema disagree
 * Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR when it is unset.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { withMigratedDatabase } from './database-server.js';
import { pendingSchemaChanges, renderMigration } from './schema-drift.js';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  await withMigratedDatabase(loadConfig(), async (dataSource) => {
    if (command === 'migrate') {
      console.log('Migrations applied.');
    } else if (command === 'check' || command === 'generate') {
      const changes = await pendingSchemaChanges(dataSource);
      if (changes.up.length === 0) {
        console.log('Schema matches the entities: nothing to generate.');
      } else if (command === 'check') {
        console.error(`Schema drift: the entities need\n${changes.up.map((q) => `  ${q};`).join('\n')}`);
        process.exitCode = 1;
      } else {
        if (!name) throw new Error('Usage: generate <MigrationName>');
        const timestamp = Date.now();
        const file = join('src', 'database', 'migrations', `${timestamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
        writeFileSync(file, renderMigration(`${name}${timestamp}`, changes));
        console.log(`Wrote ${file}; add it to the migrations list in src/database/data-source.ts.`);
      }
    } else {
      throw new Error('Usage: cli.js migrate | generate <Name> | check');
    }
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
