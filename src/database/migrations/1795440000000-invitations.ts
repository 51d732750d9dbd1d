import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Invitations1795440000000 implements MigrationInterface {
  name = 'Invitations1795440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"stored_media_type\" AS ENUM('application/pdf', 'image/png', 'image/jpeg')");
    await queryRunner.query("CREATE TABLE \"stored_files\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"region_id\" uuid NOT NULL, \"media_type\" \"public\".\"stored_media_type\" NOT NULL, \"byte_size\" integer NOT NULL, \"sha256\" character(64) NOT NULL, \"storage_key\" character varying(64) NOT NULL, \"original_name\" character varying(255), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"uq_stored_files_storage_key\" UNIQUE (\"storage_key\"), CONSTRAINT \"uq_stored_files_region_id\" UNIQUE (\"region_id\", \"id\"), CONSTRAINT \"ck_stored_files_size\" CHECK (byte_size > 0), CONSTRAINT \"pk_stored_files\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"invitation_status\" AS ENUM('PENDING', 'CONFIRMED', 'DECLINED')");
    await queryRunner.query("CREATE TABLE \"invitations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"region_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"agency_id\" uuid NOT NULL, \"addressee_title\" character varying(200) NOT NULL, \"addressee_person_id\" uuid, \"seats\" integer NOT NULL, \"attendees\" integer NOT NULL DEFAULT '0', \"status\" \"public\".\"invitation_status\" NOT NULL DEFAULT 'PENDING', \"responded_at\" TIMESTAMP WITH TIME ZONE, \"reason\" character varying(500), \"token\" character varying(64) NOT NULL, \"assignment_letter_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"uq_invitations_token\" UNIQUE (\"token\"), CONSTRAINT \"uq_invitations_event_agency\" UNIQUE (\"region_id\", \"event_id\", \"agency_id\"), CONSTRAINT \"uq_invitations_region_id\" UNIQUE (\"region_id\", \"id\"), CONSTRAINT \"ck_invitations_answered\" CHECK ((status = 'PENDING') = (responded_at IS NULL)), CONSTRAINT \"ck_invitations_attendees_confirmed\" CHECK (status = 'CONFIRMED' OR attendees = 0), CONSTRAINT \"ck_invitations_attendees_within_seats\" CHECK (attendees >= 0 AND attendees <= seats), CONSTRAINT \"ck_invitations_seats\" CHECK (seats >= 1), CONSTRAINT \"pk_invitations\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_invitations_agency_id\" ON \"invitations\"  (\"agency_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_invitations_event_status\" ON \"invitations\"  (\"region_id\", \"event_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"registrations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"region_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"agency_id\" uuid NOT NULL, \"invitation_id\" uuid, \"delegate\" boolean NOT NULL DEFAULT false, \"ticket_code\" character varying(16) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"uq_registrations_ticket_code\" UNIQUE (\"ticket_code\"), CONSTRAINT \"uq_registrations_event_person\" UNIQUE (\"region_id\", \"event_id\", \"person_id\"), CONSTRAINT \"uq_registrations_region_id\" UNIQUE (\"region_id\", \"id\"), CONSTRAINT \"pk_registrations\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_registrations_invitation_id\" ON \"registrations\"  (\"invitation_id\") ");
    await queryRunner.query("ALTER TABLE \"events\" ADD \"registered\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"events\" ADD CONSTRAINT \"ck_events_registered_within_capacity\" CHECK (registered >= 0 AND registered <= capacity)");
    await queryRunner.query("ALTER TABLE \"people\" ADD CONSTRAINT \"uq_people_region_id\" UNIQUE (\"region_id\", \"id\")");
    await queryRunner.query("ALTER TABLE \"stored_files\" ADD CONSTRAINT \"fk_stored_files_region\" FOREIGN KEY (\"region_id\") REFERENCES \"regions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"invitations\" ADD CONSTRAINT \"fk_invitations_event\" FOREIGN KEY (\"event_id\", \"region_id\") REFERENCES \"events\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"invitations\" ADD CONSTRAINT \"fk_invitations_agency\" FOREIGN KEY (\"agency_id\", \"region_id\") REFERENCES \"agencies\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"invitations\" ADD CONSTRAINT \"fk_invitations_addressee\" FOREIGN KEY (\"addressee_person_id\", \"region_id\") REFERENCES \"people\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"invitations\" ADD CONSTRAINT \"fk_invitations_assignment_letter\" FOREIGN KEY (\"assignment_letter_id\", \"region_id\") REFERENCES \"stored_files\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"registrations\" ADD CONSTRAINT \"fk_registrations_event\" FOREIGN KEY (\"event_id\", \"region_id\") REFERENCES \"events\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"registrations\" ADD CONSTRAINT \"fk_registrations_person\" FOREIGN KEY (\"person_id\", \"region_id\") REFERENCES \"people\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"registrations\" ADD CONSTRAINT \"fk_registrations_agency\" FOREIGN KEY (\"agency_id\", \"region_id\") REFERENCES \"agencies\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"registrations\" ADD CONSTRAINT \"fk_registrations_invitation\" FOREIGN KEY (\"invitation_id\", \"region_id\") REFERENCES \"invitations\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"registrations\" DROP CONSTRAINT \"fk_registrations_invitation\"");
    await queryRunner.query("ALTER TABLE \"registrations\" DROP CONSTRAINT \"fk_registrations_agency\"");
    await queryRunner.query("ALTER TABLE \"registrations\" DROP CONSTRAINT \"fk_registrations_person\"");
    await queryRunner.query("ALTER TABLE \"registrations\" DROP CONSTRAINT \"fk_registrations_event\"");
    await queryRunner.query("ALTER TABLE \"invitations\" DROP CONSTRAINT \"fk_invitations_assignment_letter\"");
    await queryRunner.query("ALTER TABLE \"invitations\" DROP CONSTRAINT \"fk_invitations_addressee\"");
    await queryRunner.query("ALTER TABLE \"invitations\" DROP CONSTRAINT \"fk_invitations_agency\"");
    await queryRunner.query("ALTER TABLE \"invitations\" DROP CONSTRAINT \"fk_invitations_event\"");
    await queryRunner.query("ALTER TABLE \"stored_files\" DROP CONSTRAINT \"fk_stored_files_region\"");
    await queryRunner.query("ALTER TABLE \"people\" DROP CONSTRAINT \"uq_people_region_id\"");
    await queryRunner.query("ALTER TABLE \"events\" DROP CONSTRAINT \"ck_events_registered_within_capacity\"");
    await queryRunner.query("ALTER TABLE \"events\" DROP COLUMN \"registered\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_registrations_invitation_id\"");
    await queryRunner.query("DROP TABLE \"registrations\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_invitations_event_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_invitations_agency_id\"");
    await queryRunner.query("DROP TABLE \"invitations\"");
    await queryRunner.query("DROP TYPE \"public\".\"invitation_status\"");
    await queryRunner.query("DROP TABLE \"stored_files\"");
    await queryRunner.query("DROP TYPE \"public\".\"stored_media_type\"");
  }
}
