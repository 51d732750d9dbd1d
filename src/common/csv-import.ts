import type { Readable } from 'node:stream';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import { TargetRegionId } from './pagination.js';
import { type CsvColumns, type CsvRow, readCsv } from './csv.js';
import { DomainError } from './errors.js';

/**
 * The engine behind `POST /agencies/import` and `POST /people/import` (DESIGN §4): the CSV is
 * read as it arrives, each record is checked on its own, valid rows are written in batches with
 * set-based SQL, and the whole request runs in one transaction:
 * - rows with errors are reported with their line and skipped, the others are imported;
 * - `atomic=true`: any bad row rolls everything back (400, nothing written);
 * - `dryRun=true`: the import runs exactly as it would, then rolls back, so the counts and
 *   errors are those a real run would give;
 * - an unexpected failure (a lost connection, a bug) rolls the whole request back.
 * Memory stays flat: at most one batch of rows is held, and the keys seen so far live in a
 * temporary table.
 */

const BATCH_SIZE = 500;
/** Errors listed in the answer: a column in the wrong format would otherwise answer one per line of the file. */
const MAX_LISTED_ERRORS = 1000;

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

export class ImportQuery {
  @TargetRegionId('The region whose list is imported')
  regionId?: string;

  @ApiPropertyOptional({ default: false, description: 'Validate and count only; nothing is written' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun: boolean = false;

  @ApiPropertyOptional({ default: false, description: 'Import every row or none: any bad row refuses the whole file' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'atomic must be true or false' })
  atomic: boolean = false;
}

export class ImportRowError {
  @ApiProperty({ type: 'integer', example: 7, description: 'The line of the file the record starts on; the header is line 1' })
  line: number;

  @ApiPropertyOptional({ example: 'nip' })
  field?: string;

  @ApiProperty({ example: 'NIP is required for PNS employees' })
  message: string;
}

/** The answer of an import (and of a dry run): rows created and updated, rows skipped and why. */
export class ImportResult {
  @ApiProperty({ type: 'integer' }) created: number;
  @ApiProperty({ type: 'integer' }) updated: number;
  @ApiProperty({ type: [ImportRowError], description: 'In line order; at most 1000 are listed' }) errors: ImportRowError[];
}

/** The 400 of an import route, for the OpenAPI document. */
export const IMPORT_BAD_REQUEST =
  'An invalid query, a file that cannot be read as CSV or whose header does not fit (csv-format, with the `line`), ' +
  'or an atomic import with bad rows (import-refused: nothing was written; `errors` lists the rows as in a 200 answer)';

/** A row that passed the checks that need no database. */
export interface ImportRow {
  line: number;
}

export interface ImportPlan<F extends string, R extends ImportRow> {
  columns: CsvColumns<F>;
  /**
   * Imports of one kind into one region run one at a time (an advisory lock on this key): two at
   * once would wait on each other's rows, and could both insert the same person without a NIP.
   */
  lockKey: string;
  /** Checks one record on its own: the row to write, or what is wrong with it. */
  parse(row: CsvRow<F>): R | ImportRowError[];
  /** Writes one batch in the import's transaction; rows it refuses (an unknown agency) come back as errors. */
  writeBatch(manager: EntityManager, rows: R[], keys: FileKeys): Promise<ImportResult>;
  /** Runs before a real import commits: the audit entry. */
  beforeCommit(manager: EntityManager, summary: ImportSummary): Promise<void>;
}

/** What an import did, for its audit entry. */
export interface ImportSummary {
  created: number;
  updated: number;
  /** Rows skipped for errors (a row may have several). */
  rejected: number;
  atomic: boolean;
}

/** `atomic=true` and some rows are bad: nothing was imported. */
export class ImportRefusedError extends DomainError {
  readonly status = 400;
  readonly type = 'import-refused';
  readonly title = 'Bad Request';
  readonly extra: ImportResult;

  constructor(rejected: number, errors: ImportRowError[]) {
    super(`Nothing was imported: ${rejected === 1 ? 'a row has errors' : `${rejected} rows have errors`} and the import is atomic`);
    this.extra = { created: 0, updated: 0, errors };
  }
}

export async function runImport<F extends string, R extends ImportRow>(
  dataSource: DataSource,
  input: Readable,
  options: Pick<ImportQuery, 'dryRun' | 'atomic'>,
  plan: ImportPlan<F, R>,
): Promise<ImportResult> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [plan.lockKey]);
    const { result, rejected } = await importRows(runner.manager, input, plan);
    const refused = options.atomic && rejected > 0;
    if (options.dryRun || refused) {
      await runner.rollbackTransaction();
    } else {
      await plan.beforeCommit(runner.manager, { created: result.created, updated: result.updated, rejected, atomic: options.atomic });
      await runner.commitTransaction();
    }
    if (refused) throw new ImportRefusedError(rejected, result.errors);
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

async function importRows<F extends string, R extends ImportRow>(
  manager: EntityManager,
  input: Readable,
  plan: ImportPlan<F, R>,
): Promise<{ result: ImportResult; rejected: number }> {
  const keys = await FileKeys.create(manager);
  const result: ImportResult = { created: 0, updated: 0, errors: [] };
  let rejected = 0;
  let unlisted = 0;
  // Each call reports whole rows: a row's errors never come in two calls.
  const report = (errors: ImportRowError[]) => {
    rejected += new Set(errors.map((error) => error.line)).size;
    const room = Math.max(0, MAX_LISTED_ERRORS - result.errors.length);
    result.errors.push(...errors.slice(0, room));
    unlisted += errors.length - Math.min(room, errors.length);
  };
  let batch: R[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const written = await plan.writeBatch(manager, batch, keys);
    result.created += written.created;
    result.updated += written.updated;
    report(written.errors);
    batch = [];
  };

  for await (const record of readCsv(input, plan.columns)) {
    const row = plan.parse(record);
    if (Array.isArray(row)) {
      report(row);
    } else {
      batch.push(row);
      if (batch.length >= BATCH_SIZE) await flush();
    }
  }
  await flush();

  result.errors.sort((a, b) => a.line - b.line);
  if (unlisted > 0) {
    result.errors.push({ line: result.errors[result.errors.length - 1].line, message: `${unlisted} more errors are not listed; fix the rows above and import again` });
  }
  return { result, rejected };
}

/**
 * The keys (agency name, NIP) of the rows written so far, so that a key repeated further down
 * the file is reported instead of silently overwriting the earlier row. A temporary table, not
 * a Set, keeps memory flat however long the file; it disappears with the transaction.
 */
export class FileKeys {
  private constructor(private readonly manager: EntityManager) {}

  static async create(manager: EntityManager): Promise<FileKeys> {
    await manager.query('CREATE TEMPORARY TABLE import_file_keys (key text PRIMARY KEY, line integer NOT NULL) ON COMMIT DROP');
    return new FileKeys(manager);
  }

  /** Claims each row's key; returns, for each row whose key is already taken, the line that took it. */
  async claim(rows: Array<{ line: number; key: string }>): Promise<Map<number, number>> {
    const earlier = new Map<number, number>();
    const firstInBatch = new Map<string, number>();
    for (const row of rows) {
      const first = firstInBatch.get(row.key);
      if (first === undefined) firstInBatch.set(row.key, row.line);
      else earlier.set(row.line, first);
    }
    if (firstInBatch.size === 0) return earlier;
    // The main query runs on the snapshot taken before the INSERT in the WITH clause, so it
    // sees exactly the keys of earlier batches: one round trip claims and checks.
    const taken = (await this.manager.query(
      `WITH claimed AS (
         INSERT INTO import_file_keys (key, line) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT (key) DO NOTHING
       )
       SELECT key, line FROM import_file_keys WHERE key = ANY($1::text[])`,
      [[...firstInBatch.keys()], [...firstInBatch.values()]],
    )) as Array<{ key: string; line: number }>;
    for (const { key, line } of taken) earlier.set(firstInBatch.get(key)!, line);
    return earlier;
  }
}

/** Keeps the rows in which `problemOf` finds nothing wrong, and adds the others' problems to `errors`. */
export function keepValid<R>(rows: R[], errors: ImportRowError[], problemOf: (row: R) => ImportRowError | undefined): R[] {
  return rows.filter((row) => {
    const problem = problemOf(row);
    if (problem) errors.push(problem);
    return !problem;
  });
}

/** `''` → undefined, so that an empty cell reads as an absent value. */
export function cell(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
