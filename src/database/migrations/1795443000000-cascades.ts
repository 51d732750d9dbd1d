import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Cascades1795443000000 implements MigrationInterface {
  name = 'Cascades1795443000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"cascades\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"region_id\" uuid NOT NULL, \"agency_id\" uuid NOT NULL, \"source_event_id\" uuid, \"held_on\" date NOT NULL, \"notes\" character varying(1000), \"evidence_file_id\" uuid, \"recorded_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"reached_pns\" integer NOT NULL DEFAULT '0', \"reached_pppk\" integer NOT NULL DEFAULT '0', \"reached_non_asn\" integer NOT NULL DEFAULT '0', CONSTRAINT \"uq_cascades_region_id\" UNIQUE (\"region_id\", \"id\"), CONSTRAINT \"ck_cascades_reached\" CHECK (reached_pns >= 0 AND reached_pppk >= 0 AND reached_non_asn >= 0), CONSTRAINT \"pk_cascades\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_cascades_agency_held_on\" ON \"cascades\"  (\"region_id\", \"agency_id\", \"held_on\") ");
    await queryRunner.query("ALTER TABLE \"cascades\" ADD CONSTRAINT \"fk_cascades_agency\" FOREIGN KEY (\"agency_id\", \"region_id\") REFERENCES \"agencies\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"cascades\" ADD CONSTRAINT \"fk_cascades_source_event\" FOREIGN KEY (\"source_event_id\", \"region_id\") REFERENCES \"events\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"cascades\" ADD CONSTRAINT \"fk_cascades_evidence\" FOREIGN KEY (\"evidence_file_id\", \"region_id\") REFERENCES \"stored_files\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"cascades\" DROP CONSTRAINT \"fk_cascades_evidence\"");
    await queryRunner.query("ALTER TABLE \"cascades\" DROP CONSTRAINT \"fk_cascades_source_event\"");
    await queryRunner.query("ALTER TABLE \"cascades\" DROP CONSTRAINT \"fk_cascades_agency\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_cascades_agency_held_on\"");
    await queryRunner.query("DROP TABLE \"cascades\"");
  }
}
