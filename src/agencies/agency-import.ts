import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { CsvFormatError, type CsvRow } from '../common/csv.js';
import { cell, type FileKeys, type ImportPlan, keepValid, type ImportResult, type ImportRow, type ImportRowError, type ImportSummary } from '../common/csv-import.js';
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

/** The columns an update rewrites, by CSV field; `name` and `category` are always rewritten. */
const UPDATED_COLUMNS: Partial<Record<Field, string[]>> = {
  shortName: ['short_name'],
  headTitle: ['head_title'],
  pns: ['headcount_pns', 'headcount_pppk', 'headcount_non_asn'],
  headcountAsOf: ['headcount_as_of'],
  parentAgency: ['parent_agency_id'],
};

export class AgencyImport implements ImportPlan<Field, AgencyRow> {
  readonly columns = { fields: FIELDS, required: ['name', 'category'] as Field[] };
  readonly lockKey: string;
  /** Built from the header on the first record: every record has the same columns. */
  private upsertSql?: string;

  constructor(
    private readonly caller: Caller,
    private readonly regionId: string,
    private readonly audit: AuditService,
  ) {
    this.lockKey = `import:agencies:${regionId}`;
  }

  parse({ line, record }: CsvRow<Field>): AgencyRow | ImportRowError[] {
    if (!this.upsertSql) {
      assertHeadcountColumns(record);
      this.upsertSql = upsertSql(new Set(Object.keys(record) as Field[]));
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

  async writeBatch(manager: EntityManager, rows: AgencyRow[], keys: FileKeys): Promise<ImportResult> {
    const total: ImportResult = { created: 0, updated: 0, errors: [] };
    for (const wave of parentsFirst(rows)) {
      const result = await this.writeWave(manager, wave, keys);
      total.created += result.created;
      total.updated += result.updated;
      total.errors.push(...result.errors);
    }
    return total;
  }

  async beforeCommit(manager: EntityManager, summary: ImportSummary): Promise<void> {
    await this.audit.record(manager, this.caller, { action: 'import', entity: 'agency', entityId: null, regionId: this.regionId, changes: { ...summary } });
  }

  /** Rows none of which names another as its parent, so every parent is in the database already. */
  private async writeWave(manager: EntityManager, rows: AgencyRow[], keys: FileKeys): Promise<ImportResult> {
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
    if (valid.length === 0) return { created: 0, updated: 0, errors };

    const written = (await manager.query(this.upsertSql!, [
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
    ])) as Array<{ inserted: boolean }>;
    const created = written.filter((row) => row.inserted).length;
    return { created, updated: written.length - created, errors };
  }
}

/**
 * One INSERT … ON CONFLICT for a whole batch, on the unique index (region_id, lower(name)).
 * An update rewrites only the columns the file has. `xmax = 0` holds for a freshly inserted row
 * only: that is how the answer tells created from updated.
 */
function upsertSql(present: Set<Field>): string {
  const updated = ['name', 'category', ...[...present].flatMap((field) => UPDATED_COLUMNS[field] ?? [])];
  return `INSERT INTO agencies (region_id, name, short_name, category, head_title, parent_agency_id, headcount_pns, headcount_pppk, headcount_non_asn, headcount_as_of)
          SELECT $1::uuid, r.* FROM unnest($2::text[], $3::text[], $4::agency_category[], $5::text[], $6::uuid[], $7::int[], $8::int[], $9::int[], $10::date[]) AS r
          ON CONFLICT (region_id, lower(name)) DO UPDATE
            SET ${[...updated.map((column) => `${column} = EXCLUDED.${column}`), 'updated_at = now()'].join(', ')}
          RETURNING (xmax = 0) AS inserted`;
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
