import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Agency, Headcount } from '../agencies/agency.entity.js';
import { TenantTable } from '../common/scope.js';
import { Event } from '../events/event.entity.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { sameRegion } from '../common/region-join.js';

/**
 * An agency relaying the material to its own staff (DESIGN §2 Cascade session: "menyampaikan
 * kepada semua ASN di dinas masing-masing"). Its `reached` counts add to the agency's coverage
 * (DESIGN §5), never above its headcount.
 */
@TenantTable({ region: 'regionId', agency: 'agencyId' })
@Entity('cascades')
@Unique('uq_cascades_region_id', ['regionId', 'id'])
@Index('ix_cascades_agency_held_on', ['regionId', 'agencyId', 'heldOn'])
@Check('ck_cascades_reached', 'reached_pns >= 0 AND reached_pppk >= 0 AND reached_non_asn >= 0')
export class Cascade {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_cascades' })
  id: string;

  @Column({ type: 'uuid' })
  regionId: string;

  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_cascades_agency', 'agency_id'))
  agency?: Relation<Agency>;

  /** The event whose material was relayed, when there was one. */
  @Column({ type: 'uuid', nullable: true })
  sourceEventId: string | null;

  @ManyToOne(() => Event, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_cascades_source_event', 'source_event_id'))
  sourceEvent?: Relation<Event>;

  /** `yyyy-mm-dd` */
  @Column({ type: 'date' })
  heldOn: string;

  /** Staff reached by type; stored as reached_pns, reached_pppk, reached_non_asn. */
  @Column(() => Headcount, { prefix: 'reached' })
  reached: Headcount;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes: string | null;

  /** A photo or the internal attendance list (PDF, PNG or JPEG). */
  @Column({ type: 'uuid', nullable: true })
  evidenceFileId: string | null;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_cascades_evidence', 'evidence_file_id'))
  evidenceFile?: Relation<StoredFile>;

  /** Who recorded it (an AGENCY_REP or an organizer); null once that user is gone. */
  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
