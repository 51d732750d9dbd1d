import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { TenantTable } from '../common/scope.js';

export const REGION_LEVELS = ['PROVINCE', 'REGENCY', 'CITY'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** The four IANA zones used in Indonesia: WIB (Jakarta, Pontianak), WITA (Makassar), WIT (Jayapura). */
export const INDONESIAN_TIMEZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type IndonesianTimezone = (typeof INDONESIAN_TIMEZONES)[number];

/** A province, regency or city (reference data: replicated to every node under Citus). */
// A region's own row is reached like the rows it holds: by the region ids in the caller's reach.
@TenantTable({ region: 'id' })
@Entity('regions')
export class Region {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_regions' })
  id: string;

  @Index('uq_regions_code', { unique: true })
  @Column({ type: 'varchar', length: 13 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: REGION_LEVELS, enumName: 'region_level' })
  level: RegionLevel;

  @Index('ix_regions_parent_id')
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_regions_parent' })
  parent?: Relation<Region>;

  @Column({ type: 'varchar', length: 40 })
  timezone: IndonesianTimezone;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
