import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { Region } from '../regions/region.entity.js';
import { TenantTable } from '../common/scope.js';
import { sameRegion } from '../common/region-join.js';

export const AGENCY_CATEGORIES = ['OPD', 'KECAMATAN', 'KELURAHAN', 'DESA', 'SCHOOL', 'VERTICAL', 'ELECTION_BODY', 'BUMD', 'OTHER'] as const;
export type AgencyCategory = (typeof AGENCY_CATEGORIES)[number];

/** Staff of an agency by employment type: the denominator of coverage (DESIGN §5). */
export class Headcount {
  @Column({ type: 'integer', default: 0 })
  pns: number;

  @Column({ type: 'integer', default: 0 })
  pppk: number;

  @Column({ type: 'integer', default: 0 })
  nonAsn: number;
}

/** The headcount of an agency whose staff has not been counted yet. */
export const NO_HEADCOUNT: Readonly<Headcount> = { pns: 0, pppk: 0, nonAsn: 0 };

/**
 * An OPD, kecamatan, school, vertical office or election body on a region's list.
 * The name is unique within the region, case-insensitively: `uq_agencies_region_name` is an
 * expression index on (region_id, lower(name)), created in the migration (TypeORM cannot
 * describe one), and it is the key of the CSV upsert.
 */
@TenantTable({ region: 'regionId', agency: 'id' })
@Entity('agencies')
@Index('uq_agencies_region_name', { synchronize: false })
// The target of composite foreign keys (people, parent agency) that pin a row to its agency's
// region in the database itself; under Citus it also co-locates them by region_id.
@Unique('uq_agencies_region_id', ['regionId', 'id'])
@Check('ck_agencies_headcount', 'headcount_pns >= 0 AND headcount_pppk >= 0 AND headcount_non_asn >= 0')
@Check('ck_agencies_not_own_parent', 'parent_agency_id <> id')
export class Agency {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agencies' })
  id: string;

  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_agencies_region' })
  region?: Relation<Region>;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  shortName: string | null;

  @Column({ type: 'enum', enum: AGENCY_CATEGORIES, enumName: 'agency_category' })
  category: AgencyCategory;

  /** "Kepala Dinas", "Camat", "Kepala Sekolah": how invitations address the head. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  headTitle: string | null;

  @Column({ type: 'uuid', nullable: true })
  parentAgencyId: string | null;

  /** Keyed on (region_id, parent_agency_id): a parent is always in the same region. */
  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_agencies_parent', 'parent_agency_id'))
  parentAgency?: Relation<Agency>;

  /** Stored as headcount_pns, headcount_pppk, headcount_non_asn. */
  @Column(() => Headcount, { prefix: 'headcount' })
  headcount: Headcount;

  /** `yyyy-mm-dd`; the date the headcount was taken. */
  @Column({ type: 'date', nullable: true })
  headcountAsOf: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
