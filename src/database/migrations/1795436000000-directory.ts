import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies and people (the directory), and the users → agencies foreign key. */
export class Directory1795436000000 implements MigrationInterface {
  name = 'Directory1795436000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"agency_category\" AS ENUM('OPD', 'KECAMATAN', 'KELURAHAN', 'DESA', 'SCHOOL', 'VERTICAL', 'ELECTION_BODY', 'BUMD', 'OTHER')");
    await queryRunner.query("CREATE TABLE \"agencies\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"region_id\" uuid NOT NULL, \"name\" character varying(200) NOT NULL, \"short_name\" character varying(50), \"category\" \"public\".\"agency_category\" NOT NULL, \"head_title\" character varying(100), \"parent_agency_id\" uuid, \"headcount_as_of\" date, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"headcount_pns\" integer NOT NULL DEFAULT '0', \"headcount_pppk\" integer NOT NULL DEFAULT '0', \"headcount_non_asn\" integer NOT NULL DEFAULT '0', CONSTRAINT \"uq_agencies_region_id\" UNIQUE (\"region_id\", \"id\"), CONSTRAINT \"ck_agencies_not_own_parent\" CHECK (parent_agency_id <> id), CONSTRAINT \"ck_agencies_headcount\" CHECK (headcount_pns >= 0 AND headcount_pppk >= 0 AND headcount_non_asn >= 0), CONSTRAINT \"pk_agencies\" PRIMARY KEY (\"id\"))");
    // Names are unique within a region whatever their case; the CSV import upserts on this key.
    await queryRunner.query('CREATE UNIQUE INDEX "uq_agencies_region_name" ON "agencies" ("region_id", lower("name"))');
    await queryRunner.query("CREATE TYPE \"public\".\"employment_type\" AS ENUM('PNS', 'CPNS', 'PPPK', 'NON_ASN', 'EXTERNAL')");
    await queryRunner.query("CREATE TABLE \"people\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"region_id\" uuid NOT NULL, \"full_name\" character varying(200) NOT NULL, \"nip\" character varying(18), \"employment_type\" \"public\".\"employment_type\" NOT NULL, \"position\" character varying(200), \"agency_id\" uuid NOT NULL, \"phone\" character varying(30), \"email\" character varying(254), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"pk_people\" PRIMARY KEY (\"id\"))");
    // One index for both uniqueness within the region and NIP-prefix search (door lookup):
    // text_pattern_ops makes `nip LIKE '198503%'` use it under any database collation.
    await queryRunner.query('CREATE UNIQUE INDEX "uq_people_region_nip" ON "people" ("region_id", "nip" text_pattern_ops) WHERE "nip" IS NOT NULL');
    // Name-ordered lists per region and per agency; the import matches people without a NIP on the latter.
    await queryRunner.query('CREATE INDEX "ix_people_region_name" ON "people" ("region_id", lower("full_name"))');
    await queryRunner.query('CREATE INDEX "ix_people_agency_name" ON "people" ("agency_id", lower("full_name"))');
    await queryRunner.query("ALTER TABLE \"agencies\" ADD CONSTRAINT \"fk_agencies_region\" FOREIGN KEY (\"region_id\") REFERENCES \"regions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"agencies\" ADD CONSTRAINT \"fk_agencies_parent\" FOREIGN KEY (\"parent_agency_id\", \"region_id\") REFERENCES \"agencies\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"people\" ADD CONSTRAINT \"fk_people_agency\" FOREIGN KEY (\"agency_id\", \"region_id\") REFERENCES \"agencies\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"users\" ADD CONSTRAINT \"fk_users_agency\" FOREIGN KEY (\"agency_id\") REFERENCES \"agencies\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"users\" DROP CONSTRAINT \"fk_users_agency\"");
    await queryRunner.query("ALTER TABLE \"people\" DROP CONSTRAINT \"fk_people_agency\"");
    await queryRunner.query("ALTER TABLE \"agencies\" DROP CONSTRAINT \"fk_agencies_parent\"");
    await queryRunner.query("ALTER TABLE \"agencies\" DROP CONSTRAINT \"fk_agencies_region\"");
    await queryRunner.query('DROP INDEX "public"."ix_people_agency_name"');
    await queryRunner.query('DROP INDEX "public"."ix_people_region_name"');
    await queryRunner.query('DROP INDEX "public"."uq_people_region_nip"');
    await queryRunner.query("DROP TABLE \"people\"");
    await queryRunner.query("DROP TYPE \"public\".\"employment_type\"");
    await queryRunner.query('DROP INDEX "public"."uq_agencies_region_name"');
    await queryRunner.query("DROP TABLE \"agencies\"");
    await queryRunner.query("DROP TYPE \"public\".\"agency_category\"");
  }
}
