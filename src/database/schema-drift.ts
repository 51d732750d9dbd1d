import type { DataSource } from 'typeorm';

export interface SchemaChanges {
  up: string[];
  down: string[];
}

/** What TypeORM would change to make the schema match the entities (what `migration:generate` writes). */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<SchemaChanges> {
  const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
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
