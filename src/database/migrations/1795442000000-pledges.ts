import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Pledges1795442000000 implements MigrationInterface {
  name = 'Pledges1795442000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"pledge_templates\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"title\" character varying(300) NOT NULL, \"version\" integer NOT NULL, \"clauses\" jsonb NOT NULL, \"legal_basis\" character varying(500) NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"text_hash\" character(64) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"uq_pledge_templates_title_version\" UNIQUE (\"title\", \"version\"), CONSTRAINT \"pk_pledge_templates\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"pledge_capacity\" AS ENUM('SELF', 'ON_BEHALF_OF_AGENCY')");
    await queryRunner.query("CREATE TABLE \"pledges\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"region_id\" uuid NOT NULL, \"chain_seq\" integer NOT NULL, \"event_id\" uuid, \"template_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"agency_id\" uuid NOT NULL, \"capacity\" \"public\".\"pledge_capacity\" NOT NULL, \"check_in_id\" uuid, \"signature_name\" character varying(200) NOT NULL, \"signature_image_sha256\" character(64), \"signed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"verification_code\" character varying(16) NOT NULL, \"hash\" character(64) NOT NULL, \"prev_hash\" character(64) NOT NULL, CONSTRAINT \"uq_pledges_verification_code\" UNIQUE (\"verification_code\"), CONSTRAINT \"uq_pledges_region_chain_seq\" UNIQUE (\"region_id\", \"chain_seq\"), CONSTRAINT \"uq_pledges_region_id\" UNIQUE (\"region_id\", \"id\"), CONSTRAINT \"pk_pledges\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_pledges_event_agency\" ON \"pledges\"  (\"region_id\", \"event_id\", \"agency_id\") ");
    await queryRunner.query("CREATE TABLE \"signature_images\" (\"region_id\" uuid NOT NULL, \"sha256\" character(64) NOT NULL, \"png\" bytea NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"pk_signature_images\" PRIMARY KEY (\"region_id\", \"sha256\"))");
    await queryRunner.query("ALTER TABLE \"pledges\" ADD CONSTRAINT \"fk_pledges_event\" FOREIGN KEY (\"event_id\", \"region_id\") REFERENCES \"events\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"pledges\" ADD CONSTRAINT \"fk_pledges_template\" FOREIGN KEY (\"template_id\") REFERENCES \"pledge_templates\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"pledges\" ADD CONSTRAINT \"fk_pledges_person\" FOREIGN KEY (\"person_id\", \"region_id\") REFERENCES \"people\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"pledges\" ADD CONSTRAINT \"fk_pledges_agency\" FOREIGN KEY (\"agency_id\", \"region_id\") REFERENCES \"agencies\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"pledges\" ADD CONSTRAINT \"fk_pledges_check_in\" FOREIGN KEY (\"check_in_id\", \"region_id\") REFERENCES \"check_ins\"(\"id\",\"region_id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    // One pledge per person per template per event, and once outside any event (NULLS NOT DISTINCT).
    await queryRunner.query('CREATE UNIQUE INDEX "uq_pledges_person_template_event" ON "pledges" ("region_id", "person_id", "template_id", "event_id") NULLS NOT DISTINCT');
    // Pledges and their signatures are never changed or removed (DESIGN §3.4).
    for (const table of ['pledges', 'signature_images']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    }
    // A template's text is what pledges were signed under: only `active` may change.
    await queryRunner.query(`CREATE FUNCTION refuse_template_text_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR (NEW.title, NEW.version, NEW.clauses, NEW.legal_basis, NEW.text_hash)
             IS DISTINCT FROM (OLD.title, OLD.version, OLD.clauses, OLD.legal_basis, OLD.text_hash) THEN
          RAISE EXCEPTION 'pledge_templates: the text of a template never changes (% refused); write a new version', TG_OP USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query('CREATE TRIGGER pledge_templates_text_fixed BEFORE UPDATE OR DELETE ON "pledge_templates" FOR EACH ROW EXECUTE FUNCTION refuse_template_text_change()');
    await queryRunner.query('CREATE TRIGGER pledge_templates_no_truncate BEFORE TRUNCATE ON "pledge_templates" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER pledge_templates_no_truncate ON "pledge_templates"');
    await queryRunner.query('DROP TRIGGER pledge_templates_text_fixed ON "pledge_templates"');
    await queryRunner.query('DROP FUNCTION refuse_template_text_change()');
    for (const table of ['pledges', 'signature_images']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON "${table}"`);
    }
    await queryRunner.query('DROP INDEX "public"."uq_pledges_person_template_event"');
    await queryRunner.query("ALTER TABLE \"pledges\" DROP CONSTRAINT \"fk_pledges_check_in\"");
    await queryRunner.query("ALTER TABLE \"pledges\" DROP CONSTRAINT \"fk_pledges_agency\"");
    await queryRunner.query("ALTER TABLE \"pledges\" DROP CONSTRAINT \"fk_pledges_person\"");
    await queryRunner.query("ALTER TABLE \"pledges\" DROP CONSTRAINT \"fk_pledges_template\"");
    await queryRunner.query("ALTER TABLE \"pledges\" DROP CONSTRAINT \"fk_pledges_event\"");
    await queryRunner.query("DROP TABLE \"signature_images\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_pledges_event_agency\"");
    await queryRunner.query("DROP TABLE \"pledges\"");
    await queryRunner.query("DROP TYPE \"public\".\"pledge_capacity\"");
    await queryRunner.query("DROP TABLE \"pledge_templates\"");
  }
}
