import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { ConflictError, ValidationError } from '../common/errors.js';
import { type Page, page } from '../common/pagination.js';
import { changedFields, hasChanges } from '../common/patch.js';
import { containsPattern } from '../common/sql.js';
import { findInReach, withinReach } from '../common/scope.js';
import { transaction } from '../common/transaction.js';
import { type CreateRegionDto, type RegionQuery, type RegionResponse, type UpdateRegionDto, toRegionResponse } from './dto/region.dto.js';
import { Region } from './region.entity.js';

@Injectable()
export class RegionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, query: RegionQuery): Promise<Page<RegionResponse>> {
    const qb = withinReach(this.dataSource.getRepository(Region).createQueryBuilder('r'), caller);
    if (query.parentId) qb.andWhere('r.parent_id = :parentId', { parentId: query.parentId });
    if (query.level) qb.andWhere('r.level = :level', { level: query.level });
    if (query.q) qb.andWhere(new Brackets((w) => w.where('r.name ILIKE :q').orWhere('r.code LIKE :q')), { q: containsPattern(query.q) });
    const [rows, total] = await qb.orderBy('r.code').take(query.limit).skip(query.offset).getManyAndCount();
    return page(rows, total, query, toRegionResponse);
  }

  async get(caller: Caller, id: string): Promise<RegionResponse> {
    return toRegionResponse(await findInReach(this.dataSource.manager, caller, Region, id));
  }

  async create(caller: Caller, dto: CreateRegionDto): Promise<RegionResponse> {
    return transaction(this.dataSource, async (manager) => {
      const parentId = await this.resolveParent(manager, dto);
      if (await manager.exists(Region, { where: { code: dto.code } })) {
        throw new ConflictError(`Region code ${dto.code} is already used`, 'duplicate-code', { errors: [{ field: 'code', message: 'is already used' }] });
      }
      const region = await manager.save(Region, manager.create(Region, { ...dto, parentId }));
      await this.audit.record(manager, caller, { action: 'create', entity: 'region', entityId: region.id, regionId: region.id, changes: { ...dto, parentId } });
      return toRegionResponse(region);
    });
  }

  async update(caller: Caller, id: string, dto: UpdateRegionDto): Promise<RegionResponse> {
    return transaction(this.dataSource, async (manager) => {
      const region = await findInReach(manager, caller, Region, id, { lock: true });
      const changes = changedFields(region, dto);
      if (!hasChanges(changes)) return toRegionResponse(region);
      await manager.update(Region, { id }, changes);
      await this.audit.record(manager, caller, { action: 'update', entity: 'region', entityId: id, regionId: id, changes });
      return toRegionResponse(await manager.findOneByOrFail(Region, { id }));
    });
  }

  /**
   * A province has no parent and a two-digit code; a regency or city belongs to the province
   * whose code prefixes its own (35.79 → 35). Kemendagri numbers cities from 71 up.
   */
  private async resolveParent(manager: EntityManager, dto: CreateRegionDto): Promise<string | null> {
    const [provinceCode, localCode] = dto.code.split('.');
    if (dto.level === 'PROVINCE') {
      if (localCode) throw ValidationError.field('code', 'a province code has two digits, such as 35');
      if (dto.parentId) throw ValidationError.field('parentId', 'a province has no parent region');
      return null;
    }
    if (!localCode) throw ValidationError.field('code', `a ${dto.level.toLowerCase()} code has the form 35.79`);
    const isCityCode = Number(localCode) >= 71;
    if (dto.level === 'CITY' && !isCityCode) throw ValidationError.field('code', 'city codes are numbered from 71 (for example 35.79)');
    if (dto.level === 'REGENCY' && isCityCode) throw ValidationError.field('code', 'regency codes are numbered below 71 (for example 35.07)');
    const province = await manager.findOneBy(Region, { code: provinceCode, level: 'PROVINCE' });
    if (!province) throw ValidationError.field(dto.parentId ? 'parentId' : 'code', `province ${provinceCode} does not exist; create it first`);
    if (dto.parentId && dto.parentId !== province.id) throw ValidationError.field('parentId', `a region coded ${dto.code} belongs to province ${provinceCode}`);
    return province.id;
  }
}
