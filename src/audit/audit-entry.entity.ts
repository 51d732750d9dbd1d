import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TenantTable } from '../common/scope.js';

/** One write, recorded in the same transaction as the write itself. Append-only (trigger). */
// Entries without a region (national changes) are within an ADMIN's reach only.
@TenantTable({ region: 'regionId', label: 'Audit entry' })
@Entity('audit_log')
@Index('ix_audit_log_region_time', ['regionId', 'createdAt'])
@Index('ix_audit_log_entity', ['entity', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_audit_log' })
  id: string;

  /** Null for system actions (first-admin bootstrap). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  actorEmail: string | null;

  /** `create`, `update`, `publish`, `cancel`, … */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  /** The resource name as in the API: `region`, `user`, `event`, … */
  @Column({ type: 'varchar', length: 40 })
  entity: string;

  @Column({ type: 'uuid', nullable: true })
  entityId: string | null;

  /** The tenant the change belongs to; null for national records (regions, users without one). */
  @Column({ type: 'uuid', nullable: true })
  regionId: string | null;

  /** What changed: the fields written (never secrets). */
  @Column({ type: 'jsonb' })
  changes: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
