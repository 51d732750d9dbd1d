import type { EntityManager } from 'typeorm';

/** A check-in for which a signing link may be offered. */
export interface SignableCheckIn {
  checkInId: string;
  regionId: string;
  eventId: string;
  personId: string;
}

/**
 * Where `signUrl` of a check-in response comes from (DESIGN §4: set when the event has an active
 * pledge template and the person has not signed yet). The pledges feature owns the answer — the
 * template, the signing token, PUBLIC_URL — and provides it by binding this token to its own
 * implementation in CheckInsModule (`{ provide: SignLinks, useExisting: PledgeSignLinks }`, with
 * PledgesModule imported). Check-in only asks, once per response, for every check-in in it.
 */
export abstract class SignLinks {
  /**
   * The signing link of each check-in that has one, by check-in id; check-ins without one are
   * absent. `manager`: the transaction that wrote the check-ins, when it has not committed yet.
   */
  abstract forCheckIns(checkIns: readonly SignableCheckIn[], manager?: EntityManager): Promise<ReadonlyMap<string, string>>;
}
