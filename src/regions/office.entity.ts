import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { TenantTable } from '../common/scope.js';
import { Region } from './region.entity.js';

/**
 * The Kesbangpol office of a region: the letterhead (kop surat) and the signatory that the
 * region's letters, attendance sheets, certificates and reports print. At most one per region,
 * keyed by the region itself, so the key is already the tenant's distribution column (SCALING.md).
 */
// Read through the region it belongs to (findInReach on Region), then by region_id.
@TenantTable({ region: 'regionId', label: 'Office' })
@Entity('region_offices')
export class RegionOffice {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_region_offices' })
  regionId: string;

  @OneToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_region_offices_region' })
  region?: Relation<Region>;

  /** The first line of the letterhead: "PEMERINTAH KOTA BATU". */
  @Column({ type: 'varchar', length: 200 })
  government: string;

  /** "BADAN KESATUAN BANGSA DAN POLITIK"; printed in capitals whatever the case stored. */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 300 })
  address: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  website: string | null;

  /** Where documents are signed: "Batu" in "Batu, 21 Oktober 2024". */
  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ type: 'varchar', length: 200 })
  signatoryName: string;

  /** "Kepala Bakesbangpol Kota Batu". */
  @Column({ type: 'varchar', length: 200 })
  signatoryPosition: string;

  /** Pangkat/golongan: "Pembina Tingkat I (IV/b)". */
  @Column({ type: 'varchar', length: 100, nullable: true })
  signatoryRank: string | null;

  /** 18 digits, stored without the spaces a letter prints them with. */
  @Column({ type: 'varchar', length: 18, nullable: true })
  signatoryNip: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
