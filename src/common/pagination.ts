import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;
/** Far beyond any list here; keeps OFFSET within what PostgreSQL accepts. */
const MAX_OFFSET = 1_000_000_000;

/** `?limit=&offset=` for every list; extend it with the list's own filters. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 50;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset: number = 0;
}

/** The list envelope of DESIGN §4. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function page<E, T>(rows: E[], total: number, query: PageQuery, map: (row: E) => T): Page<T> {
  return { items: rows.map(map), total, limit: query.limit, offset: query.offset };
}

/** A list within one region (404 when out of reach); omitted, every region within reach. */
export class RegionPageQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'regionId must be a UUID' })
  regionId?: string;
}

/** The `q` of a list: free text, matched as the description says. */
export const SearchText = (description: string) =>
  applyDecorators(ApiPropertyOptional({ description, maxLength: 100 }), IsOptional(), IsString(), MaxLength(100));

/**
 * The `regionId` of a create or an import: optional for a caller bound to one regency or city,
 * whose own region it then means (see targetRegionId in scope.ts).
 */
export const TargetRegionId = (what = 'The region') =>
  applyDecorators(
    ApiPropertyOptional({ format: 'uuid', description: `${what}; defaults to the caller's own regency or city` }),
    IsOptional(),
    IsUUID('all', { message: 'regionId must be a UUID' }),
  );
