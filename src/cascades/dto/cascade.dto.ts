import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { HeadcountDto } from '../../agencies/dto/agency.dto.js';
import { IsCalendarDate } from '../../common/instants.js';
import { TrimToNull } from '../../common/validation.js';
import type { StoredFile } from '../../files/stored-file.entity.js';
import type { Cascade } from '../cascade.entity.js';

/** `POST /agencies/:id/cascades` (DESIGN §4). */
export class CreateCascadeDto {
  @ApiProperty({ format: 'date', example: '2024-11-04', description: 'The day the agency relayed the material; not in the future' })
  @IsCalendarDate()
  heldOn: string;

  @ApiProperty({ type: HeadcountDto, description: "Staff reached by employment type; each at most the agency's headcount of that type" })
  @IsObject({ message: 'reached must be an object { pns, pppk, nonAsn }' })
  @ValidateNested()
  @Type(() => HeadcountDto)
  reached: HeadcountDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'The event whose material was relayed (an event of the agency’s region)' })
  @IsOptional()
  @IsUUID('all', { message: 'sourceEventId must be a UUID' })
  sourceEventId?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000, example: 'Apel pagi, disampaikan oleh Sekretaris Dinas' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(1000)
  notes?: string | null;
}

export class CascadeEvidenceResponse {
  @ApiProperty({ enum: ['application/pdf', 'image/png', 'image/jpeg'] }) mediaType: string;
  @ApiProperty({ type: 'integer' }) byteSize: number;
  @ApiProperty({ description: 'Hex SHA-256 of the bytes' }) sha256: string;
  @ApiProperty({ nullable: true, type: String }) originalName: string | null;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

export class ReachedResponse {
  @ApiProperty() pns: number;
  @ApiProperty() pppk: number;
  @ApiProperty() nonAsn: number;
}

export class CascadeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty({ type: ReachedResponse }) reached: ReachedResponse;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) sourceEventId: string | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ nullable: true, type: CascadeEvidenceResponse, description: 'The photo or internal attendance list, once uploaded' })
  evidence: CascadeEvidenceResponse | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The user who recorded it' }) recordedBy: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toCascadeEvidenceResponse(file: StoredFile): CascadeEvidenceResponse {
  return { mediaType: file.mediaType, byteSize: file.byteSize, sha256: file.sha256, originalName: file.originalName, uploadedAt: file.createdAt.toISOString() };
}

export function toCascadeResponse(cascade: Cascade): CascadeResponse {
  return {
    id: cascade.id,
    regionId: cascade.regionId,
    agencyId: cascade.agencyId,
    heldOn: cascade.heldOn,
    reached: { pns: cascade.reached.pns, pppk: cascade.reached.pppk, nonAsn: cascade.reached.nonAsn },
    sourceEventId: cascade.sourceEventId,
    notes: cascade.notes,
    evidence: cascade.evidenceFile ? toCascadeEvidenceResponse(cascade.evidenceFile) : null,
    recordedBy: cascade.recordedBy,
    createdAt: cascade.createdAt.toISOString(),
  };
}
