import type { EntityManager } from 'typeorm';

/** A check-in for which a signing link may be offered. */
export interface SignableCheckIn {
  checkInId: string;
  regionId: string;
  eventId: string;
  personId: string;
}

/** The part of a check-in statement that answers `signUrl` together with the check-in (see SignLinks.sql). */
export interface SignLinkSql {
  /** Common table expressions to append to the statement's own: the text starts with a comma (`WITH a AS (…)${ctes}`). */
  ctes: string;
  /** The name of the CTE among `ctes` that gives `check_in_id` and `sign_url` for each check-in of the source that has a link. */
  relation: string;
  /** The values of the parameters that `ctes` numbers from `firstParam` on. */
  params: unknown[];
}

/**
 * Where `signUrl` of a check-in response comes from (DESIGN §4: set when the event has an active
 * pledge template and the person has not signed yet). The pledges feature owns the answer — the
 * template, the signing token, PUBLIC_URL — and provides it by binding this token to its own
 * implementation in CheckInsModule (`{ provide: SignLinks, useExisting: PledgeSignLinks }`, with
 * PledgesModule imported). Check-in asks once per response, for every check-in in it, in one of
 * two ways:
 *
 * - `sql`: as part of the statement that writes the check-in. A door scan is one round trip, and
 *   the link must not cost a second one: with a statement of its own, the door's throughput fell
 *   from 0.8× the reference's to 0.6× (README, Door check-in). The provider writes the SQL, so
 *   check-in still knows nothing of templates, pledges or tokens: it names the rows it answers
 *   with and reads back a URL. (The alternative, check-in reading the pledge tables itself, would
 *   put the pledge rules in two features.)
 * - `forCheckIns`: a statement of its own, for responses whose check-ins were written by several
 *   statements (an offline batch).
 */
export abstract class SignLinks {
  /**
   * The signing link of each check-in that has one, by check-in id; check-ins without one are
   * absent. `manager`: the transaction that wrote the check-ins, when it has not committed yet.
   */
  abstract forCheckIns(checkIns: readonly SignableCheckIn[], manager?: EntityManager): Promise<ReadonlyMap<string, string>>;

  /**
   * CTEs that make (when wanted) and read the links of the check-ins of `source`, the name of a CTE
   * of the including statement with the columns `check_in_id, region_id, event_id, person_id` and
   * at most one row per check-in. They read nothing of `check_ins`: `source` may be the RETURNING
   * of the statement's own INSERT, whose rows the statement's snapshot does not see (the signing
   * token's foreign key to the check-in is checked at the end of the statement, when the row is
   * there). Their parameters are numbered from `$firstParam`. The text depends on the arguments
   * only, so that the including statement can be prepared once per connection.
   */
  abstract sql(source: string, firstParam: number): SignLinkSql;
}
