import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { type ImportQuery, type ImportResult, runImport } from '../common/csv-import.js';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors.js';
import { type Page, page } from '../common/pagination.js';
import { canReachAgency, listRegionIds, targetRegionId } from '../common/scope.js';
import { containsPattern } from '../common/sql.js';
import type { CsvUploadBody } from '../common/uploads.js';
import { RegionsService } from '../regions/regions.service.js';
import { Agency, NO_HEADCOUNT } from './agency.entity.js';
import { AgencyImport } from './agency-import.js';
import { findParentCycles } from './agency-tree.js';
import { type AgencyQuery, type AgencyResponse, type CreateAgencyDto, toAgencyResponse, type UpdateAgencyDto } from './dto/agency.dto.js';

@Injectable()
export class AgenciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
  ) {}

  async list(caller: Caller, query: AgencyQuery): Promise<Page<AgencyResponse>> {
    const qb = this.dataSource.getRepository(Agency).createQueryBuilder('a');
    const regionIds = listRegionIds(caller, query.regionId);
    if (regionIds !== null) qb.andWhere('a.region_id = ANY(:regionIds)', { regionIds });
    if (caller.role === 'AGENCY_REP') qb.andWhere('a.id = :ownAgencyId', { ownAgencyId: caller.agencyId });
    if (query.category) qb.andWhere('a.category = :category', { category: query.category });
    if (query.q) qb.andWhere(new Brackets((w) => w.where('a.name ILIKE :q').orWhere('a.short_name ILIKE :q')), { q: containsPattern(query.q) });
    const [rows, total] = await qb.orderBy('a.name').addOrderBy('a.id').take(query.limit).skip(query.offset).getManyAndCount();
    return page(rows, total, query, toAgencyResponse);
  }

  async get(caller: Caller, id: string): Promise<AgencyResponse> {
    return toAgencyResponse(await this.findReachable(caller, id));
  }

  /** An agency the caller may see (an AGENCY_REP: its own), or 404. */
  async findReachable(caller: Caller, id: string, manager: EntityManager = this.dataSource.manager): Promise<Agency> {
    const agency = await manager.findOneBy(Agency, { id });
    if (!agency || !canReachAgency(caller, agency)) throw new NotFoundError('Agency', id);
    return agency;
  }

  async create(caller: Caller, dto: CreateAgencyDto): Promise<AgencyResponse> {
    const regionId = targetRegionId(caller, dto.regionId);
    return this.dataSource.transaction(async (manager) => {
      await this.regions.findReachable(caller, regionId, manager);
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
    return this.dataSource.transaction(async (manager) => {
      const agency = await this.findReachable(caller, id, manager);
      if (dto.name !== undefined && dto.name.toLowerCase() !== agency.name.toLowerCase()) await this.assertNameFree(manager, agency.regionId, dto.name);
      if (dto.parentAgencyId) {
        const parent = await this.findParent(manager, caller, agency.regionId, dto.parentAgencyId);
        const cycles = await findParentCycles(manager, [{ agencyId: id, parentId: parent.id }]);
        if (cycles.has(id)) throw ValidationError.field('parentAgencyId', `${parent.name} is this agency or one of the agencies under it`);
      }
      const changes = Object.fromEntries(Object.entries({ ...dto, headcount: dto.headcount && { ...dto.headcount } }).filter(([, value]) => value !== undefined));
      if (Object.keys(changes).length > 0) {
        await manager.update(Agency, { id }, changes);
        await this.audit.record(manager, caller, { action: 'update', entity: 'agency', entityId: id, regionId: agency.regionId, changes });
      }
      return toAgencyResponse(await manager.findOneByOrFail(Agency, { id }));
    });
  }

  async import(caller: Caller, query: ImportQuery, csv: CsvUploadBody): Promise<ImportResult> {
    const regionId = targetRegionId(caller, query.regionId);
    await this.regions.findReachable(caller, regionId);
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
    const parent = await this.findReachable(caller, parentId, manager);
    if (parent.regionId !== regionId) throw ValidationError.field('parentAgencyId', 'the parent agency must be in the same region');
    return parent;
  }
}
