import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Election names unique whatever their case, in the database and not only in the service's
 * check, so that concurrent creates of "Pilkada 2024" and "PILKADA 2024" cannot both succeed.
 */
export class ElectionNameCaseInsensitive1795438100000 implements MigrationInterface {
  name = 'ElectionNameCaseInsensitive1795438100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Names that already differ only by case would make the index fail with a bare error: name them.
    await queryRunner.query(`DO $$
      DECLARE clashes text;
      BEGIN
        SELECT string_agg(names, '; ') INTO clashes
          FROM (SELECT string_agg(format('%L', name), ', ') AS names FROM elections GROUP BY lower(name) HAVING count(*) > 1) AS duplicates;
        IF clashes IS NOT NULL THEN
          RAISE EXCEPTION 'Election names that differ only by case must be merged or renamed first: %', clashes;
        END IF;
      END $$`);
    await queryRunner.query('DROP INDEX "public"."uq_elections_name"');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_elections_name" ON "elections" (lower("name"))');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."uq_elections_name"');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_elections_name" ON "elections" ("name")');
  }
}
