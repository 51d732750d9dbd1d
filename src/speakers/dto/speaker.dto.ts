import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { RegionPageQuery, SearchText, TargetRegionId } from '../../common/pagination.js';
import { IsOmittable, Trim } from '../../common/validation.js';
import type { Speaker } from '../speaker.entity.js';

export class CreateSpeakerDto {
  @TargetRegionId("The registry's region")
  regionId?: string;

  @ApiProperty({ example: 'Dr. H. Ahmad Fauzi, S.H., M.H.' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Ketua Bawaslu Kota Pasuruan' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Bawaslu Kota Pasuruan' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  organization?: string | null;
}

/** A speaker stays in the registry it was created in: no regionId here. */
export class UpdateSpeakerDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  organization?: string | null;
}

export class SpeakerQuery extends RegionPageQuery {
  @SearchText('Matches name, title or organization')
  q?: string;
}

export class SpeakerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) organization: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function toSpeakerResponse(speaker: Speaker): SpeakerResponse {
  return {
    id: speaker.id,
    regionId: speaker.regionId,
    fullName: speaker.fullName,
    title: speaker.title,
    organization: speaker.organization,
    createdAt: speaker.createdAt.toISOString(),
    updatedAt: speaker.updatedAt.toISOString(),
  };
}
