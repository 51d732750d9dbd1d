import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { RegionPageQuery, SearchText, TargetRegionId } from '../../common/pagination.js';
import { IsOmittable, Trim, TrimToNull } from '../../common/validation.js';
import { AGENCY_CATEGORIES, type Agency, type AgencyCategory } from '../agency.entity.js';


const CATEGORY_MESSAGE = `category must be one of ${AGENCY_CATEGORIES.join(', ')}`;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'headcountAsOf must be a date written yyyy-mm-dd';
/** Larger than any agency; keeps sums of a national report inside a 32-bit integer per agency. */
const MAX_HEADCOUNT = 1_000_000;

export class HeadcountDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_HEADCOUNT, example: 120 })
  @IsInt({ message: 'pns must be a whole number' })
  @Min(0, { message: 'pns must not be negative' })
  @Max(MAX_HEADCOUNT)
  pns: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_HEADCOUNT, example: 15 })
  @IsInt({ message: 'pppk must be a whole number' })
  @Min(0, { message: 'pppk must not be negative' })
  @Max(MAX_HEADCOUNT)
  pppk: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_HEADCOUNT, example: 40 })
  @IsInt({ message: 'nonAsn must be a whole number' })
  @Min(0, { message: 'nonAsn must not be negative' })
  @Max(MAX_HEADCOUNT)
  nonAsn: number;
}

export class CreateAgencyDto {
  @TargetRegionId()
  regionId?: string;

  @ApiProperty({ example: 'Dinas Pendidikan' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Disdik' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(50)
  shortName?: string | null;

  @ApiProperty({ enum: AGENCY_CATEGORIES, enumName: 'AgencyCategory' })
  @IsIn(AGENCY_CATEGORIES, { message: CATEGORY_MESSAGE })
  category: AgencyCategory;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Kepala Dinas' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(100)
  headTitle?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'An agency of the same region' })
  @IsOptional()
  @IsUUID('all', { message: 'parentAgencyId must be a UUID' })
  parentAgencyId?: string | null;

  @ApiPropertyOptional({ type: HeadcountDto, description: 'Defaults to zeros' })
  @IsOptional()
  @IsObject({ message: 'headcount must be an object { pns, pppk, nonAsn }' })
  @ValidateNested()
  @Type(() => HeadcountDto)
  headcount?: HeadcountDto;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2024-06-30' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: 'headcountAsOf must be a real date' })
  headcountAsOf?: string | null;
}

/** Every field may change but the region; `null` clears an optional one. */
export class UpdateAgencyDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(50)
  shortName?: string | null;

  @ApiPropertyOptional({ enum: AGENCY_CATEGORIES, enumName: 'AgencyCategory' })
  @IsOmittable()
  @IsIn(AGENCY_CATEGORIES, { message: CATEGORY_MESSAGE })
  category?: AgencyCategory;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(100)
  headTitle?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID('all', { message: 'parentAgencyId must be a UUID' })
  parentAgencyId?: string | null;

  @ApiPropertyOptional({ type: HeadcountDto, description: 'Replaces all three figures' })
  @IsOmittable()
  @IsObject({ message: 'headcount must be an object { pns, pppk, nonAsn }' })
  @ValidateNested()
  @Type(() => HeadcountDto)
  headcount?: HeadcountDto;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: 'headcountAsOf must be a real date' })
  headcountAsOf?: string | null;
}

export class AgencyQuery extends RegionPageQuery {
  @ApiPropertyOptional({ enum: AGENCY_CATEGORIES, enumName: 'AgencyCategory' })
  @IsOptional()
  @IsIn(AGENCY_CATEGORIES, { message: CATEGORY_MESSAGE })
  category?: AgencyCategory;

  @SearchText('Matches name or short name, case-insensitively')
  q?: string;
}

export class HeadcountResponse {
  @ApiProperty({ type: 'integer' }) pns: number;
  @ApiProperty({ type: 'integer' }) pppk: number;
  @ApiProperty({ type: 'integer' }) nonAsn: number;
}

export class AgencyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) shortName: string | null;
  @ApiProperty({ enum: AGENCY_CATEGORIES, enumName: 'AgencyCategory' }) category: AgencyCategory;
  @ApiProperty({ nullable: true, type: String }) headTitle: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) parentAgencyId: string | null;
  @ApiProperty({ type: HeadcountResponse }) headcount: HeadcountResponse;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) headcountAsOf: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function toAgencyResponse(agency: Agency): AgencyResponse {
  return {
    id: agency.id,
    regionId: agency.regionId,
    name: agency.name,
    shortName: agency.shortName,
    category: agency.category,
    headTitle: agency.headTitle,
    parentAgencyId: agency.parentAgencyId,
    headcount: { pns: agency.headcount.pns, pppk: agency.headcount.pppk, nonAsn: agency.headcount.nonAsn },
    headcountAsOf: agency.headcountAsOf,
    createdAt: agency.createdAt.toISOString(),
    updatedAt: agency.updatedAt.toISOString(),
  };
}
