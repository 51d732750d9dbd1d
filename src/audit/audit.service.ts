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

  /**
   * Records many writes of one transaction (an import's batch) in one INSERT … SELECT, however
   * many there are; each entry is exactly what record() would write.
   */
  async recordMany(manager: EntityManager, caller: Caller | null, records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_email, action, entity, entity_id, region_id, changes, request_id)
       SELECT $1, $2, r.action, r.entity, r.entity_id, r.region_id, r.changes, $3
         FROM unnest($4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::jsonb[]) AS r (action, entity, entity_id, region_id, changes)`,
      [
        caller?.userId ?? null,
        caller?.email ?? null,
        caller?.requestId ?? null,
        records.map((record) => record.action),
        records.map((record) => record.entity),
        records.map((record) => record.entityId),
        records.map((record) => record.regionId),
        records.map((record) => JSON.stringify(withoutSecrets(record.changes ?? {}))),
      ],
    );
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
