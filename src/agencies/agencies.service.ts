import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
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
import { Region } from '../regions/region.entity.js';
import { Agency, NO_HEADCOUNT } from './agency.entity.js';
import { AgencyImport } from './agency-import.js';
import { findParentCycles } from './agency-tree.js';
import { type AgencyQuery, type AgencyResponse, type CreateAgencyDto, toAgencyResponse, type UpdateAgencyDto } from './dto/agency.dto.js';

@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, query: AgencyQuery): Promise<Page<AgencyResponse>> {
    const qb = withinReach(this.dataSource.getRepository(Agency).createQueryBuilder('a'), caller, { regionId: query.regionId });
    if (query.category) qb.andWhere('a.category = :category', { category: query.category });
    if (query.q) qb.andWhere(new Brackets((w) => w.where('a.name ILIKE :q').orWhere('a.short_name ILIKE :q')), { q: containsPattern(query.q) });
    const [rows, total] = await qb.orderBy('a.name').addOrderBy('a.id').take(query.limit).skip(query.offset).getManyAndCount();
    return page(rows, total, query, toAgencyResponse);
  }

  async get(caller: Caller, id: string): Promise<AgencyResponse> {
    return toAgencyResponse(await findInReach(this.dataSource.manager, caller, Agency, id));
  }

  async create(caller: Caller, dto: CreateAgencyDto): Promise<AgencyResponse> {
    const regionId = targetRegionId(caller, dto.regionId);
    return transaction(this.dataSource, async (manager) => {
      await findInReach(manager, caller, Region, regionId);
      await this.assertNameFree(manager, regionId, dto.name);
      const parentAgencyId = dto.parentAgencyId ? (await this.findParent(manager, caller, regionId, dto.parentAgencyId)).id : null;
      const fields = {
        name: dto.name,
        shortName: dto.shortName ?? null,
        category: dto.category,
        headTitle: dto.headTitle ?? null,
        parentAgencyId,
        headcount: { ...(dto.headcount ?? NO_HEADCOUNT) },
        headcountAsOf: dto.headcountAsOf ?? null,
      };
      const agency = await manager.save(Agency, manager.create(Agency, { regionId, ...fields }));
      await this.audit.record(manager, caller, { action: 'create', entity: 'agency', entityId: agency.id, regionId, changes: fields });
      return toAgencyResponse(agency);
    });
  }

  async update(caller: Caller, id: string, dto: UpdateAgencyDto): Promise<AgencyResponse> {
    return transaction(this.dataSource, async (manager) => {
      const agency = await findInReach(manager, caller, Agency, id, { lock: true });
      if (dto.name !== undefined && dto.name.toLowerCase() !== agency.name.toLowerCase()) await this.assertNameFree(manager, agency.regionId, dto.name);
      if (dto.parentAgencyId) {
        const parent = await this.findParent(manager, caller, agency.regionId, dto.parentAgencyId);
        const cycles = await findParentCycles(manager, [{ agencyId: id, parentId: parent.id }]);
        if (cycles.has(id)) throw ValidationError.field('parentAgencyId', `${parent.name} is this agency or one of the agencies under it`);
      }
      const changes = changedFields(agency, { ...dto, headcount: dto.headcount && { ...dto.headcount } });
      if (!hasChanges(changes)) return toAgencyResponse(agency);
      await manager.update(Agency, { id }, changes);
      await this.audit.record(manager, caller, { action: 'update', entity: 'agency', entityId: id, regionId: agency.regionId, changes });
      return toAgencyResponse(await manager.findOneByOrFail(Agency, { id }));
    });
  }

  async import(caller: Caller, query: ImportQuery, csv: CsvUploadBody): Promise<ImportResult> {
    const regionId = targetRegionId(caller, query.regionId);
    await findInReach(this.dataSource.manager, caller, Region, regionId);
    return runImport(this.dataSource, this.audit, csv, query, new AgencyImport(caller, regionId));
  }

  /** Names are unique within a region whatever their case (the index enforces it; this names the clash). */
  private async assertNameFree(manager: EntityManager, regionId: string, name: string): Promise<void> {
    const [existing] = (await manager.query('SELECT id, name FROM agencies WHERE region_id = $1 AND lower(name) = lower($2)', [regionId, name])) as Array<{ id: string; name: string }>;
    if (existing) {
      throw new ConflictError(`This region already has an agency named ${existing.name} (${existing.id})`, 'duplicate-name', {
        existingAgencyId: existing.id,
        errors: [{ field: 'name', message: 'is already used in this region' }],
      });
    }
  }

  private async findParent(manager: EntityManager, caller: Caller, regionId: string, parentId: string): Promise<Agency> {
    const parent = await findInReach(manager, caller, Agency, parentId);
    if (parent.regionId !== regionId) throw ValidationError.field('parentAgencyId', 'the parent agency must be in the same region');
    return parent;
  }
}
