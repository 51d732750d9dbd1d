import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery, SearchText } from '../../common/pagination.js';
import { IsText, Trim } from '../../common/validation.js';
import type { PledgeTemplate } from '../pledge-template.entity.js';

export class CreatePledgeTemplateDto {
  @ApiProperty({ example: 'Pakta Integritas Netralitas ASN', description: 'A title already used makes the next version of that template' })
  @Trim()
  @IsText(3, 300)
  title: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 30, description: 'The clauses in order, as they are signed (each 5 to 2,000 characters)' })
  @IsArray({ message: 'clauses must be a list of texts' })
  @ArrayMinSize(1, { message: 'clauses must have at least one clause' })
  @ArrayMaxSize(30, { message: 'clauses must have at most 30 clauses' })
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((clause) => (typeof clause === 'string' ? clause.trim() : clause)) : value))
  @IsString({ each: true, message: 'each clause must be a text' })
  @MinLength(5, { each: true, message: 'each clause must have at least 5 characters' })
  @MaxLength(2000, { each: true, message: 'each clause must have at most 2000 characters' })
  clauses: string[];

  @ApiProperty({ example: 'SKB MenPAN-RB, Mendagri, BKN, KASN dan Bawaslu Tahun 2022' })
  @Trim()
  @IsText(3, 500)
  legalBasis: string;

  @ApiPropertyOptional({ default: true, description: 'Offered for signing. A new active version retires the older versions of the same title.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class PledgeTemplateQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only active (true) or retired (false) versions' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @SearchText('Matches the title')
  q?: string;
}

export class PledgeTemplateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer', description: '1 for a new title, then 2, 3… for each change' }) version: number;
  @ApiProperty({ type: [String] }) clauses: string[];
  @ApiProperty() legalBasis: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical text (title, version, clauses, legal basis); every pledge’s hash includes it' }) textHash: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toPledgeTemplateResponse(template: PledgeTemplate): PledgeTemplateResponse {
  return {
    id: template.id,
    title: template.title,
    version: template.version,
    clauses: template.clauses,
    legalBasis: template.legalBasis,
    active: template.active,
    textHash: template.textHash,
    createdAt: template.createdAt.toISOString(),
  };
}
