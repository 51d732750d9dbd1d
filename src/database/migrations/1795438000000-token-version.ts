import type { MigrationInterface, QueryRunner } from 'typeorm';

/** users.token_version: raised on a password change or a deactivation, checked against every access token. */
export class TokenVersion1795438000000 implements MigrationInterface {
  name = 'TokenVersion1795438000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT \'0\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "token_version"');
  }
}
