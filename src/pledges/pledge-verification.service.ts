import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../common/caller.js';
import { normalizeCode } from '../common/codes.js';
import { NotFoundError } from '../common/errors.js';
import { toLocalIso } from '../documents/indonesian-time.js';
import type { IndonesianTimezone } from '../regions/region.entity.js';
import type { ChainVerificationResponse } from './dto/pledge.dto.js';
import { maskNip, type VerificationResponse } from './dto/verification.dto.js';
import { ChainVerifier, pledgeHash, templateTextHash } from './pledge-hash.js';
import { CHAIN_BATCH, type ChainLinkRow, PledgesRepository, toChainLink } from './pledges.repository.js';

/**
 * Tamper evidence read back (DESIGN §3.4): one pledge by its verification code (public), and a
 * region's whole chain. Both recompute hashes with pledge-hash.ts from the stored rows and the
 * template's words, so a row altered behind the API's back — the trigger disabled — shows.
 */
@Injectable()
export class PledgeVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PledgesRepository,
  ) {}

  /** `GET /verify/:code`: the pledge as anyone may see it, with whether its own hash holds. 404 for an unknown code. */
  async verify(code: string): Promise<VerificationResponse> {
    const normalized = normalizeCode(code);
    if (!normalized) throw new NotFoundError('Pledge');
    const [row] = (await this.dataSource.query(
      `SELECT p.id, p.region_id, p.chain_seq, p.event_id, p.template_id, p.person_id, p.agency_id, p.capacity, p.check_in_id, p.signature_name,
              p.signature_image_sha256, p.signed_at, p.verification_code, p.hash, p.prev_hash,
              t.title AS template_title, t.version AS template_version, t.clauses AS template_clauses, t.legal_basis AS template_legal_basis,
              person.full_name, person.nip, a.name AS agency_name, r.name AS region_name, r.timezone, e.title AS event_title, e.starts_at AS event_starts_at
         FROM pledges p
         JOIN pledge_templates t ON t.id = p.template_id
         JOIN people person ON person.region_id = p.region_id AND person.id = p.person_id
         JOIN agencies a ON a.region_id = p.region_id AND a.id = p.agency_id
         JOIN regions r ON r.id = p.region_id
         LEFT JOIN events e ON e.region_id = p.region_id AND e.id = p.event_id
        WHERE p.verification_code = $1`,
      [normalized],
    )) as Array<
      ChainLinkRow & {
        template_title: string;
        template_version: number;
        template_clauses: string[];
        template_legal_basis: string;
        full_name: string;
        nip: string | null;
        agency_name: string;
        region_name: string;
        timezone: IndonesianTimezone;
        event_title: string | null;
        event_starts_at: Date | null;
      }
    >;
    if (!row) throw new NotFoundError('Pledge');
    const template = { title: row.template_title, version: row.template_version, clauses: row.template_clauses, legalBasis: row.template_legal_basis };
    const link = toChainLink(row);
    return {
      verificationCode: row.verification_code,
      valid: pledgeHash(link.prevHash, link, templateTextHash(template)) === link.hash,
      signedAt: row.signed_at.toISOString(),
      signedAtLocal: toLocalIso(row.signed_at, row.timezone),
      timezone: row.timezone,
      regionName: row.region_name,
      capacity: link.capacity as VerificationResponse['capacity'],
      agencyName: row.agency_name,
      signer: { fullName: row.full_name, nipMasked: maskNip(row.nip) },
      event: row.event_title && row.event_starts_at ? { title: row.event_title, startsAtLocal: toLocalIso(row.event_starts_at, row.timezone) } : null,
      template,
      hash: row.hash,
    };
  }

  /**
   * `GET /regions/:id/pledge-chain/verify`: walks the region's chain in batches (keyset reads on
   * the unique (region_id, chain_seq)), in one REPEATABLE READ snapshot so pledges signed during
   * the walk neither appear half-way nor move the count. Memory holds one batch and the
   * templates' hashes, whatever the chain's length.
   */
  async verifyChain(caller: Caller, regionId: string): Promise<ChainVerificationResponse> {
    const region = await this.repository.findRegionInReach(caller, regionId);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      const textHashes = new Map((await this.repository.findTemplateTexts(runner.manager)).map((template) => [template.id, templateTextHash(template)]));
      const verifier = new ChainVerifier((templateId) => textHashes.get(templateId));
      let afterSeq = 0;
      for (;;) {
        const links = await this.repository.findChainLinks(runner.manager, region.id, afterSeq);
        for (const link of links) verifier.add(link);
        if (links.length < CHAIN_BATCH) break;
        afterSeq = links[links.length - 1].chainSeq;
      }
      await runner.commitTransaction();
      return verifier.valid ? { valid: true, count: verifier.count } : { valid: false, count: verifier.count, firstBrokenId: verifier.firstBrokenId! };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
