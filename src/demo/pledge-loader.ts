import type { EntityManager } from 'typeorm';
import { GENESIS_HASH, pledgeHash, type SignedFields, templateTextHash } from '../pledges/pledge-hash.js';
import { findPledgeChainHead, lockPledgeChain } from '../pledges/pledges.repository.js';
import { randomCode } from '../common/codes.js';
import { VERIFICATION_CODE_LENGTH } from '../pledges/pledges.service.js';
import type { DemoData } from './demo-data.js';

/** How long after the event's start the participants sign: the ikrar closes the programme. */
const SIGNED_AFTER_START_MS = 2 * 60 * 60 * 1000;

/**
 * The stories' pledge template, and a SELF pledge of everyone checked in at the stories' events
 * but the officers of vertical offices (Polres, Kodim: `EXTERNAL`, not ASN, who attend the
 * sosialisasi without signing the ASN pakta — their agencies show as attended, not pledged)
 * under it (at the event, referencing the check-in), appended to each region's chain exactly as
 * signing does: under the region's chain lock, hashed with pledge-hash.ts, one INSERT per region.
 * Check-ins that have a pledge already are skipped, so running it again adds nothing, and a chain
 * signed through the API meanwhile is continued, never forked. Returns how many it signed.
 */
export async function loadDemoPledges(manager: EntityManager, data: DemoData): Promise<number> {
  if (data.pledgeTemplates.length === 0) return 0;
  await manager.query(
    `INSERT INTO pledge_templates (title, version, clauses, legal_basis, active, text_hash)
     SELECT t.title, t.version, t.clauses, t."legalBasis", true, t."textHash"
       FROM jsonb_to_recordset($1::jsonb) AS t(title text, version int, clauses jsonb, "legalBasis" text, "textHash" text)
     ON CONFLICT ON CONSTRAINT uq_pledge_templates_title_version DO NOTHING`,
    [JSON.stringify(data.pledgeTemplates.map((template) => ({ ...template, textHash: templateTextHash(template) })))],
  );
  const [first] = data.pledgeTemplates;
  const [template] = (await manager.query('SELECT id, title, version, clauses, legal_basis FROM pledge_templates WHERE title = $1 AND version = $2', [first.title, first.version])) as Array<{
    id: string;
    title: string;
    version: number;
    clauses: string[];
    legal_basis: string;
  }>;
  const textHash = templateTextHash({ title: template.title, version: template.version, clauses: template.clauses, legalBasis: template.legal_basis });

  const events = data.events.filter((event) => event.checkIns.length > 0).map((event) => ({ regionCode: event.regionCode, title: event.title, startsAt: event.startsAt }));
  const unsigned = (await manager.query(
    `SELECT c.id AS check_in_id, c.region_id, c.event_id, c.person_id, p.agency_id, p.full_name, e.starts_at
       FROM jsonb_to_recordset($1::jsonb) AS x("regionCode" text, title text, "startsAt" text)
       JOIN regions rg ON rg.code = x."regionCode"
       JOIN events e ON e.region_id = rg.id AND e.title = x.title AND e.starts_at = x."startsAt"::timestamptz
       JOIN check_ins c ON c.region_id = e.region_id AND c.event_id = e.id
       JOIN people p ON p.region_id = c.region_id AND p.id = c.person_id
      WHERE p.employment_type <> 'EXTERNAL'
        AND NOT EXISTS (SELECT 1 FROM pledges pl WHERE pl.region_id = c.region_id AND pl.person_id = c.person_id AND pl.template_id = $2 AND pl.event_id = c.event_id)
      ORDER BY c.region_id, e.starts_at, c.checked_in_at, p.full_name`,
    [JSON.stringify(events), template.id],
  )) as Array<{ check_in_id: string; region_id: string; event_id: string; person_id: string; agency_id: string; full_name: string; starts_at: Date }>;

  const byRegion = new Map<string, typeof unsigned>();
  for (const row of unsigned) byRegion.set(row.region_id, [...(byRegion.get(row.region_id) ?? []), row]);
  for (const [regionId, rows] of byRegion) {
    await lockPledgeChain(manager, regionId);
    const head = await findPledgeChainHead(manager, regionId);
    let prevHash = head.chainSeq === 0 ? GENESIS_HASH : head.hash;
    const links = rows.map((row, i) => {
      const fields: SignedFields = {
        regionId,
        chainSeq: head.chainSeq + i + 1,
        eventId: row.event_id,
        templateId: template.id,
        personId: row.person_id,
        agencyId: row.agency_id,
        capacity: 'SELF',
        checkInId: row.check_in_id,
        signatureName: row.full_name,
        signatureImageSha256: null,
        // One a second, in check-in order, when the programme closes.
        signedAt: new Date(row.starts_at.getTime() + SIGNED_AFTER_START_MS + i * 1000),
        verificationCode: randomCode(VERIFICATION_CODE_LENGTH),
      };
      const hash = pledgeHash(prevHash, fields, textHash);
      const link = { ...fields, signedAt: fields.signedAt.toISOString(), hash, prevHash };
      prevHash = hash;
      return link;
    });
    await manager.query(
      `INSERT INTO pledges (region_id, chain_seq, event_id, template_id, person_id, agency_id, capacity, check_in_id, signature_name,
                            signature_image_sha256, signed_at, verification_code, hash, prev_hash)
       SELECT l."regionId", l."chainSeq", l."eventId", l."templateId", l."personId", l."agencyId", l.capacity::pledge_capacity, l."checkInId", l."signatureName",
              NULL, l."signedAt"::timestamptz, l."verificationCode", l.hash, l."prevHash"
         FROM jsonb_to_recordset($1::jsonb) AS l("regionId" uuid, "chainSeq" int, "eventId" uuid, "templateId" uuid, "personId" uuid, "agencyId" uuid,
              capacity text, "checkInId" uuid, "signatureName" text, "signedAt" text, "verificationCode" text, hash text, "prevHash" text)`,
      [JSON.stringify(links)],
    );
  }
  return unsigned.length;
}
