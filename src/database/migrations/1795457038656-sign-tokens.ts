import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SignTokens1795457038656 implements MigrationInterface {
  name = 'SignTokens1795457038656';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"sign_tokens\" (\"region_id\" uuid NOT NULL, \"check_in_id\" uuid NOT NULL, \"token\" character varying(64) NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"uq_sign_tokens_token\" UNIQUE (\"token\"), CONSTRAINT \"pk_sign_tokens\" PRIMARY KEY (\"region_id\", \"check_in_id\"))");
    await queryRunner.query("ALTER TABLE \"sign_tokens\" ADD CONSTRAINT \"fk_sign_tokens_check_in\" FOREIGN KEY (\"check_in_id\", \"region_id\") REFERENCES \"check_ins\"(\"id\",\"region_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"sign_tokens\" DROP CONSTRAINT \"fk_sign_tokens_check_in\"");
    await queryRunner.query("DROP TABLE \"sign_tokens\"");
  }
}
