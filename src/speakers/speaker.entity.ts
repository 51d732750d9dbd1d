import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { Region } from '../regions/region.entity.js';
import { TenantTable } from '../common/scope.js';

/** Someone who gives talks at events ("Ketua Bawaslu Kota Pasuruan"); each region keeps its own registry. */
@TenantTable({ region: 'regionId' })
@Entity('speakers')
// Lists are per region, sorted and searched by name.
@Index('ix_speakers_region_full_name', ['regionId', 'fullName'])
// Target of the programme's composite foreign key: an event books speakers of its own region.
@Unique('uq_speakers_region_id', ['regionId', 'id'])
export class Speaker {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_speakers' })
  id: string;

  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_speakers_region' })
  region?: Relation<Region>;

  /** With academic titles as written: "Dr. H. Ahmad Fauzi, S.H., M.H." */
  @Column({ type: 'varchar', length: 200 })
  fullName: string;

  /** The position the speaker is introduced with: "Ketua Bawaslu Kota Pasuruan". */
  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organization: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
