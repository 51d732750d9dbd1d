import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../common/caller.js';
import { NotFoundError } from '../common/errors.js';
import { oneInReach, withinReach } from '../common/scope.js';
import { Region, type IndonesianTimezone } from '../regions/region.entity.js';
import type { PledgeQuery, PledgeView } from './dto/pledge.dto.js';
import { type ChainLink, GENESIS_HASH } from './pledge-hash.js';
import { PledgeTemplate } from './pledge-template.entity.js';
import { Pledge } from './pledge.entity.js';

/**
 * Two numbers name a per-region advisory lock: this one (ASCII "PLDG") for the pledge chains,
 * and hashtext(region id). Two regions whose ids hash alike merely share a lock.
 */
const CHAIN_LOCK_CLASS = 0x504c4447;

/** Rows read per round trip when walking a chain: memory stays at one batch whatever the chain's length. */
export const CHAIN_BATCH = 2000;

/** The last link of a region's chain: its place and hash. */
export interface ChainHead {
  chainSeq: number;
  hash: string;
}

/** The region's chain lock (see PledgesRepository.lockChain); also taken by the demo loader, which appends too. */
export async function lockPledgeChain(manager: EntityManager, regionId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2::text))', [CHAIN_LOCK_CLASS, regionId]);
}

/** The region's last link; before the first pledge, place 0 and the genesis hash. */
export async function findPledgeChainHead(manager: EntityManager, regionId: string): Promise<ChainHead> {
  const [head] = (await manager.query('SELECT chain_seq, hash FROM pledges WHERE region_id = $1 ORDER BY chain_seq DESC LIMIT 1', [regionId])) as Array<{
    chain_seq: number;
    hash: string;
  }>;
  return head ? { chainSeq: head.chain_seq, hash: head.hash } : { chainSeq: 0, hash: GENESIS_HASH };
}

/** The pledge that a person already signed under a template (at an event, or outside any). */
export interface ExistingPledge {
  id: string;
  verificationCode: string;
}

/** The queries of pledges, named for what they are for. */
@Injectable()
export class PledgesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the region's chain for the rest of the transaction: appends to one region's chain run
   * one at a time, so each reads the true last link (other regions are not held up). The unique
   * (region_id, chain_seq) would refuse a fork anyway; the lock makes one impossible to attempt.
   */
  lockChain(manager: EntityManager, regionId: string): Promise<void> {
    return lockPledgeChain(manager, regionId);
  }

  findChainHead(manager: EntityManager, regionId: string): Promise<ChainHead> {
    return findPledgeChainHead(manager, regionId);
  }

  async findExisting(manager: EntityManager, key: { regionId: string; personId: string; templateId: string; eventId: string | null }): Promise<ExistingPledge | null> {
    const [row] = (await manager.query(
      'SELECT id, verification_code FROM pledges WHERE region_id = $1 AND person_id = $2 AND template_id = $3 AND event_id IS NOT DISTINCT FROM $4::uuid',
      [key.regionId, key.personId, key.templateId, key.eventId],
    )) as Array<{ id: string; verification_code: string }>;
    return row ? { id: row.id, verificationCode: row.verification_code } : null;
  }

  /** Keeps a drawn signature once per region, by its hash (the same drawing twice is one row). */
  async storeSignatureImage(manager: EntityManager, regionId: string, sha256: string, png: Buffer): Promise<void> {
    await manager.query('INSERT INTO signature_images (region_id, sha256, png) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [regionId, sha256, png]);
  }

  async insertPledge(manager: EntityManager, pledge: Omit<Pledge, 'id'>): Promise<Pledge> {
    const [{ id }] = (await manager.createQueryBuilder().insert().into(Pledge).values(pledge).returning('id').execute()).raw as Array<{ id: string }>;
    return { ...pledge, id };
  }

  /** Pledges with the signer's name, NIP and position and the agency's name. */
  private selectViews(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<Pledge> {
    return manager
      .createQueryBuilder(Pledge, 'p')
      .innerJoinAndSelect('p.person', 'person')
      .innerJoinAndSelect('p.agency', 'agency');
  }

  async findView(caller: Caller, id: string, manager: EntityManager = this.dataSource.manager): Promise<PledgeView> {
    const pledge = await oneInReach(this.selectViews(manager), caller, id);
    const timezones = await this.timezones(manager, [pledge.regionId]);
    return toView(pledge, timezones);
  }

  /** The view of a pledge just written (the caller reached its person already). */
  async findViewById(manager: EntityManager, id: string): Promise<PledgeView> {
    const pledge = await this.selectViews(manager).where('p.id = :id', { id }).getOneOrFail();
    return toView(pledge, await this.timezones(manager, [pledge.regionId]));
  }

  /** A page of pledges within reach, newest first. */
  async findViews(caller: Caller, query: PledgeQuery): Promise<{ views: PledgeView[]; total: number }> {
    const qb = withinReach(this.selectViews(), caller, { regionId: query.regionId });
    if (query.eventId) qb.andWhere('p.event_id = :eventId', { eventId: query.eventId });
    if (query.agencyId) qb.andWhere('p.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.personId) qb.andWhere('p.person_id = :personId', { personId: query.personId });
    const [rows, total] = await qb.orderBy('p.signed_at', 'DESC').addOrderBy('p.id').take(query.limit).skip(query.offset).getManyAndCount();
    const timezones = await this.timezones(this.dataSource.manager, [...new Set(rows.map((row) => row.regionId))]);
    return { views: rows.map((row) => toView(row, timezones)), total };
  }

  /** The region within reach, or 404. */
  async findRegionInReach(caller: Caller, regionId: string): Promise<Region> {
    return oneInReach(this.dataSource.manager.createQueryBuilder(Region, 't'), caller, regionId);
  }

  /** Every template's text, by id: the chain walk recomputes each text hash once, from the words. */
  async findTemplateTexts(manager: EntityManager): Promise<PledgeTemplate[]> {
    return manager.find(PledgeTemplate);
  }

  /** The links of a region's chain after place `afterSeq`, in order, CHAIN_BATCH at most (a keyset read on the unique index). */
  async findChainLinks(manager: EntityManager, regionId: string, afterSeq: number): Promise<ChainLink[]> {
    const rows = (await manager.query(
      `SELECT id, region_id, chain_seq, event_id, template_id, person_id, agency_id, capacity, check_in_id, signature_name,
              signature_image_sha256, signed_at, verification_code, hash, prev_hash
         FROM pledges WHERE region_id = $1 AND chain_seq > $2 ORDER BY chain_seq LIMIT $3`,
      [regionId, afterSeq, CHAIN_BATCH],
    )) as ChainLinkRow[];
    return rows.map(toChainLink);
  }

  async timezones(manager: EntityManager, regionIds: readonly string[]): Promise<Map<string, IndonesianTimezone>> {
    if (regionIds.length === 0) return new Map();
    const rows = (await manager.query('SELECT id, timezone FROM regions WHERE id = ANY($1::uuid[])', [regionIds])) as Array<{ id: string; timezone: IndonesianTimezone }>;
    return new Map(rows.map((row) => [row.id, row.timezone]));
  }
}

export interface ChainLinkRow {
  id: string;
  region_id: string;
  chain_seq: number;
  event_id: string | null;
  template_id: string;
  person_id: string;
  agency_id: string;
  capacity: string;
  check_in_id: string | null;
  signature_name: string;
  signature_image_sha256: string | null;
  signed_at: Date;
  verification_code: string;
  hash: string;
  prev_hash: string;
}

export function toChainLink(row: ChainLinkRow): ChainLink {
  return {
    id: row.id,
    regionId: row.region_id,
    chainSeq: row.chain_seq,
    eventId: row.event_id,
    templateId: row.template_id,
    personId: row.person_id,
    agencyId: row.agency_id,
    capacity: row.capacity,
    checkInId: row.check_in_id,
    signatureName: row.signature_name,
    signatureImageSha256: row.signature_image_sha256,
    signedAt: row.signed_at,
    verificationCode: row.verification_code,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}

function toView(pledge: Pledge, timezones: ReadonlyMap<string, IndonesianTimezone>): PledgeView {
  const person = pledge.person!;
  const timezone = timezones.get(pledge.regionId);
  if (!timezone) throw new NotFoundError('Region', pledge.regionId);
  return { pledge, signer: { fullName: person.fullName, nip: person.nip, position: person.position }, agencyName: pledge.agency!.name, timezone };
}
