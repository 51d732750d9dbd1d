import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { AgenciesService } from '../agencies/agencies.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { type ImportQuery, type ImportResult, runImport } from '../common/csv-import.js';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors.js';
import { type Page, page } from '../common/pagination.js';
import { canReachAgency, listRegionIds, targetRegionId } from '../common/scope.js';
import { containsPattern } from '../common/sql.js';
import type { CsvUploadBody } from '../common/uploads.js';
import { validateInput } from '../common/validation.js';
import { RegionsService } from '../regions/regions.service.js';
import {
  type CreatePersonDto,
  NipOfEmploymentType,
  type PersonQuery,
  type PersonResponse,
  toPersonResponse,
  type UpdatePersonDto,
} from './dto/person.dto.js';
import { normalizeNip } from './nip.js';
import { Person } from './person.entity.js';
import { PersonImport } from './person-import.js';

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly agencies: AgenciesService,
    private readonly regions: RegionsService,
  ) {}

  async list(caller: Caller, query: PersonQuery): Promise<Page<PersonResponse>> {
    const qb = this.dataSource.getRepository(Person).createQueryBuilder('p');
    const regionIds = listRegionIds(caller, query.regionId);
    if (regionIds !== null) qb.andWhere('p.region_id = ANY(:regionIds)', { regionIds });
    if (caller.role === 'AGENCY_REP') qb.andWhere('p.agency_id = :ownAgencyId', { ownAgencyId: caller.agencyId });
    if (query.agencyId) {
      await this.agencies.findReachable(caller, query.agencyId);
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
    return toPersonResponse(await this.findReachable(caller, id));
  }

  async create(caller: Caller, dto: CreatePersonDto): Promise<PersonResponse> {
    return this.dataSource.transaction(async (manager) => {
      const agency = await this.agencies.findReachable(caller, dto.agencyId, manager);
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
    return this.dataSource.transaction(async (manager) => {
      const person = await this.findReachable(caller, id, manager);
      // A person moved to another agency takes that agency's region.
      const regionId = dto.agencyId && dto.agencyId !== person.agencyId ? (await this.agencies.findReachable(caller, dto.agencyId, manager)).regionId : person.regionId;
      const nip = dto.nip !== undefined ? dto.nip : person.nip;
      if (dto.nip !== undefined || dto.employmentType !== undefined) {
        const { errors } = validateInput(NipOfEmploymentType, { nip, employmentType: dto.employmentType ?? person.employmentType });
        if (errors.length > 0) throw new ValidationError(errors);
      }
      if (nip && (nip !== person.nip || regionId !== person.regionId)) await this.assertNipFree(manager, caller, regionId, nip);
      const changes = Object.fromEntries(Object.entries({ ...dto, regionId: regionId !== person.regionId ? regionId : undefined }).filter(([, value]) => value !== undefined));
      if (Object.keys(changes).length > 0) {
        await manager.update(Person, { id }, changes);
        await this.audit.record(manager, caller, { action: 'update', entity: 'person', entityId: id, regionId, changes });
      }
      return toPersonResponse(await manager.findOneByOrFail(Person, { id }));
    });
  }

  async import(caller: Caller, query: ImportQuery, csv: CsvUploadBody): Promise<ImportResult> {
    const regionId = targetRegionId(caller, query.regionId);
    await this.regions.findReachable(caller, regionId);
    return runImport(this.dataSource, this.audit, csv, query, new PersonImport(caller, regionId));
  }

  /** A person of an agency the caller may see (an AGENCY_REP: its own), or 404. */
  private async findReachable(caller: Caller, id: string, manager: EntityManager = this.dataSource.manager): Promise<Person> {
    const person = await manager.findOneBy(Person, { id });
    if (!person || !canReachAgency(caller, { id: person.agencyId, regionId: person.regionId })) throw new NotFoundError('Person', id);
    return person;
  }

  /**
   * A NIP is unique within the region (the partial unique index enforces it); the 409 names who
   * has it, so the organizer can open that record instead of creating a second one. An
   * AGENCY_REP is not told who, when that person belongs to another agency.
   */
  private async assertNipFree(manager: EntityManager, caller: Caller, regionId: string, nip: string): Promise<void> {
    const existing = await manager.findOne(Person, { where: { regionId, nip }, select: { id: true, fullName: true, agencyId: true, regionId: true } });
    if (!existing) return;
    const errors = [{ field: 'nip', message: 'is already registered' }];
    if (!canReachAgency(caller, { id: existing.agencyId, regionId: existing.regionId })) {
      throw new ConflictError(`NIP ${nip} is already registered to a person of another agency; ask the organizer of this region`, 'duplicate-nip', { errors });
    }
    throw new ConflictError(`NIP ${nip} is already registered to ${existing.fullName} (${existing.id})`, 'duplicate-nip', { existingPersonId: existing.id, errors });
  }
}
