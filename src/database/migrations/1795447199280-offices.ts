import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Offices1795447199280 implements MigrationInterface {
  name = 'Offices1795447199280';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"region_offices\" (\"region_id\" uuid NOT NULL, \"government\" character varying(200) NOT NULL, \"name\" character varying(200) NOT NULL, \"address\" character varying(300) NOT NULL, \"phone\" character varying(40), \"email\" character varying(254), \"website\" character varying(200), \"city\" character varying(100) NOT NULL, \"signatory_name\" character varying(200) NOT NULL, \"signatory_position\" character varying(200) NOT NULL, \"signatory_rank\" character varying(100), \"signatory_nip\" character varying(18), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"pk_region_offices\" PRIMARY KEY (\"region_id\"))");
    await queryRunner.query("ALTER TABLE \"region_offices\" ADD CONSTRAINT \"fk_region_offices_region\" FOREIGN KEY (\"region_id\") REFERENCES \"regions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"region_offices\" DROP CONSTRAINT \"fk_region_offices_region\"");
    await queryRunner.query("DROP TABLE \"region_offices\"");
  }
}
