import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { ROLES, type Role } from '../common/roles.js';
import { Region } from '../regions/region.entity.js';
import { TenantTable } from '../common/scope.js';


@TenantTable({ region: 'regionId', agency: 'agencyId' })
@Entity('users')
// The binding each role needs is enforced by the database too, not only by the service.
@Check(
  'ck_users_role_binding',
  `(role = 'ADMIN' AND region_id IS NULL AND agency_id IS NULL)
   OR (role IN ('ORGANIZER', 'VIEWER', 'CHECKIN') AND region_id IS NOT NULL AND agency_id IS NULL)
   OR (role = 'AGENCY_REP' AND region_id IS NOT NULL AND agency_id IS NOT NULL)`,
)
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_users' })
  id: string;

  /** Stored lower-cased, so the unique index is case-insensitive in effect. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  fullName: string;

  /** argon2id hash; never leaves the service. */
  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role' })
  role: Role;

  @Index('ix_users_region_id')
  @Column({ type: 'uuid', nullable: true })
  regionId: string | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_users_region' })
  region?: Relation<Region>;

  @Index('ix_users_agency_id')
  @Column({ type: 'uuid', nullable: true })
  agencyId: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'fk_users_agency' })
  agency?: Relation<Agency>;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * Raised when the password changes or the account is deactivated. An access token carries the
   * version it was issued at and the guard accepts only the current one, so earlier tokens stop
   * working for good (also after a reactivation).
   */
  @Column({ type: 'integer', default: 0, select: false })
  tokenVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
