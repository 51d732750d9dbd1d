import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { CheckIn } from '../check-ins/check-in.entity.js';
import { TenantTable } from '../common/scope.js';
import { Event } from '../events/event.entity.js';
import { Person } from '../people/person.entity.js';
import { PledgeTemplate } from './pledge-template.entity.js';
import { sameRegion } from '../common/region-join.js';

export const PLEDGE_CAPACITIES = ['SELF', 'ON_BEHALF_OF_AGENCY'] as const;
export type PledgeCapacity = (typeof PLEDGE_CAPACITIES)[number];

/**
 * A signed neutrality pledge (DESIGN §2, §3.4). Append-only: a trigger refuses UPDATE, DELETE
 * and TRUNCATE. Each region keeps one hash chain: `chainSeq` numbers the region's pledges
 * 1, 2, 3… and `hash = sha256(prevHash + canonical JSON of the signed fields + the template's
 * text hash)`, appended under a per-region lock. The unique (region_id, chain_seq) makes a
 * forked chain impossible even if the lock were forgotten.
 *
 * One pledge per person per template per event: `uq_pledges_person_template_event` is unique
 * NULLS NOT DISTINCT (once outside any event, too), created in the migration.
 */
@TenantTable({ region: 'regionId', agency: 'agencyId' })
@Entity('pledges')
@Unique('uq_pledges_region_id', ['regionId', 'id'])
@Unique('uq_pledges_region_chain_seq', ['regionId', 'chainSeq'])
@Unique('uq_pledges_verification_code', ['verificationCode'])
@Index('uq_pledges_person_template_event', { synchronize: false })
@Index('ix_pledges_event_agency', ['regionId', 'eventId', 'agencyId'])
export class Pledge {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_pledges' })
  id: string;

  @Column({ type: 'uuid' })
  regionId: string;

  /** Position in the region's chain, from 1. */
  @Column({ type: 'integer' })
  chainSeq: number;

  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  @ManyToOne(() => Event, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_pledges_event', 'event_id'))
  event?: Relation<Event>;

  @Column({ type: 'uuid' })
  templateId: string;

  @ManyToOne(() => PledgeTemplate, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id', foreignKeyConstraintName: 'fk_pledges_template' })
  template?: Relation<PledgeTemplate>;

  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_pledges_person', 'person_id'))
  person?: Relation<Person>;

  /** The signer's agency at signing. */
  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_pledges_agency', 'agency_id'))
  agency?: Relation<Agency>;

  @Column({ type: 'enum', enum: PLEDGE_CAPACITIES, enumName: 'pledge_capacity' })
  capacity: PledgeCapacity;

  /** A SELF pledge at an event is signed by someone checked in there. */
  @Column({ type: 'uuid', nullable: true })
  checkInId: string | null;

  @ManyToOne(() => CheckIn, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_pledges_check_in', 'check_in_id'))
  checkIn?: Relation<CheckIn>;

  /** The name as typed by the signer. */
  @Column({ type: 'varchar', length: 200 })
  signatureName: string;

  /** SHA-256 of the drawn signature (a PNG kept in signature_images), when one was drawn. */
  @Column({ type: 'char', length: 64, nullable: true })
  signatureImageSha256: string | null;

  @Column({ type: 'timestamptz' })
  signedAt: Date;

  /** Short, unguessable, printed under the certificate's QR code. */
  @Column({ type: 'varchar', length: 16 })
  verificationCode: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  /** The hash of the region's previous pledge; 64 zeros for the first. */
  @Column({ type: 'char', length: 64 })
  prevHash: string;
}
