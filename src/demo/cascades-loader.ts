import type { EntityManager } from 'typeorm';
import type { DemoData } from './demo-data.js';

/**
 * The stories' cascade sessions (DESIGN §2), so that the demo coverage report shows agencies
 * reached by their own internal relays. One set-based statement; a cascade is identified by its
 * agency, day and notes, so running it again adds nothing. The source event is matched by
 * title and local date in the region's zone (EventRef).
 */
export async function loadDemoCascades(manager: EntityManager, data: DemoData): Promise<void> {
  const rows = data.cascades.map((cascade) => ({
    regionCode: cascade.regionCode,
    agencyName: cascade.agencyName,
    eventTitle: cascade.sourceEvent?.title ?? null,
    eventDate: cascade.sourceEvent?.date ?? null,
    heldOn: cascade.heldOn,
    pns: cascade.reached.pns,
    pppk: cascade.reached.pppk,
    nonAsn: cascade.reached.nonAsn,
    notes: cascade.notes ?? null,
  }));
  await manager.query(
    `INSERT INTO cascades (region_id, agency_id, source_event_id, held_on, reached_pns, reached_pppk, reached_non_asn, notes)
     SELECT a.region_id, a.id, ev.id, x."heldOn"::date, x.pns, x.pppk, x."nonAsn", x.notes
       FROM jsonb_to_recordset($1::jsonb) AS x("regionCode" text, "agencyName" text, "eventTitle" text, "eventDate" text, "heldOn" text,
            pns int, pppk int, "nonAsn" int, notes text)
       JOIN regions r ON r.code = x."regionCode"
       JOIN agencies a ON a.region_id = r.id AND lower(a.name) = lower(x."agencyName")
       LEFT JOIN events ev ON ev.region_id = r.id AND ev.title = x."eventTitle" AND (ev.starts_at AT TIME ZONE r.timezone)::date = x."eventDate"::date
      WHERE NOT EXISTS (
        SELECT 1 FROM cascades k
         WHERE k.region_id = a.region_id AND k.agency_id = a.id AND k.held_on = x."heldOn"::date AND k.notes IS NOT DISTINCT FROM x.notes
      )`,
    [JSON.stringify(rows)],
  );
}
