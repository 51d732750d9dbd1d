import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { TenantTable } from '../common/scope.js';
import { EMPLOYMENT_TYPES, type EmploymentType } from './nip.js';
import { sameRegion } from '../common/region-join.js';

/**
 * A civil servant, honorer or guest on a region's roster. Three indexes are created in the
 * migration because TypeORM cannot describe them (expressions, an operator class):
 * - `uq_people_region_nip`: unique (region_id, nip text_pattern_ops) WHERE nip IS NOT NULL —
 *   a NIP is unique within the region, it is the key of the CSV upsert, and the operator class
 *   lets the same index serve NIP-prefix search (`LIKE '198503%'`) under any collation;
 * - `ix_people_region_name` (region_id, lower(full_name)) and `ix_people_agency_name`
 *   (agency_id, lower(full_name)): lists in name order, and the import's match of people
 *   without a NIP by agency and name.
 */
@TenantTable({ region: 'regionId', agency: 'agencyId' })
@Entity('people')
@Index('uq_people_region_nip', { synchronize: false })
@Index('ix_people_region_name', { synchronize: false })
@Index('ix_people_agency_name', { synchronize: false })
// (region_id, id) INCLUDE (employment_type): the coverage report's probe per check-in, index-only (migration CoverageIndexes).
@Index('ix_people_region_id_type', { synchronize: false })
// Target of composite foreign keys (registrations, check-ins, pledges): they stay in the person's region.
@Unique('uq_people_region_id', ['regionId', 'id'])
export class Person {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_people' })
  id: string;

  /** Always the agency's region (the foreign key below includes it). */
  @Column({ type: 'uuid' })
  regionId: string;

  /** With academic titles as written: "Drs. H. Ahmad Fauzi, M.Si." */
  @Column({ type: 'varchar', length: 200 })
  fullName: string;

  /** 18 digits; null for non-ASN staff and external guests without one. */
  @Column({ type: 'varchar', length: 18, nullable: true })
  nip: string | null;

  @Column({ type: 'enum', enum: EMPLOYMENT_TYPES, enumName: 'employment_type' })
  employmentType: EmploymentType;

  /** Jabatan: "Kepala Bidang Politik Dalam Negeri". */
  @Column({ type: 'varchar', length: 200, nullable: true })
  position: string | null;

  @Column({ type: 'uuid' })
  agencyId: string;

  /** Keyed on (region_id, agency_id), so a person can never sit in another region's agency. */
  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_people_agency', 'agency_id'))
  agency?: Relation<Agency>;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
