import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type SignableCheckIn, type SignLinkSql, SignLinks } from '../check-ins/sign-links.js';
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
 * `sql` is the whole rule, as CTEs that the check-in statement includes (one round trip per
 * scan); `forCheckIns` runs the same CTEs as a statement of their own, for any number of
 * check-ins (a batch of 1,000 too).
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
    const links = this.sql('answered', 5);
    // Prepared once per connection, like the scan itself: planning this statement costs more than running it.
    const rows = await preparedQuery<{ check_in_id: string; sign_url: string }>(
      manager,
      `WITH answered AS (
         SELECT DISTINCT check_in_id, region_id, event_id, person_id FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[]) AS a (check_in_id, region_id, event_id, person_id)
       )${links.ctes}
       SELECT check_in_id, sign_url FROM ${links.relation}`,
      [checkIns.map((c) => c.checkInId), checkIns.map((c) => c.regionId), checkIns.map((c) => c.eventId), checkIns.map((c) => c.personId), ...links.params],
    );
    return new Map(rows.map((row) => [row.check_in_id, row.sign_url]));
  }

  sql(source: string, firstParam: number): SignLinkSql {
    const closesAfter = `$${firstParam}::int * interval '1 millisecond'`;
    const urlPrefix = `$${firstParam + 1}::text`;
    return {
      relation: 'sign_link',
      params: [CLOSES_AFTER_END_MS, signUrl(this.config.publicUrl, '')],
      ctes: `,
       sign_template AS (
         SELECT id FROM pledge_templates WHERE active ORDER BY created_at DESC, version DESC LIMIT 1
       ),
       sign_wanted AS (
         SELECT s.region_id, s.check_in_id, e.ends_at + ${closesAfter} AS expires_at
           FROM ${source} s
           JOIN events e ON e.region_id = s.region_id AND e.id = s.event_id
           CROSS JOIN sign_template t
          WHERE e.ends_at + ${closesAfter} > now()
            AND NOT EXISTS (SELECT 1 FROM pledges p
                             WHERE p.region_id = s.region_id AND p.person_id = s.person_id AND p.template_id = t.id AND p.event_id = s.event_id)
       ),
       sign_kept AS (
         SELECT k.check_in_id, k.token FROM sign_tokens k JOIN sign_wanted w ON w.region_id = k.region_id AND w.check_in_id = k.check_in_id
       ),
       -- A token made by another response since this statement began is not in its snapshot: the
       -- insert meets it as a conflict, and DO UPDATE (which changes nothing) returns it, where
       -- DO NOTHING would return no row and leave this answer without its link.
       sign_made AS (
         INSERT INTO sign_tokens (region_id, check_in_id, token, expires_at)
         SELECT w.region_id, w.check_in_id, ${RANDOM_TOKEN_SQL}, w.expires_at
           FROM sign_wanted w WHERE NOT EXISTS (SELECT 1 FROM sign_kept k WHERE k.check_in_id = w.check_in_id)
         ON CONFLICT (region_id, check_in_id) DO UPDATE SET token = sign_tokens.token
         RETURNING check_in_id, token
       ),
       sign_link AS (
         SELECT check_in_id, ${urlPrefix} || token AS sign_url FROM sign_kept
         UNION ALL
         SELECT check_in_id, ${urlPrefix} || token FROM sign_made
       )`,
    };
  }
}
