import { Injectable } from '@nestjs/common';
import pLimit, { type LimitFunction } from 'p-limit';

/**
 * Signings of one region waiting at once, per API process. Appends to a region's chain take the
 * region's advisory lock one at a time anyway; a transaction waiting for that lock holds a pooled
 * connection while it waits. Without a lane, a crowd signing in one hall would take every
 * connection of the pool and leave other regions — and the door's check-ins — waiting for one
 * (then 503). With it, one region holds at most REGION_LANE_WIDTH connections: enough that the
 * next signing's checks run while the current one appends; the others wait in memory.
 */
export const REGION_LANE_WIDTH = 4;

@Injectable()
export class ChainLanes {
  private readonly lanes = new Map<string, LimitFunction>();

  run<T>(regionId: string, work: () => Promise<T>): Promise<T> {
    let lane = this.lanes.get(regionId);
    if (!lane) {
      lane = pLimit(REGION_LANE_WIDTH);
      this.lanes.set(regionId, lane);
    }
    return lane(work);
  }
}
