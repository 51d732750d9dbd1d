import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chosen from the coverage plans (docs/plans/coverage.txt, `npm run plans`): the report reads the
 * employment type of every person checked in, one index probe per check-in. Covering the probe
 * (region_id, id) with employment_type makes it an index-only scan: no heap page per person.
 */
export class CoverageIndexes1795458000000 implements MigrationInterface {
  name = 'CoverageIndexes1795458000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "ix_people_region_id_type" ON "people" ("region_id", "id") INCLUDE ("employment_type")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_people_region_id_type"');
  }
}
