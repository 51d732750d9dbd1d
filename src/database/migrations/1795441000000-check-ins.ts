import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckIns1795441000000 implements MigrationInterface {
  name = 'CheckIns1795441000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"check_in_method\" AS ENUM('QR', 'MANUAL', 'OFFLINE_SYNC')");
    await queryRunner.query("CREATE TYPE \"public\".\"check_in_identified_by\" AS ENUM('TICKET', 'PERSON', 'NIP', 'WALK_IN')");
    await queryRunner.query("CREATE TABLE \"check_ins\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"region_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"agency_id\" uuid NOT NULL, \"registration_id\" uuid NOT NULL, \"checked_in_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"method\" \"public\".\"check_in_method\" NOT NULL, \"identified_by\" \"public\".\"check_in_identified_by\" NOT NULL, \"device_id\" character varying(100), \"client_checkin_id\" character varying(100), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"uq_check_ins_registration\" UNIQUE (\"region_id\", \"registration_id\"), CONSTRAINT \"uq_check_ins_event_person\" UNIQUE (\"region_id\", \"event_id\", \"person_id\"), CONSTRAINT \"uq_check_ins_region_id\" UNIQUE (\"region_id\", \"id\"), CONSTRAINT \"pk_check_ins\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_check_ins_event_agency\" ON \"check_ins\"  (\"region_id\", \"event_id\", \"agency_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_check_ins_event_client_id\" ON \"check_ins\"  (\"region_id\", \"event_id\", \"client_checkin_id\") WHERE client_checkin_id IS NOT NULL");
    await queryRunner.query("CREATE TABLE \"check_in_conflicts\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"region_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"check_in_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"agency_id\" uuid NOT NULL, \"scanned_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"method\" \"public\".\"check_in_method\" NOT NULL, \"identified_by\" \"public\".\"check_in_identified_by\" NOT NULL, \"device_id\" character varying(100), \"client_checkin_id\" character varying(100), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"pk_check_in_conflicts\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_check_in_conflicts_client_id\" ON \"check_in_conflicts\"  (\"region_id\", \"event_id\", \"client_checkin_id\") WHERE client_checkin_id IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"ix_check_in_conflicts_event\" ON \"check_in_conflicts\"  (\"region_id\", \"event_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"check_ins\" ADD CONSTRAINT \"fk_check_ins_event\" FOREIGN KEY (\"event_id\", \"region_id\") REFERENCES \"events\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"check_ins\" ADD CONSTRAINT \"fk_check_ins_person\" FOREIGN KEY (\"person_id\", \"region_id\") REFERENCES \"people\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"check_ins\" ADD CONSTRAINT \"fk_check_ins_agency\" FOREIGN KEY (\"agency_id\", \"region_id\") REFERENCES \"agencies\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"check_ins\" ADD CONSTRAINT \"fk_check_ins_registration\" FOREIGN KEY (\"registration_id\", \"region_id\") REFERENCES \"registrations\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"check_in_conflicts\" ADD CONSTRAINT \"fk_check_in_conflicts_check_in\" FOREIGN KEY (\"check_in_id\", \"region_id\") REFERENCES \"check_ins\"(\"id\",\"region_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"check_in_conflicts\" DROP CONSTRAINT \"fk_check_in_conflicts_check_in\"");
    await queryRunner.query("ALTER TABLE \"check_ins\" DROP CONSTRAINT \"fk_check_ins_registration\"");
    await queryRunner.query("ALTER TABLE \"check_ins\" DROP CONSTRAINT \"fk_check_ins_agency\"");
    await queryRunner.query("ALTER TABLE \"check_ins\" DROP CONSTRAINT \"fk_check_ins_person\"");
    await queryRunner.query("ALTER TABLE \"check_ins\" DROP CONSTRAINT \"fk_check_ins_event\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_check_in_conflicts_event\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_check_in_conflicts_client_id\"");
    await queryRunner.query("DROP TABLE \"check_in_conflicts\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_check_ins_event_client_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_check_ins_event_agency\"");
    await queryRunner.query("DROP TABLE \"check_ins\"");
    await queryRunner.query("DROP TYPE \"public\".\"check_in_identified_by\"");
    await queryRunner.query("DROP TYPE \"public\".\"check_in_method\"");
  }
}
