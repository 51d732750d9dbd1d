import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { Caller } from './caller.js';
import { type CsvColumns, type CsvRow, readCsv } from './csv.js';
import { CSV_ENCODINGS, type CsvEncoding } from './csv-encoding.js';
import { DomainError, TooManyRequestsError } from './errors.js';
import { TargetRegionId } from './pagination.js';
import type { CsvUploadBody, ReceivedCsv } from './uploads.js';

/**
 * The engine behind `POST /agencies/import` and `POST /people/import` (DESIGN §4), in three
 * steps, of which only the last holds a database connection:
 * 1. the file is received in full into a temporary file (uploads.ts);
 * 2. each record is checked on its own (checkRows), the good rows set aside in another file;
 * 3. those rows are written in batches with set-based SQL, in one transaction (writeRows):
 * - rows with errors are reported with their line and skipped, the others are imported;
 * - `atomic=true`: any bad row rolls everything back (400, nothing written);
 * - `dryRun=true`: the import runs exactly as it would, then rolls back, so the counts and
 *   errors are those a real run would give (the answer says `dryRun: true`);
 * - an unexpected failure (a lost connection, a bug) rolls the whole request back;
 * - every row written gets its own audit entry (`import-create` / `import-update`, with the
 *   fields written), one INSERT … SELECT per batch, plus one `import` entry with the counts.
 * Imports cannot crowd out the rest of the service: a bounded number run at once per process
 * (ImportSlots), and an import holds a database connection only for step 3, which does nothing
 * but database work. Memory stays flat: the file and its checked rows wait on disk, at most one
 * batch of rows is held, and the keys seen so far live in a temporary table.
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
  @ApiProperty({ description: 'true: a dry run; the counts are what the import would do, and nothing was written' }) dryRun: boolean;
  @ApiProperty({
    enum: CSV_ENCODINGS,
    description: 'How the file was read: UTF-8, UTF-16 (with a byte order mark), or Windows-1252 (bytes that are not UTF-8: Excel\'s plain "CSV")',
  })
  encoding: CsvEncoding;
}

/** The 400 of an import route, for the OpenAPI document. */
export const IMPORT_BAD_REQUEST =
  'An invalid query; a malformed multipart body (validation, naming `file` or `content-type`); a file that cannot be read ' +
  'as CSV, mixes encodings or whose header does not fit (csv-format, with the `line`); or an atomic import with bad rows ' +
  '(import-refused: nothing was written; `errors` lists the rows as in a 200 answer)';

/** A row that passed the checks that need no database. Plain data: it waits as JSON between the two passes. */
export interface ImportRow {
  line: number;
}

export interface ImportPlan<F extends string, R extends ImportRow> {
  /** Who imports: the actor of the audit entries, and whose share of the import slots it takes. */
  readonly caller: Caller;
  readonly regionId: string;
  /** The entity of the audit entries: `agency`, `person`. */
  readonly entity: string;
  columns: CsvColumns<F>;
  /**
   * Imports of one kind into one region run one at a time (an advisory lock on this key): two at
   * once would wait on each other's rows, and could both insert the same person without a NIP.
   */
  lockKey: string;
  /** Checks one record on its own: the row to write, or what is wrong with it. */
  parse(row: CsvRow<F>): R | ImportRowError[];
  /** Writes one batch in the import's transaction; rows it refuses (an unknown agency) come back as errors. */
  writeBatch(manager: EntityManager, rows: R[], keys: FileKeys): Promise<WrittenBatch>;
}

/** A row written by an import, for its audit entry. */
export interface WrittenRow {
  id: string;
  created: boolean;
  /** The fields the row wrote, named as in the API (an update: only the columns the file has). */
  changes: Record<string, unknown>;
}

export interface WrittenBatch {
  written: WrittenRow[];
  errors: ImportRowError[];
}

/** `atomic=true` and some rows are bad: nothing was imported. */
export class ImportRefusedError extends DomainError {
  readonly status = 400;
  readonly type = 'import-refused';
  readonly title = 'Bad Request';
  readonly extra: ImportResult;

  constructor(rejected: number, result: ImportResult) {
    super(`Nothing was imported: ${rejected === 1 ? 'a row has errors' : `${rejected} rows have errors`} and the import is atomic`);
    this.extra = { ...result, created: 0, updated: 0 };
  }
}

/** Imports admitted at once per process (receiving their file, waiting, or writing); beyond it, 503. */
export const MAX_IMPORTS = 8;
/** Imports one user may have admitted at once; beyond it, 429. A user alone cannot take every slot. */
export const MAX_IMPORTS_PER_USER = 2;
/**
 * Imports writing to the database at once: each holds one pooled connection (of 20) for its
 * transaction, so check-in, login and the other tenants always keep most of the pool. Further
 * admitted imports wait, holding nothing but their temporary file.
 */
export const MAX_IMPORTS_WRITING = 4;
const IMPORT_RETRY_AFTER_SECONDS = 15;

/** Every import slot of the process is taken. */
export class ImportsBusyError extends DomainError {
  readonly status = 503;
  readonly type = 'imports-busy';
  readonly title = 'Service Unavailable';
  override readonly headers = { 'retry-after': String(IMPORT_RETRY_AFTER_SECONDS) };
}

interface ImportTicket {
  /** Resolves when one of the MAX_IMPORTS_WRITING slots is this import's. */
  startWriting(): Promise<void>;
  release(): void;
}

/** The process's import slots, counted in memory: they bound what this process spends on imports. */
export class ImportSlots {
  private admitted = 0;
  private readonly byUser = new Map<string, number>();
  private writing = 0;
  /** Admitted imports with their file on disk, first come first served. */
  private readonly waiting: Array<() => void> = [];

  /** Admits an import before a byte of it is read, or refuses it (429, 503) with Retry-After. */
  admit(userId: string): ImportTicket {
    const mine = this.byUser.get(userId) ?? 0;
    if (mine >= MAX_IMPORTS_PER_USER) {
      throw new TooManyRequestsError(`You already have ${mine} imports running; send this file when one of them has finished`, IMPORT_RETRY_AFTER_SECONDS);
    }
    if (this.admitted >= MAX_IMPORTS) throw new ImportsBusyError(`${MAX_IMPORTS} imports are running; send the file again in a moment`);
    this.admitted++;
    this.byUser.set(userId, mine + 1);
    let writing = false;
    let released = false;
    return {
      startWriting: async () => {
        if (this.writing < MAX_IMPORTS_WRITING) this.writing++;
        // release() hands its writing slot over directly.
        else await new Promise<void>((resolve) => this.waiting.push(resolve));
        writing = true;
      },
      release: () => {
        if (released) return;
        released = true;
        this.admitted--;
        const left = (this.byUser.get(userId) ?? 1) - 1;
        if (left > 0) this.byUser.set(userId, left);
        else this.byUser.delete(userId);
        if (writing) {
          const next = this.waiting.shift();
          if (next) next();
          else this.writing--;
        }
      },
    };
  }
}

const importSlots = new ImportSlots();

export async function runImport<F extends string, R extends ImportRow>(
  dataSource: DataSource,
  audit: AuditService,
  upload: CsvUploadBody,
  options: Pick<ImportQuery, 'dryRun' | 'atomic'>,
  plan: ImportPlan<F, R>,
): Promise<ImportResult> {
  const ticket = importSlots.admit(plan.caller.userId);
  try {
    const file = await upload.receive();
    try {
      const checked = await checkRows(file, plan);
      await ticket.startWriting();
      return await writeRows(dataSource, audit, file, checked, options, plan);
    } finally {
      await file.dispose();
    }
  } finally {
    ticket.release();
  }
}

/** The rows of a file that passed the checks needing no database, waiting in a file of their own. */
interface CheckedRows {
  /** One JSON row per line. */
  path: string;
  errors: RowErrors;
}

/**
 * First pass, without a database connection: reads the CSV, checks each record on its own and
 * writes the good rows to a file (JSON lines). All the CPU a file can cost (millions of rows,
 * ragged or blank lines) is spent here, holding nothing that others need.
 */
async function checkRows<F extends string, R extends ImportRow>(file: ReceivedCsv, plan: ImportPlan<F, R>): Promise<CheckedRows> {
  const path = file.scratchPath('rows.jsonl');
  const errors = new RowErrors();
  const out = createWriteStream(path);
  try {
    for await (const record of readCsv(file.text(), plan.columns)) {
      const unreadable = unreadableCells(record);
      const row = unreadable.length > 0 ? unreadable : plan.parse(record);
      if (Array.isArray(row)) errors.report(row);
      else if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  } finally {
    out.destroy();
    // The folder is removed right after a refused header: the file must be closed by then, or
    // its late creation leaves the folder not empty (ENOTEMPTY) and masks the 400 with a 500.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
  }
  return { path, errors };
}

/**
 * Second pass, in one transaction on one pooled connection: the checked rows in batches, their
 * audit entries, and the import's own entry. Nothing but database work happens in between, so
 * the connection is held only as long as the writing takes.
 */
async function writeRows<F extends string, R extends ImportRow>(
  dataSource: DataSource,
  audit: AuditService,
  file: ReceivedCsv,
  checked: CheckedRows,
  options: Pick<ImportQuery, 'dryRun' | 'atomic'>,
  plan: ImportPlan<F, R>,
): Promise<ImportResult> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const manager = runner.manager;
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [plan.lockKey]);
    const keys = await FileKeys.create(manager);
    const { errors } = checked;
    errors.nextPass();
    let created = 0;
    let updated = 0;
    for await (const batch of batchesOf<R>(checked.path)) {
      const { written, errors: refused } = await plan.writeBatch(manager, batch, keys);
      await audit.recordMany(
        manager,
        plan.caller,
        written.map((row) => ({ action: row.created ? 'import-create' : 'import-update', entity: plan.entity, entityId: row.id, regionId: plan.regionId, changes: row.changes })),
      );
      const inserted = written.filter((row) => row.created).length;
      created += inserted;
      updated += written.length - inserted;
      errors.report(refused);
    }
    const result: ImportResult = { created, updated, errors: errors.list(), dryRun: options.dryRun, encoding: file.encoding };
    const refused = options.atomic && errors.rejected > 0;
    if (options.dryRun || refused) {
      await runner.rollbackTransaction();
    } else {
      await audit.record(manager, plan.caller, {
        action: 'import',
        entity: plan.entity,
        entityId: null,
        regionId: plan.regionId,
        changes: { created, updated, rejected: errors.rejected, atomic: options.atomic, encoding: file.encoding, bytes: file.bytes },
      });
      await runner.commitTransaction();
    }
    if (refused) throw new ImportRefusedError(errors.rejected, result);
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

/** The checked rows, BATCH_SIZE at a time. */
async function* batchesOf<R>(path: string): AsyncGenerator<R[]> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let batch: R[] = [];
  for await (const line of lines) {
    batch.push(JSON.parse(line) as R);
    if (batch.length >= BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The rows skipped and why, over both passes. Each pass reports in line order, so keeping the
 * first MAX_LISTED_ERRORS of each pass keeps the first MAX_LISTED_ERRORS of the file.
 */
class RowErrors {
  /** Rows skipped (a row may have several errors). */
  rejected = 0;
  private total = 0;
  private readonly passes: ImportRowError[][] = [[]];

  /** Each call reports whole rows: a row's errors never come in two calls. */
  report(errors: ImportRowError[]): void {
    this.rejected += new Set(errors.map((error) => error.line)).size;
    this.total += errors.length;
    const kept = this.passes[this.passes.length - 1];
    kept.push(...errors.slice(0, Math.max(0, MAX_LISTED_ERRORS - kept.length)));
  }

  nextPass(): void {
    this.passes.push([]);
  }

  /** In line order, at most MAX_LISTED_ERRORS, then a line saying how many more there are. */
  list(): ImportRowError[] {
    const listed = this.passes
      .flat()
      .sort((a, b) => a.line - b.line)
      .slice(0, MAX_LISTED_ERRORS);
    const unlisted = this.total - listed.length;
    if (unlisted > 0) listed.push({ line: listed[listed.length - 1].line, message: `${unlisted} more errors are not listed; fix the rows above and import again` });
    return listed;
  }
}

/**
 * Characters no field may hold: a NUL (PostgreSQL text cannot store it; a binary file or UTF-16
 * without a byte order mark), and U+FFFD, the mark of a character already lost to a wrong
 * encoding (or a byte Windows-1252 does not define). Storing either would keep a mangled name.
 */
function unreadableCells<F extends string>({ line, record }: CsvRow<F>): ImportRowError[] {
  return Object.entries<string | undefined>(record).flatMap(([field, value]): ImportRowError[] => {
    if (value?.includes('\u0000')) return [{ line, field, message: `${field} contains a NUL character, which cannot be stored` }];
    if (value?.includes('\uFFFD')) {
      return [{ line, field, message: `${field} contains "\uFFFD", the mark of a character lost to a wrong encoding: correct the value, or save the file as "CSV UTF-8"` }];
    }
    return [];
  });
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
