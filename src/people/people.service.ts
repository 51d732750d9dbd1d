import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { type ImportQuery, type ImportResult, runImport } from '../common/csv-import.js';
import { ConflictError, ValidationError } from '../common/errors.js';
import { type Page, page } from '../common/pagination.js';
import { changedFields, hasChanges } from '../common/patch.js';
import { findInReach, targetRegionId, withinReach } from '../common/scope.js';
import { containsPattern } from '../common/sql.js';
import { transaction } from '../common/transaction.js';
import type { CsvUploadBody } from '../common/uploads.js';
import { validateInput } from '../common/validation.js';
import { Region } from '../regions/region.entity.js';
import {
  type CreatePersonDto,
  NipOfEmploymentType,
  type PersonQuery,
  type PersonResponse,
  toPersonResponse,
  type UpdatePersonDto,
} from './dto/person.dto.js';
import { type EmploymentType, normalizeNip } from './nip.js';
import { Person } from './person.entity.js';
import { PersonImport } from './person-import.js';

/** A person to find or add, as another feature's form gives them (validated by `PersonFields`). */
export interface NewPerson {
  fullName: string;
  nip: string | null;
  employmentType: EmploymentType;
  position: string | null;
}

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, query: PersonQuery): Promise<Page<PersonResponse>> {
    const qb = withinReach(this.dataSource.getRepository(Person).createQueryBuilder('p'), caller, { regionId: query.regionId });
    if (query.agencyId) {
      await findInReach(this.dataSource.manager, caller, Agency, query.agencyId);
      qb.andWhere('p.agency_id = :agencyId', { agencyId: query.agencyId });
    }
    if (query.employmentType) qb.andWhere('p.employment_type = :employmentType', { employmentType: query.employmentType });
    const q = query.q?.trim();
    if (q) {
      // Door lookup: part of the name ("budi" finds "Drs. Budi Santoso"), or the first digits of the NIP.
      const nipPrefix = normalizeNip(q);
      qb.andWhere(
        new Brackets((w) => {
          w.where('p.full_name ILIKE :name', { name: containsPattern(q) });
          if (/^\d+$/.test(nipPrefix)) w.orWhere('p.nip LIKE :nipPrefix', { nipPrefix: `${nipPrefix}%` });
        }),
      );
    }
    const [rows, total] = await qb.orderBy('lower(p.full_name)').addOrderBy('p.id').take(query.limit).skip(query.offset).getManyAndCount();
    return page(rows, total, query, toPersonResponse);
  }

  async get(caller: Caller, id: string): Promise<PersonResponse> {
    return toPersonResponse(await findInReach(this.dataSource.manager, caller, Person, id));
  }

  async create(caller: Caller, dto: CreatePersonDto): Promise<PersonResponse> {
    return transaction(this.dataSource, async (manager) => {
      const agency = await findInReach(manager, caller, Agency, dto.agencyId);
      const fields = {
        fullName: dto.fullName,
        nip: dto.nip ?? null,
        employmentType: dto.employmentType,
        position: dto.position ?? null,
        agencyId: agency.id,
        phone: dto.phone ?? null,
        email: dto.email ?? null,
      };
      if (fields.nip) await this.assertNipFree(manager, caller, agency.regionId, fields.nip);
      const person = await manager.save(Person, manager.create(Person, { regionId: agency.regionId, ...fields }));
      await this.audit.record(manager, caller, { action: 'create', entity: 'person', entityId: person.id, regionId: person.regionId, changes: fields });
      return toPersonResponse(person);
    });
  }

  async update(caller: Caller, id: string, dto: UpdatePersonDto): Promise<PersonResponse> {
    return transaction(this.dataSource, async (manager) => {
      const person = await findInReach(manager, caller, Person, id, { lock: true });
      // A person moved to another agency takes that agency's region.
      const regionId = dto.agencyId && dto.agencyId !== person.agencyId ? (await findInReach(manager, caller, Agency, dto.agencyId)).regionId : person.regionId;
      const nip = dto.nip !== undefined ? dto.nip : person.nip;
      if (dto.nip !== undefined || dto.employmentType !== undefined) {
        const { errors } = validateInput(NipOfEmploymentType, { nip, employmentType: dto.employmentType ?? person.employmentType });
        if (errors.length > 0) throw new ValidationError(errors);
      }
      if (nip && (nip !== person.nip || regionId !== person.regionId)) await this.assertNipFree(manager, caller, regionId, nip);
      const changes = changedFields(person, { ...dto, regionId });
      if (!hasChanges(changes)) return toPersonResponse(person);
      await manager.update(Person, { id }, changes);
      await this.audit.record(manager, caller, { action: 'update', entity: 'person', entityId: id, regionId, changes });
      return toPersonResponse(await manager.findOneByOrFail(Person, { id }));
    });
  }

  async import(caller: Caller, query: ImportQuery, csv: CsvUploadBody): Promise<ImportResult> {
    const regionId = targetRegionId(caller, query.regionId);
    await findInReach(this.dataSource.manager, caller, Region, regionId);
    return runImport(this.dataSource, this.audit, csv, query, new PersonImport(caller, regionId));
  }

  /**
   * People named in another feature's form (an invitation's attendees), in `agency`: each is the
   * person of the region with that NIP or, without a NIP, the person of that name (any case) in
   * the agency; the others are created there, validated as by `create` beforehand. One query
   * matches, one inserts. A NIP held by someone of another agency is the 409 of `create`.
   * `caller` is null for the holder of an RSVP link, who is never told who holds a NIP.
   * Returns the ids in the order of `people` (the same person given twice: the same id twice).
   */
  async ensureInAgency(manager: EntityManager, caller: Caller | null, agency: Agency, people: readonly NewPerson[]): Promise<string[]> {
    if (people.length === 0) return [];
    const keyOf = (person: { nip: string | null; fullName: string }) => (person.nip ? `nip:${person.nip}` : `name:${person.fullName.toLowerCase()}`);
    const nips = people.flatMap((person) => (person.nip ? [person.nip] : []));
    const names = people.flatMap((person) => (person.nip ? [] : [person.fullName.toLowerCase()]));
    const found = (await manager.query(
      `SELECT id, agency_id, nip, full_name FROM people
        WHERE region_id = $1 AND (nip = ANY($2::text[]) OR (agency_id = $3 AND nip IS NULL AND lower(full_name) = ANY($4::text[])))`,
      [agency.regionId, nips, agency.id, names],
    )) as Array<{ id: string; agency_id: string; nip: string | null; full_name: string }>;
    const ids = new Map<string, string>();
    for (const person of found) {
      if (person.agency_id !== agency.id) throw await this.nipTaken(manager, caller, agency.regionId, person.nip!);
      ids.set(keyOf({ nip: person.nip, fullName: person.full_name }), person.id);
    }
    const missing = [...new Map(people.filter((person) => !ids.has(keyOf(person))).map((person) => [keyOf(person), person])).values()];
    if (missing.length > 0) {
      const created = (await manager.query(
        `INSERT INTO people (region_id, agency_id, full_name, nip, employment_type, position)
         SELECT $1, $2, p.full_name, p.nip, p.employment_type::employment_type, p.position
           FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS p(full_name, nip, employment_type, position)
         RETURNING id, nip, full_name`,
        [agency.regionId, agency.id, missing.map((p) => p.fullName), missing.map((p) => p.nip), missing.map((p) => p.employmentType), missing.map((p) => p.position)],
      )) as Array<{ id: string; nip: string | null; full_name: string }>;
      for (const person of created) {
        ids.set(keyOf({ nip: person.nip, fullName: person.full_name }), person.id);
        const fields = missing.find((p) => keyOf(p) === keyOf({ nip: person.nip, fullName: person.full_name }))!;
        await this.audit.record(manager, caller, { action: 'create', entity: 'person', entityId: person.id, regionId: agency.regionId, changes: { ...fields, agencyId: agency.id } });
      }
    }
    return people.map((person) => ids.get(keyOf(person))!);
  }

  /** A NIP is unique within the region (the partial unique index enforces it). */
  private async assertNipFree(manager: EntityManager, caller: Caller, regionId: string, nip: string): Promise<void> {
    const taken = await manager.createQueryBuilder(Person, 'p').where('p.region_id = :regionId AND p.nip = :nip', { regionId, nip }).getExists();
    if (taken) throw await this.nipTaken(manager, caller, regionId, nip);
  }

  /**
   * The 409 for a NIP already registered: it names who has it, so the organizer can open that
   * record instead of creating a second one. A caller who may not see that person (an
   * AGENCY_REP, when the person belongs to another agency; an RSVP link's holder) is not told who.
   */
  private async nipTaken(manager: EntityManager, caller: Caller | null, regionId: string, nip: string): Promise<ConflictError> {
    const errors = [{ field: 'nip', message: 'is already registered' }];
    const holder = manager.createQueryBuilder(Person, 'p').select(['p.id', 'p.fullName']).where('p.region_id = :regionId AND p.nip = :nip', { regionId, nip });
    const visible = caller ? await withinReach(holder, caller).getOne() : null;
    if (!visible) {
      return new ConflictError(`NIP ${nip} is already registered to a person of another agency; ask the organizer of this region`, 'duplicate-nip', { errors });
    }
    return new ConflictError(`NIP ${nip} is already registered to ${visible.fullName} (${visible.id})`, 'duplicate-nip', { existingPersonId: visible.id, errors });
  }
}
