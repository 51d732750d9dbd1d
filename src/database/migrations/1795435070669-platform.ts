import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Platform1795435070669 implements MigrationInterface {
  name = 'Platform1795435070669';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"actor_id\" uuid, \"actor_email\" character varying(254), \"action\" character varying(40) NOT NULL, \"entity\" character varying(40) NOT NULL, \"entity_id\" uuid, \"region_id\" uuid, \"changes\" jsonb NOT NULL, \"request_id\" character varying(64), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"pk_audit_log\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_audit_log_entity\" ON \"audit_log\"  (\"entity\", \"entity_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_audit_log_region_time\" ON \"audit_log\"  (\"region_id\", \"created_at\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"region_level\" AS ENUM('PROVINCE', 'REGENCY', 'CITY')");
    await queryRunner.query("CREATE TABLE \"regions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"code\" character varying(13) NOT NULL, \"name\" character varying(200) NOT NULL, \"level\" \"public\".\"region_level\" NOT NULL, \"parent_id\" uuid, \"timezone\" character varying(40) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"pk_regions\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_regions_code\" ON \"regions\"  (\"code\") ");
    await queryRunner.query("CREATE INDEX \"ix_regions_parent_id\" ON \"regions\"  (\"parent_id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"user_role\" AS ENUM('ADMIN', 'ORGANIZER', 'AGENCY_REP', 'VIEWER', 'CHECKIN')");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" character varying(254) NOT NULL, \"full_name\" character varying(200) NOT NULL, \"password_hash\" character varying(255) NOT NULL, \"role\" \"public\".\"user_role\" NOT NULL, \"region_id\" uuid, \"agency_id\" uuid, \"active\" boolean NOT NULL DEFAULT true, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_users_role_binding\" CHECK ((role = 'ADMIN' AND region_id IS NULL AND agency_id IS NULL)\n   OR (role IN ('ORGANIZER', 'VIEWER', 'CHECKIN') AND region_id IS NOT NULL AND agency_id IS NULL)\n   OR (role = 'AGENCY_REP' AND region_id IS NOT NULL AND agency_id IS NOT NULL)), CONSTRAINT \"pk_users\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_email\" ON \"users\"  (\"email\") ");
    await queryRunner.query("CREATE INDEX \"ix_users_region_id\" ON \"users\"  (\"region_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_users_agency_id\" ON \"users\"  (\"agency_id\") ");
    await queryRunner.query("ALTER TABLE \"regions\" ADD CONSTRAINT \"fk_regions_parent\" FOREIGN KEY (\"parent_id\") REFERENCES \"regions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"users\" ADD CONSTRAINT \"fk_users_region\" FOREIGN KEY (\"region_id\") REFERENCES \"regions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    // Audit entries are append-only: the database itself refuses to change or remove them.
    // The same function guards the pledge chain.
    await queryRunner.query(`CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
      END $$`);
    await queryRunner.query('CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION refuse_change()');
    await queryRunner.query('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_log_no_truncate ON "audit_log"');
    await queryRunner.query('DROP TRIGGER audit_log_append_only ON "audit_log"');
    await queryRunner.query('DROP FUNCTION refuse_change()');
    await queryRunner.query("ALTER TABLE \"users\" DROP CONSTRAINT \"fk_users_region\"");
    await queryRunner.query("ALTER TABLE \"regions\" DROP CONSTRAINT \"fk_regions_parent\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_users_agency_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_users_region_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_users_email\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP TYPE \"public\".\"user_role\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_regions_parent_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_regions_code\"");
    await queryRunner.query("DROP TABLE \"regions\"");
    await queryRunner.query("DROP TYPE \"public\".\"region_level\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_audit_log_region_time\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_audit_log_entity\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
