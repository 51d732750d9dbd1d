import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SignLinks, type SignableCheckIn } from '../check-ins/sign-links.js';
import { CLOSES_AFTER_END_MS } from '../check-ins/check-in-rules.js';
import { RANDOM_TOKEN_SQL } from '../common/codes.js';
import { preparedQuery } from '../common/sql.js';
import { API_PREFIX, APP_CONFIG, type AppConfig } from '../config/config.js';

export function signUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/${API_PREFIX}/sign/${token}`;
}

/**
 * The `signUrl` of check-in responses (DESIGN §4): offered while the current pledge template (the
 * newest active one) has not been signed by the person at the event, and the event's check-in
 * window is open. The token is made on first offer and given again after (one per check-in).
 *
 * One statement per response, however many check-ins it holds (a batch of 1,000 too): it picks
 * the check-ins that still need a pledge, inserts the tokens they lack and reads the others.
 */
@Injectable()
export class PledgeSignLinks extends SignLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async forCheckIns(checkIns: readonly SignableCheckIn[], manager: EntityManager = this.dataSource.manager): Promise<ReadonlyMap<string, string>> {
    if (checkIns.length === 0) return new Map();
    // The statement's snapshot does not see the rows its own INSERT makes: the new tokens come
    // from RETURNING, the existing ones from the table. A token inserted concurrently by another
    // response is in neither; that check-in answers without a link this once.
    // Prepared once per connection, like the scan itself: planning this statement costs more than running it.
    const rows = await preparedQuery<{ check_in_id: string; token: string }>(
      manager,
      `WITH template AS (
         SELECT id FROM pledge_templates WHERE active ORDER BY created_at DESC, version DESC LIMIT 1
       ),
       wanted AS (
         SELECT c.region_id, c.id AS check_in_id, e.ends_at + $3 * interval '1 millisecond' AS expires_at
           FROM unnest($1::uuid[], $2::uuid[]) AS w (check_in_id, region_id)
           JOIN check_ins c ON c.region_id = w.region_id AND c.id = w.check_in_id
           JOIN events e ON e.region_id = c.region_id AND e.id = c.event_id
           CROSS JOIN template t
          WHERE e.ends_at + $3 * interval '1 millisecond' > now()
            AND NOT EXISTS (SELECT 1 FROM pledges p
                             WHERE p.region_id = c.region_id AND p.person_id = c.person_id AND p.template_id = t.id AND p.event_id = c.event_id)
       ),
       made AS (
         INSERT INTO sign_tokens (region_id, check_in_id, token, expires_at)
         SELECT region_id, check_in_id, ${RANDOM_TOKEN_SQL}, expires_at FROM wanted
         ON CONFLICT DO NOTHING
         RETURNING check_in_id, token
       )
       SELECT check_in_id, token FROM made
       UNION ALL
       SELECT s.check_in_id, s.token FROM sign_tokens s JOIN wanted w ON w.region_id = s.region_id AND w.check_in_id = s.check_in_id`,
      [checkIns.map((checkIn) => checkIn.checkInId), checkIns.map((checkIn) => checkIn.regionId), CLOSES_AFTER_END_MS],
    );
    return new Map(rows.map((row) => [row.check_in_id, signUrl(this.config.publicUrl, row.token)]));
  }
}
