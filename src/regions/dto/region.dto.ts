import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery, SearchText } from '../../common/pagination.js';
import { IsOmittable, Trim } from '../../common/validation.js';
import { INDONESIAN_TIMEZONES, type IndonesianTimezone, REGION_LEVELS, type Region, type RegionLevel } from '../region.entity.js';

const TIMEZONE_MESSAGE = `timezone must be one of ${INDONESIAN_TIMEZONES.join(', ')}`;

export class CreateRegionDto {
  @ApiProperty({ example: '35.79', description: 'Kemendagri code: `35` for a province, `35.79` for a regency or city' })
  @Trim()
  @Matches(/^\d{2}(\.\d{2})?$/, { message: 'code must be a Kemendagri code such as 35 (province) or 35.79 (regency/city)' })
  code: string;

  @ApiProperty({ example: 'Kota Batu' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: REGION_LEVELS, enumName: 'RegionLevel' })
  @IsIn(REGION_LEVELS, { message: `level must be one of ${REGION_LEVELS.join(', ')}` })
  level: RegionLevel;

  @ApiPropertyOptional({ format: 'uuid', description: 'The province; found from the code when omitted' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;

  @ApiProperty({ enum: INDONESIAN_TIMEZONES, enumName: 'Timezone', example: 'Asia/Jakarta' })
  @IsIn(INDONESIAN_TIMEZONES, { message: TIMEZONE_MESSAGE })
  timezone: IndonesianTimezone;
}

export class UpdateRegionDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: INDONESIAN_TIMEZONES, enumName: 'Timezone' })
  @IsOmittable()
  @IsIn(INDONESIAN_TIMEZONES, { message: TIMEZONE_MESSAGE })
  timezone?: IndonesianTimezone;
}

export class RegionQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ enum: REGION_LEVELS, enumName: 'RegionLevel' })
  @IsOptional()
  @IsIn(REGION_LEVELS)
  level?: RegionLevel;

  @SearchText('Matches name or code')
  q?: string;
}

export class RegionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '35.79' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REGION_LEVELS, enumName: 'RegionLevel' }) level: RegionLevel;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The province of a regency or city; null for a province' }) parentId: string | null;
  @ApiProperty({ enum: INDONESIAN_TIMEZONES, enumName: 'Timezone' }) timezone: IndonesianTimezone;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function toRegionResponse(region: Region): RegionResponse {
  return {
    id: region.id,
    code: region.code,
    name: region.name,
    level: region.level,
    parentId: region.parentId,
    timezone: region.timezone,
    createdAt: region.createdAt.toISOString(),
    updatedAt: region.updatedAt.toISOString(),
  };
}
