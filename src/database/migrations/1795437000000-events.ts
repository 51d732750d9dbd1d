import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Events1795437000000 implements MigrationInterface {
  name = 'Events1795437000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"election_type\" AS ENUM('PILPRES', 'PILEG', 'PILGUB', 'PILBUP', 'PILWALI', 'SERENTAK')");
    await queryRunner.query("CREATE TABLE \"elections\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(200) NOT NULL, \"type\" \"public\".\"election_type\" NOT NULL, \"voting_date\" date NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"pk_elections\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_elections_name\" ON \"elections\"  (\"name\") ");
    await queryRunner.query("CREATE TABLE \"speakers\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"region_id\" uuid NOT NULL, \"full_name\" character varying(200) NOT NULL, \"title\" character varying(200), \"organization\" character varying(200), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"uq_speakers_region_id\" UNIQUE (\"region_id\", \"id\"), CONSTRAINT \"pk_speakers\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_speakers_region_full_name\" ON \"speakers\"  (\"region_id\", \"full_name\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"event_type\" AS ENUM('SOSIALISASI', 'RAKOR', 'APEL_IKRAR', 'BIMTEK')");
    await queryRunner.query("CREATE TYPE \"public\".\"event_status\" AS ENUM('DRAFT', 'SCHEDULED', 'COMPLETED', 'CANCELLED')");
    await queryRunner.query("CREATE TABLE \"events\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"region_id\" uuid NOT NULL, \"title\" character varying(300) NOT NULL, \"type\" \"public\".\"event_type\" NOT NULL, \"topics\" character varying(60) array NOT NULL, \"election_id\" uuid, \"organizer\" character varying(200), \"venue_name\" character varying(200) NOT NULL, \"venue_address\" character varying(500), \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"capacity\" integer NOT NULL, \"letter_number\" character varying(100), \"status\" \"public\".\"event_status\" NOT NULL DEFAULT 'DRAFT', \"cancelled_at\" TIMESTAMP WITH TIME ZONE, \"cancellation_reason\" character varying(500), \"revision\" integer NOT NULL DEFAULT '0', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"uq_events_region_id\" UNIQUE (\"region_id\", \"id\"), CONSTRAINT \"ck_events_cancellation\" CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)), CONSTRAINT \"ck_events_capacity\" CHECK (capacity >= 1), CONSTRAINT \"ck_events_ends_after_start\" CHECK (ends_at > starts_at), CONSTRAINT \"pk_events\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_events_election_id\" ON \"events\"  (\"election_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_events_region_starts_at\" ON \"events\"  (\"region_id\", \"starts_at\") ");
    await queryRunner.query("CREATE TABLE \"event_speakers\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"region_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"speaker_id\" uuid NOT NULL, \"topic\" character varying(300) NOT NULL, \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"order\" integer NOT NULL, CONSTRAINT \"ck_event_speakers_ends_after_start\" CHECK (ends_at > starts_at), CONSTRAINT \"pk_event_speakers\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_event_speakers_speaker_id\" ON \"event_speakers\"  (\"speaker_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_event_speakers_event_order\" ON \"event_speakers\"  (\"event_id\", \"order\") ");
    await queryRunner.query("ALTER TABLE \"speakers\" ADD CONSTRAINT \"fk_speakers_region\" FOREIGN KEY (\"region_id\") REFERENCES \"regions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"events\" ADD CONSTRAINT \"fk_events_region\" FOREIGN KEY (\"region_id\") REFERENCES \"regions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"events\" ADD CONSTRAINT \"fk_events_election\" FOREIGN KEY (\"election_id\") REFERENCES \"elections\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"event_speakers\" ADD CONSTRAINT \"fk_event_speakers_event\" FOREIGN KEY (\"event_id\", \"region_id\") REFERENCES \"events\"(\"id\",\"region_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"event_speakers\" ADD CONSTRAINT \"fk_event_speakers_speaker\" FOREIGN KEY (\"speaker_id\", \"region_id\") REFERENCES \"speakers\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"event_speakers\" DROP CONSTRAINT \"fk_event_speakers_speaker\"");
    await queryRunner.query("ALTER TABLE \"event_speakers\" DROP CONSTRAINT \"fk_event_speakers_event\"");
    await queryRunner.query("ALTER TABLE \"events\" DROP CONSTRAINT \"fk_events_election\"");
    await queryRunner.query("ALTER TABLE \"events\" DROP CONSTRAINT \"fk_events_region\"");
    await queryRunner.query("ALTER TABLE \"speakers\" DROP CONSTRAINT \"fk_speakers_region\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_event_speakers_event_order\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_event_speakers_speaker_id\"");
    await queryRunner.query("DROP TABLE \"event_speakers\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_events_region_starts_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_events_election_id\"");
    await queryRunner.query("DROP TABLE \"events\"");
    await queryRunner.query("DROP TYPE \"public\".\"event_status\"");
    await queryRunner.query("DROP TYPE \"public\".\"event_type\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_speakers_region_full_name\"");
    await queryRunner.query("DROP TABLE \"speakers\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_elections_name\"");
    await queryRunner.query("DROP TABLE \"elections\"");
    await queryRunner.query("DROP TYPE \"public\".\"election_type\"");
  }
}
