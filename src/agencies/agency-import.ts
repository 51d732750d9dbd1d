import type { EntityManager } from 'typeorm';
import type { Caller } from '../common/caller.js';
import { CsvFormatError, type CsvRow } from '../common/csv.js';
import { cell, type FileKeys, type ImportPlan, keepValid, type ImportRow, type ImportRowError, type WrittenBatch, type WrittenRow } from '../common/csv-import.js';
import { validateInput } from '../common/validation.js';
import { type AgencyCategory, type Headcount, NO_HEADCOUNT } from './agency.entity.js';
import { findParentCycles } from './agency-tree.js';
import { CreateAgencyDto } from './dto/agency.dto.js';

/**
 * `POST /agencies/import`: upserts a region's agency list by name (case-insensitive).
 *
 * Columns (header names case-insensitive): `name` and `category` are required; `shortName`,
 * `headTitle`, `pns`, `pppk`, `nonAsn` (the three together), `headcountAsOf` (yyyy-mm-dd or
 * dd/mm/yyyy) and `parentAgency` (the parent's name, on the list already or on an earlier line)
 * are optional. A column left out keeps an existing agency's value (a new one gets none, or 0);
 * an empty cell clears it (0 for a headcount).
 */
const FIELDS = ['name', 'shortName', 'category', 'headTitle', 'pns', 'pppk', 'nonAsn', 'headcountAsOf', 'parentAgency'] as const;
type Field = (typeof FIELDS)[number];
const HEADCOUNT_FIELDS = ['pns', 'pppk', 'nonAsn'] as const;

interface AgencyRow extends ImportRow {
  /** lower(name): the upsert key. */
  key: string;
  name: string;
  shortName: string | null;
  category: AgencyCategory;
  headTitle: string | null;
  headcount: Headcount;
  headcountAsOf: string | null;
  /** The parent as written, or null. */
  parentName: string | null;
}

/** An agency's fields as the API names them (and its audit entries record them). */
type AgencyChanges = {
  name: string;
  shortName: string | null;
  category: AgencyCategory;
  headTitle: string | null;
  parentAgencyId: string | null;
  headcount: Headcount;
  headcountAsOf: string | null;
};

/** What an update rewrites for each optional CSV column: the table's columns and the API field; `name` and `category` are always rewritten. */
const OPTIONAL_COLUMNS: Partial<Record<Field, { columns: string[]; change: keyof AgencyChanges }>> = {
  shortName: { columns: ['short_name'], change: 'shortName' },
  headTitle: { columns: ['head_title'], change: 'headTitle' },
  pns: { columns: ['headcount_pns', 'headcount_pppk', 'headcount_non_asn'], change: 'headcount' },
  headcountAsOf: { columns: ['headcount_as_of'], change: 'headcountAsOf' },
  parentAgency: { columns: ['parent_agency_id'], change: 'parentAgencyId' },
};

export class AgencyImport implements ImportPlan<Field, AgencyRow> {
  readonly entity = 'agency';
  readonly columns = { fields: FIELDS, required: ['name', 'category'] as Field[] };
  readonly lockKey: string;
  /** Built from the header on the first record: every record has the same columns. */
  private upsertSql?: string;
  /** The API fields an update rewrites, from the header. */
  private updatedFields: Array<keyof AgencyChanges> = [];

  constructor(
    readonly caller: Caller,
    readonly regionId: string,
  ) {
    this.lockKey = `import:agencies:${regionId}`;
  }

  parse({ line, record }: CsvRow<Field>): AgencyRow | ImportRowError[] {
    if (!this.upsertSql) {
      assertHeadcountColumns(record);
      const present = new Set(Object.keys(record) as Field[]);
      this.upsertSql = upsertSql(present);
      this.updatedFields = ['name', 'category', ...[...present].flatMap((field) => OPTIONAL_COLUMNS[field]?.change ?? [])];
    }
    const hasHeadcount = record.pns !== undefined;
    const { value, errors } = validateInput(CreateAgencyDto, {
      name: record.name,
      shortName: cell(record.shortName),
      category: record.category?.toUpperCase(),
      headTitle: cell(record.headTitle),
      headcount: hasHeadcount ? { pns: count(record.pns), pppk: count(record.pppk), nonAsn: count(record.nonAsn) } : undefined,
      headcountAsOf: isoDate(cell(record.headcountAsOf)),
    });
    // The CSV columns are pns, pppk and nonAsn, not headcount.pns.
    const problems: ImportRowError[] = errors.map((e) => ({ line, field: e.field.replace(/^headcount\./, ''), message: e.message.replace(/^headcount\./, '') }));
    const parentName = cell(record.parentAgency) ?? null;
    if (parentName && parentName.toLowerCase() === value.name?.toLowerCase()) {
      problems.push({ line, field: 'parentAgency', message: 'an agency cannot be its own parent' });
    }
    if (problems.length > 0) return problems;
    return {
      line,
      key: value.name.toLowerCase(),
      name: value.name,
      shortName: value.shortName ?? null,
      category: value.category,
      headTitle: value.headTitle ?? null,
      headcount: value.headcount ?? NO_HEADCOUNT,
      headcountAsOf: value.headcountAsOf ?? null,
      parentName,
    };
  }

  async writeBatch(manager: EntityManager, rows: AgencyRow[], keys: FileKeys): Promise<WrittenBatch> {
    const total: WrittenBatch = { written: [], errors: [] };
    for (const wave of parentsFirst(rows)) {
      const { written, errors } = await this.writeWave(manager, wave, keys);
      total.written.push(...written);
      total.errors.push(...errors);
    }
    return total;
  }

  /** Rows none of which names another as its parent, so every parent is in the database already. */
  private async writeWave(manager: EntityManager, rows: AgencyRow[], keys: FileKeys): Promise<WrittenBatch> {
    const names = [...new Set(rows.flatMap((row) => [row.key, ...(row.parentName ? [row.parentName.toLowerCase()] : [])]))];
    const existing = new Map(
      ((await manager.query('SELECT id, lower(name) AS key FROM agencies WHERE region_id = $1 AND lower(name) = ANY($2::text[])', [this.regionId, names])) as Array<{ id: string; key: string }>).map(
        (agency) => [agency.key, agency.id],
      ),
    );
    const errors: ImportRowError[] = [];
    const parentId = (row: AgencyRow) => (row.parentName ? existing.get(row.parentName.toLowerCase()) : undefined);
    let valid = keepValid(rows, errors, (row) =>
      row.parentName && !parentId(row)
        ? { line: row.line, field: 'parentAgency', message: `"${row.parentName}" is not on this region's list; list the parent agency on an earlier line` }
        : undefined,
    );

    // Only an agency already on the list can have agencies under it, so only updates can close a circle.
    const updates = valid.filter((row) => row.parentName && existing.has(row.key));
    const cycles = await findParentCycles(manager, updates.map((row) => ({ agencyId: existing.get(row.key)!, parentId: parentId(row)! })));
    valid = keepValid(valid, errors, (row) =>
      cycles.has(existing.get(row.key) ?? '')
        ? { line: row.line, field: 'parentAgency', message: `"${row.parentName}" is itself under "${row.name}"; the parent agencies would go round in a circle` }
        : undefined,
    );

    const repeated = await keys.claim(valid);
    valid = keepValid(valid, errors, (row) =>
      repeated.has(row.line) ? { line: row.line, field: 'name', message: `"${row.name}" is already on line ${repeated.get(row.line)} of this file` } : undefined,
    );
    if (valid.length === 0) return { written: [], errors };

    const upserted = (await manager.query(this.upsertSql!, [
      this.regionId,
      valid.map((row) => row.name),
      valid.map((row) => row.shortName),
      valid.map((row) => row.category),
      valid.map((row) => row.headTitle),
      valid.map((row) => parentId(row) ?? null),
      valid.map((row) => row.headcount.pns),
      valid.map((row) => row.headcount.pppk),
      valid.map((row) => row.headcount.nonAsn),
      valid.map((row) => row.headcountAsOf),
    ])) as Array<{ id: string; key: string; inserted: boolean }>;
    const byKey = new Map(valid.map((row) => [row.key, row]));
    const written = upserted.map(({ id, key, inserted }): WrittenRow => {
      const row = byKey.get(key)!;
      const changes: AgencyChanges = {
        name: row.name,
        shortName: row.shortName,
        category: row.category,
        headTitle: row.headTitle,
        parentAgencyId: parentId(row) ?? null,
        headcount: row.headcount,
        headcountAsOf: row.headcountAsOf,
      };
      return { id, created: inserted, changes: inserted ? changes : pick(changes, this.updatedFields) };
    });
    return { written, errors };
  }
}

function pick<T extends object>(values: T, keys: Array<keyof T>): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, values[key]])) as Partial<T>;
}

/**
 * One INSERT … ON CONFLICT for a whole batch, on the unique index (region_id, lower(name)).
 * An update rewrites only the columns the file has. `xmax = 0` holds for a freshly inserted row
 * only: that is how the answer (and the audit entry) tells created from updated.
 */
function upsertSql(present: Set<Field>): string {
  const updated = ['name', 'category', ...[...present].flatMap((field) => OPTIONAL_COLUMNS[field]?.columns ?? [])];
  return `INSERT INTO agencies (region_id, name, short_name, category, head_title, parent_agency_id, headcount_pns, headcount_pppk, headcount_non_asn, headcount_as_of)
          SELECT $1::uuid, r.* FROM unnest($2::text[], $3::text[], $4::agency_category[], $5::text[], $6::uuid[], $7::int[], $8::int[], $9::int[], $10::date[]) AS r
          ON CONFLICT (region_id, lower(name)) DO UPDATE
            SET ${[...updated.map((column) => `${column} = EXCLUDED.${column}`), 'updated_at = now()'].join(', ')}
          RETURNING id, lower(name) AS key, (xmax = 0) AS inserted`;
}

/**
 * Splits a batch so that no row's parent is written in the same statement as the row: the
 * parent's id must be known first. Keeps file order.
 */
function parentsFirst(rows: AgencyRow[]): AgencyRow[][] {
  const waves: AgencyRow[][] = [];
  let wave: AgencyRow[] = [];
  let names = new Set<string>();
  for (const row of rows) {
    if (row.parentName && names.has(row.parentName.toLowerCase())) {
      waves.push(wave);
      wave = [];
      names = new Set();
    }
    wave.push(row);
    names.add(row.key);
  }
  if (wave.length > 0) waves.push(wave);
  return waves;
}

/** A headcount cell: empty is 0; anything but a whole number is left for the validator to name. */
function count(value: string | undefined): number | string {
  if (value === undefined || value === '') return 0;
  return /^-?\d{1,9}$/.test(value) ? Number(value) : value;
}

/** Spreadsheets in the Indonesian locale write dates as dd/mm/yyyy. */
function isoDate(value: string | undefined): string | undefined {
  const match = value?.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  return match ? `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}` : value;
}

/** A header check, made on the first record: the headcount is one set of three figures. */
function assertHeadcountColumns(record: Partial<Record<Field, string>>): void {
  const present = HEADCOUNT_FIELDS.filter((field) => record[field] !== undefined);
  if (present.length > 0 && present.length < HEADCOUNT_FIELDS.length) {
    const missing = HEADCOUNT_FIELDS.filter((field) => record[field] === undefined);
    throw new CsvFormatError(1, `The columns pns, pppk and nonAsn go together: add ${missing.join(' and ')}`);
  }
}
