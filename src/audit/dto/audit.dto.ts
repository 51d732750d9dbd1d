import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { INSTANT_EXAMPLE, IsInstantOrDate } from '../../common/instants.js';
import { PageQuery } from '../../common/pagination.js';
import type { AuditEntry } from '../audit-entry.entity.js';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'event' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entity?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  entityId?: string;

  @ApiPropertyOptional({ example: INSTANT_EXAMPLE, description: 'Entries from this instant on: a date-time with its UTC offset, or a date (00:00 UTC)' })
  @IsOptional()
  @IsInstantOrDate()
  from?: string;

  @ApiPropertyOptional({ example: '2024-10-30T00:00:00+07:00', description: 'Entries before this instant: a date-time with its UTC offset, or a date (00:00 UTC)' })
  @IsOptional()
  @IsInstantOrDate()
  to?: string;
}

export class AuditEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The user who acted; null for the system' }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'email' }) actorEmail: string | null;
  @ApiProperty({ example: 'update' }) action: string;
  @ApiProperty({ example: 'event' }) entity: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Null for an action on many records (an import)' }) entityId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The tenant the change belongs to; null for national records' }) regionId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed; secrets are never recorded' }) changes: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, description: 'The x-request-id of the write' }) requestId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toAuditEntryResponse(entry: AuditEntry): AuditEntryResponse {
  return {
    id: entry.id,
    actorId: entry.actorId,
    actorEmail: entry.actorEmail,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    regionId: entry.regionId,
    changes: entry.changes,
    requestId: entry.requestId,
    createdAt: entry.createdAt.toISOString(),
  };
}
