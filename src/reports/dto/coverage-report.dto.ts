import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../common/instants.js';
import { AGENCY_CATEGORIES, type AgencyCategory } from '../../agencies/agency.entity.js';
import { INDONESIAN_TIMEZONES, type IndonesianTimezone, REGION_LEVELS, type RegionLevel } from '../../regions/region.entity.js';

/**
 * The coverage report (DESIGN §5): for every agency of a region, over a period or an election,
 * who was invited, who came, who signed, how many of its staff were reached, and the gaps.
 * Every format (JSON, CSV, XLSX, PDF, the report page) renders this one object.
 */

export const COVERAGE_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

/** How far an agency got, in this order: never invited, invited but nobody came, came, signed. */
export const COVERAGE_STAGES = ['NOT_INVITED', 'NO_SHOW', 'ATTENDED', 'PLEDGED'] as const;
export type CoverageStage = (typeof COVERAGE_STAGES)[number];

export class CoverageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "The region; defaults to the caller's own regency or city (an AGENCY_REP: its agency's region)" })
  @IsOptional()
  @IsUUID('all', { message: 'regionId must be a UUID' })
  regionId?: string;

  @ApiPropertyOptional({ format: 'date', example: '2024-10-01', description: 'First day of the period (inclusive), in the region’s local time' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2024-11-30', description: 'Last day of the period (inclusive), in the region’s local time' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only events of this election (and the cascades and pledges that come from them)' })
  @IsOptional()
  @IsUUID('all', { message: 'electionId must be a UUID' })
  electionId?: string;

  @ApiPropertyOptional({ enum: COVERAGE_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(COVERAGE_FORMATS, { message: `format must be one of ${COVERAGE_FORMATS.join(', ')}` })
  format: CoverageFormat = 'json';
}

export class RollupQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "The parent region whose children are listed; defaults to the caller's own region (ADMIN without it: the provinces)",
  })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;

  @ApiPropertyOptional({ format: 'date', example: '2024-10-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2024-11-30' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'electionId must be a UUID' })
  electionId?: string;
}

export class ByEmploymentType {
  @ApiProperty({ type: Number, nullable: true }) pns: number | null;
  @ApiProperty({ type: Number, nullable: true }) pppk: number | null;
  @ApiProperty({ type: Number, nullable: true }) nonAsn: number | null;
}

export class HeadcountFigures {
  @ApiProperty() pns: number;
  @ApiProperty() pppk: number;
  @ApiProperty() nonAsn: number;
}

export class CoverageRegion {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '35.79' }) code: string;
  @ApiProperty({ example: 'Kota Batu' }) name: string;
  @ApiProperty({ enum: REGION_LEVELS, enumName: 'RegionLevel' }) level: RegionLevel;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The province of a regency or city; null for a province' }) parentId: string | null;
  @ApiProperty({ enum: INDONESIAN_TIMEZONES, enumName: 'IndonesianTimezone' }) timezone: IndonesianTimezone;
}

export class CoverageElection {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Pilkada Serentak 2024' }) name: string;
  @ApiProperty({ format: 'date' }) votingDate: string;
}

export class CoveragePeriod {
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Null: from the beginning' }) from: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Null: up to now' }) to: string | null;
  @ApiProperty({ type: CoverageElection, nullable: true }) election: CoverageElection | null;
}

export class StageCounts {
  @ApiProperty({ name: 'NOT_INVITED' }) NOT_INVITED: number;
  @ApiProperty({ name: 'NO_SHOW' }) NO_SHOW: number;
  @ApiProperty({ name: 'ATTENDED' }) ATTENDED: number;
  @ApiProperty({ name: 'PLEDGED' }) PLEDGED: number;
}

/** One agency's row (DESIGN §5). */
export class AgencyCoverage {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGENCY_CATEGORIES, enumName: 'AgencyCategory' }) category: AgencyCategory;
  @ApiProperty({ description: 'Events (not cancelled) it was invited to' }) invitedEvents: number;
  @ApiProperty({ description: 'Events whose invitation it confirmed' }) confirmedEvents: number;
  @ApiProperty({ description: 'Events where anyone of the agency was checked in' }) attendedEvents: number;
  @ApiProperty({ description: 'The invited head came in person at least once (not only delegates)' }) headAttended: boolean;
  @ApiProperty({ description: 'Distinct people of the agency checked in at any event' }) reachedDirect: number;
  @ApiProperty({ description: 'Distinct people of the agency with a pledge' }) pledged: number;
  @ApiProperty({ description: 'Sum of cascade `reached`, capped at the headcount of each employment type' }) reachedCascade: number;
  @ApiProperty({ description: 'pns + pppk + nonAsn' }) headcount: number;
  @ApiProperty({ type: HeadcountFigures }) headcountByType: HeadcountFigures;
  @ApiProperty({ type: Number, nullable: true, description: 'min(100, 100 × (reachedDirect + reachedCascade) / headcount), one decimal; null when headcount is 0' })
  coveragePct: number | null;
  @ApiProperty({ type: ByEmploymentType, description: 'The same per employment type (PNS and CPNS count as pns, EXTERNAL as nonAsn); null where that headcount is 0' })
  coveragePctByType: ByEmploymentType;
  @ApiProperty({ enum: COVERAGE_STAGES, enumName: 'CoverageStage' }) stage: CoverageStage;
}

/** Figures that add up over agencies and regions; percentages are recomputed from the sums, never averaged. */
export class CoverageTotals {
  @ApiProperty() agencies: number;
  @ApiProperty() headcount: number;
  @ApiProperty({ type: HeadcountFigures }) headcountByType: HeadcountFigures;
  @ApiProperty({ description: 'Σ reachedDirect' }) reachedDirect: number;
  @ApiProperty({ description: 'Σ reachedCascade' }) reachedCascade: number;
  @ApiProperty({ description: 'Σ min(headcount, reachedDirect + reachedCascade): the staff counted as covered' }) reached: number;
  @ApiProperty({ type: HeadcountFigures, description: 'The same per employment type' }) reachedByType: HeadcountFigures;
  @ApiProperty({ description: 'Σ pledged' }) pledged: number;
  @ApiProperty({ description: 'Agencies whose invited head came in person' }) headAttended: number;
  @ApiProperty({ type: Number, nullable: true, description: '100 × reached / headcount, one decimal; null when headcount is 0' }) coveragePct: number | null;
  @ApiProperty({ type: ByEmploymentType }) coveragePctByType: ByEmploymentType;
  @ApiProperty({ type: StageCounts, description: 'Agencies by stage' }) stages: StageCounts;
  @ApiProperty({ description: 'Agencies with no reach (the length of `gaps`)' }) gaps: number;
}

export class CoverageGap {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() name: string;
  @ApiProperty() headcount: number;
}

export class CoverageReport {
  @ApiProperty({ type: CoverageRegion }) region: CoverageRegion;
  @ApiProperty({ type: CoveragePeriod }) period: CoveragePeriod;
  @ApiProperty({ type: CoverageTotals }) totals: CoverageTotals;
  @ApiProperty({ type: [AgencyCoverage], description: 'Every agency of the region, by name' }) agencies: AgencyCoverage[];
  @ApiProperty({ type: [CoverageGap], description: 'Agencies with no reach (reachedDirect + reachedCascade = 0), largest headcount first' })
  gaps: CoverageGap[];
}

export class RegionCoverage {
  @ApiProperty({ type: CoverageRegion }) region: CoverageRegion;
  @ApiProperty({ type: CoverageTotals, description: 'Over every agency of the region and of the regions under it' }) totals: CoverageTotals;
}

export class CoverageRollup {
  @ApiProperty({ type: CoverageRegion, nullable: true, description: 'Null: the whole country (ADMIN without parentId)' }) parent: CoverageRegion | null;
  @ApiProperty({ type: CoveragePeriod }) period: CoveragePeriod;
  @ApiProperty({ type: CoverageTotals, description: 'The parent as a whole: ownAgencies plus every child region' }) totals: CoverageTotals;
  @ApiProperty({ type: CoverageTotals, nullable: true, description: "The parent's own agencies (a province's own offices and schools); null for the whole country" })
  ownAgencies: CoverageTotals | null;
  @ApiProperty({ type: [RegionCoverage], description: 'One entry per child region, by code' }) regions: RegionCoverage[];
}
