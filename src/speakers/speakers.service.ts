import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { type Page, page } from '../common/pagination.js';
import { changedFields, hasChanges } from '../common/patch.js';
import { findInReach, targetRegionId, withinReach } from '../common/scope.js';
import { containsPattern } from '../common/sql.js';
import { transaction } from '../common/transaction.js';
import { Region } from '../regions/region.entity.js';
import { type CreateSpeakerDto, type SpeakerQuery, type SpeakerResponse, type UpdateSpeakerDto, toSpeakerResponse } from './dto/speaker.dto.js';
import { Speaker } from './speaker.entity.js';

@Injectable()
export class SpeakersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, query: SpeakerQuery): Promise<Page<SpeakerResponse>> {
    const qb = withinReach(this.dataSource.getRepository(Speaker).createQueryBuilder('s'), caller, { regionId: query.regionId });
    if (query.q) {
      const q = containsPattern(query.q);
      qb.andWhere(new Brackets((w) => w.where('s.full_name ILIKE :q').orWhere('s.title ILIKE :q').orWhere('s.organization ILIKE :q')), { q });
    }
    const [rows, total] = await qb.orderBy('s.full_name').addOrderBy('s.id').take(query.limit).skip(query.offset).getManyAndCount();
    return page(rows, total, query, toSpeakerResponse);
  }

  async get(caller: Caller, id: string): Promise<SpeakerResponse> {
    return toSpeakerResponse(await findInReach(this.dataSource.manager, caller, Speaker, id));
  }

  async create(caller: Caller, dto: CreateSpeakerDto): Promise<SpeakerResponse> {
    const regionId = targetRegionId(caller, dto.regionId);
    return transaction(this.dataSource, async (manager) => {
      await findInReach(manager, caller, Region, regionId);
      const fields = { regionId, fullName: dto.fullName, title: dto.title ?? null, organization: dto.organization ?? null };
      const speaker = await manager.save(Speaker, manager.create(Speaker, fields));
      await this.audit.record(manager, caller, { action: 'create', entity: 'speaker', entityId: speaker.id, regionId, changes: fields });
      return toSpeakerResponse(speaker);
    });
  }

  async update(caller: Caller, id: string, dto: UpdateSpeakerDto): Promise<SpeakerResponse> {
    return transaction(this.dataSource, async (manager) => {
      const speaker = await findInReach(manager, caller, Speaker, id, { lock: true });
      const changes = changedFields(speaker, dto);
      if (!hasChanges(changes)) return toSpeakerResponse(speaker);
      await manager.update(Speaker, { id }, changes);
      await this.audit.record(manager, caller, { action: 'update', entity: 'speaker', entityId: id, regionId: speaker.regionId, changes });
      return toSpeakerResponse(await manager.findOneByOrFail(Speaker, { id }));
    });
  }
}
