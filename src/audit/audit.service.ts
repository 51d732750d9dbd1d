import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../common/caller.js';
import { type Page, page } from '../common/pagination.js';
import { withinReach } from '../common/scope.js';
import { AuditEntry } from './audit-entry.entity.js';
import { type AuditEntryResponse, type AuditQuery, toAuditEntryResponse } from './dto/audit.dto.js';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string | null;
  regionId: string | null;
  changes?: Record<string, unknown>;
}

/** Fields that never reach the audit log, whatever a caller wrote. */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'token', 'signatureImage']);

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records a write. Call it with the transaction's manager so the entry commits or rolls
   * back together with the change it describes.
   */
  async record(manager: EntityManager, caller: Caller | null, record: AuditRecord): Promise<void> {
    await manager.insert(AuditEntry, {
      actorId: caller?.userId ?? null,
      actorEmail: caller?.email ?? null,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId,
      regionId: record.regionId,
      changes: withoutSecrets(record.changes ?? {}) as object,
      requestId: caller?.requestId ?? null,
    });
  }

  async list(caller: Caller, query: AuditQuery): Promise<Page<AuditEntryResponse>> {
    const qb = withinReach(this.dataSource.getRepository(AuditEntry).createQueryBuilder('a'), caller);
    if (query.entity) qb.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.from) qb.andWhere('a.created_at >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('a.created_at < :to', { to: new Date(query.to) });
    const [rows, total] = await qb.orderBy('a.created_at', 'DESC').addOrderBy('a.id').take(query.limit).skip(query.offset).getManyAndCount();
    return page(rows, total, query, toAuditEntryResponse);
  }
}

function withoutSecrets(changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(changes).filter(([key]) => !SECRET_FIELDS.has(key)));
}
