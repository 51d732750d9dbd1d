import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../common/caller.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../common/errors.js';
import { findInReach } from '../common/scope.js';
import { Election } from '../elections/election.entity.js';
import { OfficeService } from '../regions/office.service.js';
import { Region } from '../regions/region.entity.js';
import { type CoverageFile, coverageCsv, coverageFilename, coverageXlsx } from './coverage-files.js';
import { renderCoveragePdf } from './coverage-pdf.js';
import { toAgencyCoverage, toGaps, toTotals } from './coverage-math.js';
import { REGION_REPORT_SQL, type ReportRow, ROLLUP_SQL, type RollupRow } from './coverage.sql.js';
import type { CoveragePeriod, CoverageQuery, CoverageRegion, CoverageReport, CoverageRollup, RollupQuery } from './dto/coverage-report.dto.js';
import { ReportsDatabase } from './reports-database.js';

/** The filters every coverage figure shares. */
interface CoverageFilter {
  from?: string;
  to?: string;
  electionId?: string;
}

/**
 * Coverage (DESIGN §5): what the mayor's office reads. Each report is one set-based statement
 * (coverage.sql.ts) read from the reports database (the replica when configured).
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly database: ReportsDatabase,
    private readonly offices: OfficeService,
  ) {}

  /**
   * The coverage report of one region (`GET /reports/coverage`), the object every format renders.
   * An AGENCY_REP gets its own agency's row only, in its agency's region.
   */
  async coverage(caller: Caller, query: CoverageQuery): Promise<CoverageReport> {
    const dataSource = await this.database.dataSource();
    const manager = dataSource.manager;
    const regionId = this.reportRegionId(caller, query.regionId);
    const region = await findInReach(manager, caller, Region, regionId);
    const period = await this.period(manager, query);
    const agencyId = caller.role === 'AGENCY_REP' ? caller.agencyId : null;
    const rows = await manager.query<ReportRow[]>(REGION_REPORT_SQL, [[region.id], query.from ?? null, query.to ?? null, query.electionId ?? null, agencyId]);
    const agencies = rows.map(toAgencyCoverage);
    return { region: toCoverageRegion(region), period, totals: toTotals(rows[0]), agencies, gaps: toGaps(agencies) };
  }

  /** The report as a file (`format=csv|xlsx|pdf`). */
  async coverageFile(caller: Caller, query: CoverageQuery): Promise<CoverageFile> {
    const report = await this.coverage(caller, query);
    switch (query.format) {
      case 'csv':
        return coverageCsv(report);
      case 'xlsx':
        return coverageXlsx(report);
      case 'pdf':
        return this.coveragePdf(report);
      default:
        throw ValidationError.field('format', 'format must be csv, xlsx or pdf for a file');
    }
  }

  /**
   * The printable report: the region's letterhead and signatory (its office), dated today.
   * The date is the day the figures were read, which is what the signature vouches for.
   */
  private async coveragePdf(report: CoverageReport): Promise<CoverageFile> {
    const issuer = await this.offices.issuer(report.region.id);
    const body = await renderCoveragePdf(report, issuer, new Date());
    return { contentType: 'application/pdf', filename: coverageFilename(report, 'pdf'), body };
  }

  /**
   * `GET /reports/coverage/regions`: the same totals per child region, the parent's own agencies,
   * and the parent as a whole (their sum, from the same statement).
   */
  async rollup(caller: Caller, query: RollupQuery): Promise<CoverageRollup> {
    // Whole regions' figures: an agency's contact reads its own agency's row only.
    if (caller.role === 'AGENCY_REP') throw new ForbiddenError('The AGENCY_REP role reads its own agency\'s figures only, not region totals');
    const dataSource = await this.database.dataSource();
    const manager = dataSource.manager;
    const parentId = query.parentId ?? caller.regionId;
    const parent = parentId ? await findInReach(manager, caller, Region, parentId) : null;
    const period = await this.period(manager, query);
    // The parent and every region under it (two levels: province, regency or city); no parent: all.
    const subtree = await manager
      .createQueryBuilder(Region, 'r')
      .leftJoin(Region, 'p', 'p.id = r.parentId')
      .where(parent ? '(r.id = :parentId OR r.parentId = :parentId OR p.parentId = :parentId)' : 'true', { parentId: parent?.id })
      .orderBy('r.code')
      .getMany();
    const rows = await manager.query<RollupRow[]>(ROLLUP_SQL, [
      subtree.map((region) => region.id),
      query.from ?? null,
      query.to ?? null,
      query.electionId ?? null,
      null,
      parent?.id ?? null,
    ]);
    const children = subtree.filter((region) => region.parentId === (parent?.id ?? null));
    const byBucket = new Map(rows.filter((row) => !row.is_total).map((row) => [row.bucket, row]));
    return {
      parent: parent ? toCoverageRegion(parent) : null,
      period,
      totals: toTotals(rows.find((row) => row.is_total)),
      ownAgencies: parent ? toTotals(byBucket.get(null)) : null,
      regions: children.map((child) => ({ region: toCoverageRegion(child), totals: toTotals(byBucket.get(child.id)) })),
    };
  }

  /** Omitted, the region is the caller's own (an AGENCY_REP's: its agency's); a province or the country must name one. */
  private reportRegionId(caller: Caller, requested: string | undefined): string {
    if (requested) return requested;
    const own = onlyRegionOf(caller);
    if (own) return own;
    throw ValidationError.field('regionId', 'regionId is required for a caller who covers more than one region');
  }

  private async period(manager: EntityManager, filter: CoverageFilter): Promise<CoveragePeriod> {
    if (filter.from && filter.to && filter.from > filter.to) throw ValidationError.field('to', 'to must not be before from');
    let election: CoveragePeriod['election'] = null;
    if (filter.electionId) {
      const found = await manager.findOneBy(Election, { id: filter.electionId });
      if (!found) throw new NotFoundError('Election', filter.electionId);
      election = { id: found.id, name: found.name, votingDate: found.votingDate };
    }
    return { from: filter.from ?? null, to: filter.to ?? null, election };
  }
}

/**
 * The one region whose report the caller reads, when there is only one: a regency's or city's
 * users and an AGENCY_REP (its agency's region). Null for a caller who reaches several: ADMIN (all)
 * and the users of a province with regions under it.
 */
export function onlyRegionOf(caller: Caller): string | null {
  if (caller.regionId && (caller.role === 'AGENCY_REP' || caller.regionIds?.length === 1)) return caller.regionId;
  return null;
}

export function toCoverageRegion(region: Region): CoverageRegion {
  return { id: region.id, code: region.code, name: region.name, level: region.level, parentId: region.parentId, timezone: region.timezone };
}
