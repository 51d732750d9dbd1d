import type { DataSource, QueryRunner } from 'typeorm';
import { RdbmsSchemaBuilder } from 'typeorm/schema-builder/RdbmsSchemaBuilder.js';

export interface SchemaChanges {
  up: string[];
  down: string[];
}

/** What TypeORM would change to make the schema match the entities (what `migration:generate` writes). */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<SchemaChanges> {
  const sqlInMemory = await new RdbmsSchemaBuilder(withSerialQueries(dataSource)).log();
  return {
    up: sqlInMemory.upQueries.map((q) => q.query),
    down: sqlInMemory.downQueries.map((q) => q.query).reverse(),
  };
}

export function renderMigration(className: string, changes: SchemaChanges): string {
  const lines = (queries: string[]) =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(changes.up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(changes.down)}
  }
}
`;
}

/**
 * TypeORM's schema reader sends its catalogue queries in parallel (Promise.all) on one
 * connection, which node-postgres 8 deprecates ("client.query() when the client is already
 * executing a query") and node-postgres 9 refuses. The data source seen by the reader hands out
 * query runners that send their queries one after the other instead.
 */
function withSerialQueries(dataSource: DataSource): DataSource {
  return new Proxy(dataSource, {
    get(target, property) {
      if (property === 'createQueryRunner') return (...args: Parameters<DataSource['createQueryRunner']>) => serialQueries(target.createQueryRunner(...args));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function serialQueries(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let previous: Promise<unknown> = Promise.resolve();
  (runner as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
    const next = previous.then(() => query(...args));
    previous = next.catch(() => undefined);
    return next;
  };
  return runner;
}
