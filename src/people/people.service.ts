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
import { normalizeNip } from './nip.js';
import { Person } from './person.entity.js';
import { PersonImport } from './person-import.js';

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
   * A NIP is unique within the region (the partial unique index enforces it); the 409 names who
   * has it, so the organizer can open that record instead of creating a second one. An
   * AGENCY_REP is not told who, when that person belongs to another agency.
   */
  private async assertNipFree(manager: EntityManager, caller: Caller, regionId: string, nip: string): Promise<void> {
    const holder = manager.createQueryBuilder(Person, 'p').select(['p.id', 'p.fullName']).where('p.region_id = :regionId AND p.nip = :nip', { regionId, nip });
    if (!(await holder.clone().getExists())) return;
    const errors = [{ field: 'nip', message: 'is already registered' }];
    const visible = await withinReach(holder, caller).getOne();
    if (!visible) {
      throw new ConflictError(`NIP ${nip} is already registered to a person of another agency; ask the organizer of this region`, 'duplicate-nip', { errors });
    }
    throw new ConflictError(`NIP ${nip} is already registered to ${visible.fullName} (${visible.id})`, 'duplicate-nip', { existingPersonId: visible.id, errors });
  }
}
