import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { NotFoundError } from '../common/errors.js';
import { type Page, page } from '../common/pagination.js';
import { changedFields, hasChanges } from '../common/patch.js';
import { canReachRegion, listRegionIds, targetRegionId } from '../common/scope.js';
import { containsPattern } from '../common/sql.js';
import { transaction } from '../common/transaction.js';
import { RegionsService } from '../regions/regions.service.js';
import { type CreateSpeakerDto, type SpeakerQuery, type SpeakerResponse, type UpdateSpeakerDto, toSpeakerResponse } from './dto/speaker.dto.js';
import { Speaker } from './speaker.entity.js';

@Injectable()
export class SpeakersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, query: SpeakerQuery): Promise<Page<SpeakerResponse>> {
    const qb = this.dataSource.getRepository(Speaker).createQueryBuilder('s');
    const regionIds = listRegionIds(caller, query.regionId);
    if (regionIds !== null) qb.andWhere('s.region_id = ANY(:regionIds)', { regionIds });
    if (query.q) {
      const q = containsPattern(query.q);
      qb.andWhere(new Brackets((w) => w.where('s.full_name ILIKE :q').orWhere('s.title ILIKE :q').orWhere('s.organization ILIKE :q')), { q });
    }
    const [rows, total] = await qb.orderBy('s.full_name').addOrderBy('s.id').take(query.limit).skip(query.offset).getManyAndCount();
    return page(rows, total, query, toSpeakerResponse);
  }

  async get(caller: Caller, id: string): Promise<SpeakerResponse> {
    return toSpeakerResponse(await this.findReachable(caller, id));
  }

  async create(caller: Caller, dto: CreateSpeakerDto): Promise<SpeakerResponse> {
    const regionId = targetRegionId(caller, dto.regionId);
    return transaction(this.dataSource, async (manager) => {
      await this.regions.findReachable(caller, regionId, manager);
      const fields = { regionId, fullName: dto.fullName, title: dto.title ?? null, organization: dto.organization ?? null };
      const speaker = await manager.save(Speaker, manager.create(Speaker, fields));
      await this.audit.record(manager, caller, { action: 'create', entity: 'speaker', entityId: speaker.id, regionId, changes: fields });
      return toSpeakerResponse(speaker);
    });
  }

  async update(caller: Caller, id: string, dto: UpdateSpeakerDto): Promise<SpeakerResponse> {
    return transaction(this.dataSource, async (manager) => {
      const speaker = await this.findReachable(caller, id, manager);
      const changes = changedFields(speaker, dto);
      if (!hasChanges(changes)) return toSpeakerResponse(speaker);
      await manager.update(Speaker, { id }, changes);
      await this.audit.record(manager, caller, { action: 'update', entity: 'speaker', entityId: id, regionId: speaker.regionId, changes });
      return toSpeakerResponse(await manager.findOneByOrFail(Speaker, { id }));
    });
  }

  private async findReachable(caller: Caller, id: string, manager: EntityManager = this.dataSource.manager): Promise<Speaker> {
    const speaker = await manager.findOneBy(Speaker, { id });
    if (!speaker || !canReachRegion(caller, speaker.regionId)) throw new NotFoundError('Speaker', id);
    return speaker;
  }
}
