import type { EntityManager } from 'typeorm';
import type { Caller } from '../common/caller.js';
import type { CsvRow } from '../common/csv.js';
import { cell, type FileKeys, type ImportPlan, keepValid, type ImportRow, type ImportRowError, type WrittenBatch, type WrittenRow } from '../common/csv-import.js';
import { validateInput } from '../common/validation.js';
import { PersonFields } from './dto/person.dto.js';
import type { EmploymentType } from './nip.js';

/**
 * `POST /people/import`: a region's roster. Columns (header names case-insensitive): `fullName`,
 * `employmentType` and `agency` (an agency of the region, by name or id) are required; `nip`,
 * `position`, `phone` and `email` are optional. A column left out keeps an existing person's
 * value; an empty cell clears it.
 *
 * Who is who:
 * - a row with a NIP is the person with that NIP in the region (created, or updated — and moved
 *   to the row's agency);
 * - a row without one (NON_ASN, EXTERNAL) is the person without a NIP of the same name
 *   (case-insensitive) in the row's agency, so that importing a file twice creates nobody twice.
 * The same person twice in one file is an error on the later line.
 */
const FIELDS = ['fullName', 'nip', 'employmentType', 'position', 'agency', 'phone', 'email'] as const;
type Field = (typeof FIELDS)[number];
/** Optional columns an update rewrites only when the file has them (the API field and the table column share the name). */
const OPTIONAL_COLUMNS: Partial<Record<Field, 'position' | 'phone' | 'email'>> = { position: 'position', phone: 'phone', email: 'email' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface PersonRow extends ImportRow {
  fullName: string;
  nip: string | null;
  employmentType: EmploymentType;
  position: string | null;
  /** The agency cell as written: a name or an id. */
  agency: string;
  phone: string | null;
  email: string | null;
}

type ResolvedRow = PersonRow & { agencyId: string };

/** A person's fields as the API names them (and its audit entries record them). */
type PersonChanges = Pick<ResolvedRow, 'fullName' | 'nip' | 'employmentType' | 'position' | 'agencyId' | 'phone' | 'email'>;

/** The fields an update always rewrites (besides the optional columns the file has), as the API names them. */
const ALWAYS_UPDATED = ['fullName', 'nip', 'employmentType', 'agencyId'] as const;

export class PersonImport implements ImportPlan<Field, PersonRow> {
  readonly entity = 'person';
  readonly columns = { fields: FIELDS, required: ['fullName', 'employmentType', 'agency'] as Field[] };
  readonly lockKey: string;
  private sql?: { withNip: string; withoutNip: string };
  /** The API fields an update rewrites, from the header. */
  private updatedFields: Array<keyof PersonChanges> = [];
  /** Agency cells already looked up (lower-cased) → id, or null when the region has no such agency. Bounded by the region's list. */
  private readonly agencyIds = new Map<string, string | null>();

  constructor(
    readonly caller: Caller,
    readonly regionId: string,
  ) {
    this.lockKey = `import:people:${regionId}`;
  }

  parse({ line, record }: CsvRow<Field>): PersonRow | ImportRowError[] {
    if (!this.sql) {
      const present = new Set(Object.keys(record) as Field[]);
      this.sql = upsertSql(present);
      this.updatedFields = [...ALWAYS_UPDATED, ...[...present].flatMap((field) => OPTIONAL_COLUMNS[field] ?? [])];
    }
    const { value, errors } = validateInput(PersonFields, {
      fullName: record.fullName,
      nip: cell(record.nip),
      // "pns", "Non ASN", "non-asn" → PNS, NON_ASN
      employmentType: record.employmentType?.toUpperCase().replace(/[\s-]+/g, '_'),
      position: cell(record.position),
      phone: cell(record.phone),
      email: cell(record.email),
    });
    const problems: ImportRowError[] = errors.map((error) => ({ line, ...error }));
    if (!record.agency) problems.push({ line, field: 'agency', message: 'agency is required: the name or id of an agency of this region' });
    if (problems.length > 0) return problems;
    return {
      line,
      fullName: value.fullName,
      nip: value.nip ?? null,
      employmentType: value.employmentType,
      position: value.position ?? null,
      agency: record.agency!,
      phone: value.phone ?? null,
      email: value.email ?? null,
    };
  }

  async writeBatch(manager: EntityManager, rows: PersonRow[], keys: FileKeys): Promise<WrittenBatch> {
    await this.lookUpAgencies(manager, rows);
    const agencyIdOf = (row: PersonRow) => this.agencyIds.get(row.agency.toLowerCase());
    const errors: ImportRowError[] = [];
    const resolved = keepValid(rows, errors, (row) =>
      agencyIdOf(row) ? undefined : { line: row.line, field: 'agency', message: `"${row.agency}" is not an agency of this region (give its name or id)` },
    ).map((row): ResolvedRow => ({ ...row, agencyId: agencyIdOf(row)! }));

    const repeated = await keys.claim(resolved.map((row) => ({ line: row.line, key: row.nip ? `nip:${row.nip}` : `name:${row.agencyId}:${row.fullName.toLowerCase()}` })));
    const valid = keepValid(resolved, errors, (row) => {
      const earlier = repeated.get(row.line);
      if (earlier === undefined) return undefined;
      return row.nip
        ? { line: row.line, field: 'nip', message: `NIP ${row.nip} is already on line ${earlier} of this file` }
        : { line: row.line, field: 'fullName', message: `${row.fullName} of this agency, without a NIP, is already on line ${earlier} of this file` };
    });

    const withNip = valid.filter((row) => row.nip);
    const withoutNip = valid.filter((row) => !row.nip);
    const written: WrittenRow[] = [];
    if (withNip.length > 0) {
      const byNip = new Map(withNip.map((row) => [row.nip, row]));
      const upserted = (await manager.query(this.sql!.withNip, [this.regionId, ...columnsOf(withNip, 'nip')])) as Array<{ id: string; nip: string; inserted: boolean }>;
      written.push(...upserted.map(({ id, nip, inserted }) => this.writtenRow(id, inserted, byNip.get(nip)!)));
    }
    if (withoutNip.length > 0) {
      const byLine = new Map(withoutNip.map((row) => [row.line, row]));
      const matched = (await manager.query(this.sql!.withoutNip, [this.regionId, ...columnsOf(withoutNip, 'line')])) as Array<{ id: string; line: number; inserted: boolean }>;
      written.push(...matched.map(({ id, line, inserted }) => this.writtenRow(id, inserted, byLine.get(line)!)));
    }
    return { written, errors };
  }

  private writtenRow(id: string, created: boolean, row: ResolvedRow): WrittenRow {
    const changes: PersonChanges = {
      fullName: row.fullName,
      nip: row.nip,
      employmentType: row.employmentType,
      position: row.position,
      agencyId: row.agencyId,
      phone: row.phone,
      email: row.email,
    };
    return { id, created, changes: created ? changes : Object.fromEntries(this.updatedFields.map((field) => [field, changes[field]])) };
  }

  /** One query per batch for the agency cells not seen yet, matched by name (case-insensitive) or id. */
  private async lookUpAgencies(manager: EntityManager, rows: PersonRow[]): Promise<void> {
    const unseen = [...new Set(rows.map((row) => row.agency.toLowerCase()))].filter((cell) => !this.agencyIds.has(cell));
    if (unseen.length === 0) return;
    const found = (await manager.query(
      'SELECT id::text, lower(name) AS name FROM agencies WHERE region_id = $1 AND (lower(name) = ANY($2::text[]) OR id = ANY($3::uuid[]))',
      [this.regionId, unseen, unseen.filter((cell) => UUID.test(cell))],
    )) as Array<{ id: string; name: string }>;
    for (const cell of unseen) this.agencyIds.set(cell, null);
    for (const agency of found) {
      if (this.agencyIds.has(agency.name)) this.agencyIds.set(agency.name, agency.id);
      if (this.agencyIds.has(agency.id)) this.agencyIds.set(agency.id, agency.id);
    }
  }
}

/** The batch as column arrays for unnest(), led by the NIP (upsert by NIP) or the line (match by name). */
function columnsOf(rows: ResolvedRow[], lead: 'nip' | 'line'): unknown[][] {
  return [
    rows.map((row) => row.fullName),
    rows.map((row) => (lead === 'nip' ? row.nip : row.line)),
    rows.map((row) => row.employmentType),
    rows.map((row) => row.position),
    rows.map((row) => row.agencyId),
    rows.map((row) => row.phone),
    rows.map((row) => row.email),
  ];
}

/**
 * Two set-based statements per batch, built once from the header: an update rewrites the name,
 * type and agency, and the optional columns the file has. Both answer each written row's id and
 * whether it was created, for the audit entries.
 * - With a NIP: INSERT … ON CONFLICT on the partial unique index (region_id, nip); `xmax = 0`
 *   marks the rows that were inserted rather than updated.
 * - Without: match the agency's NIP-less people by lower(full_name) (index ix_people_agency_name),
 *   update the matches and insert the rest, in one statement.
 */
function upsertSql(present: Set<Field>): { withNip: string; withoutNip: string } {
  const columns = ['full_name', 'employment_type', 'agency_id', ...[...present].flatMap((field) => OPTIONAL_COLUMNS[field] ?? [])];
  return {
    withNip: `INSERT INTO people (region_id, full_name, nip, employment_type, position, agency_id, phone, email)
              SELECT $1::uuid, u.* FROM unnest($2::text[], $3::text[], $4::employment_type[], $5::text[], $6::uuid[], $7::text[], $8::text[]) AS u
              ON CONFLICT (region_id, nip) WHERE nip IS NOT NULL DO UPDATE
                SET ${[...columns.map((column) => `${column} = EXCLUDED.${column}`), 'updated_at = now()'].join(', ')}
              RETURNING id, nip, (xmax = 0) AS inserted`,
    // gen_random_uuid() makes the CTE volatile, so it is computed once: the ids given to new rows
    // are known here, which is how an inserted id is traced back to its line.
    withoutNip: `WITH input AS (
                   SELECT gen_random_uuid() AS new_id, u.* FROM unnest($2::text[], $3::int[], $4::employment_type[], $5::text[], $6::uuid[], $7::text[], $8::text[])
                     AS u (full_name, line, employment_type, position, agency_id, phone, email)
                 ), matched AS (
                   SELECT DISTINCT ON (i.line) i.line, p.id
                     FROM input i
                     JOIN people p ON p.agency_id = i.agency_id AND lower(p.full_name) = lower(i.full_name) AND p.nip IS NULL
                    ORDER BY i.line, p.created_at, p.id
                 ), updated AS (
                   UPDATE people p
                      SET ${[...columns.map((column) => `${column} = i.${column}`), 'updated_at = now()'].join(', ')}
                     FROM matched m JOIN input i ON i.line = m.line
                    WHERE p.id = m.id
                   RETURNING p.id, m.line
                 ), inserted AS (
                   INSERT INTO people (id, region_id, full_name, employment_type, position, agency_id, phone, email)
                   SELECT i.new_id, $1::uuid, i.full_name, i.employment_type, i.position, i.agency_id, i.phone, i.email
                     FROM input i
                    WHERE NOT EXISTS (SELECT 1 FROM matched m WHERE m.line = i.line)
                   RETURNING id
                 )
                 SELECT u.id, u.line, false AS inserted FROM updated u
                 UNION ALL
                 SELECT i.new_id AS id, i.line, true AS inserted FROM inserted JOIN input i ON i.new_id = inserted.id`,
  };
}
