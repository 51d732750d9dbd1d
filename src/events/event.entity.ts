import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { Election } from '../elections/election.entity.js';
import { Region } from '../regions/region.entity.js';
import { TenantTable } from '../common/scope.js';

export const EVENT_TYPES = ['SOSIALISASI', 'RAKOR', 'APEL_IKRAR', 'BIMTEK'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_STATUSES = ['DRAFT', 'SCHEDULED', 'COMPLETED', 'CANCELLED'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** An outreach event: sosialisasi, rapat koordinasi, apel ikrar or bimbingan teknis. */
@TenantTable({ region: 'regionId' })
@Entity('events')
// Lists and calendars read a region's events by start; the speaker overlap check reads ranges.
@Index('ix_events_region_starts_at', ['regionId', 'startsAt'])
// The target of composite foreign keys (the programme, and later invitations, registrations) that
// pin a row to its event's region in the database itself; under Citus it co-locates them by region_id.
@Unique('uq_events_region_id', ['regionId', 'id'])
@Check('ck_events_ends_after_start', 'ends_at > starts_at')
@Check('ck_events_capacity', 'capacity >= 1')
// The seat count of DESIGN §3.2, held by the database: a registration that would over-book fails here.
@Check('ck_events_registered_within_capacity', 'registered >= 0 AND registered <= capacity')
// A cancelled event always says when; no other status carries a cancellation.
@Check('ck_events_cancellation', "(status = 'CANCELLED') = (cancelled_at IS NOT NULL)")
export class Event {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_events' })
  id: string;

  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_events_region' })
  region?: Relation<Region>;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'enum', enum: EVENT_TYPES, enumName: 'event_type' })
  type: EventType;

  /** UPPER_SNAKE codes: NETRALITAS_ASN, ANTI_RADIKALISME, PENGAWASAN_PARTISIPATIF, … */
  @Column({ type: 'varchar', length: 60, array: true })
  topics: string[];

  @Index('ix_events_election_id')
  @Column({ type: 'uuid', nullable: true })
  electionId: string | null;

  @ManyToOne(() => Election, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'election_id', foreignKeyConstraintName: 'fk_events_election' })
  election?: Relation<Election>;

  /** Free text: "Bakesbangpol Kota Batu", "Bawaslu Kota Pasuruan". */
  @Column({ type: 'varchar', length: 200, nullable: true })
  organizer: string | null;

  @Column({ type: 'varchar', length: 200 })
  venueName: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  venueAddress: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'integer' })
  capacity: number;

  /**
   * Registrations of the event (invited attendees and walk-ins), changed in the same transaction
   * as they are, by a conditional update that never passes `capacity`.
   */
  @Column({ type: 'integer', default: 0 })
  registered: number;

  /** Nomor surat of the invitation letter, free text. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  letterNumber: string | null;

  @Column({ type: 'enum', enum: EVENT_STATUSES, enumName: 'event_status', default: 'DRAFT' })
  status: EventStatus;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancellationReason: string | null;

  /**
   * Raised by every change (fields, status, programme). Calendar files carry it as SEQUENCE:
   * clients that imported an event apply an update only when the sequence grows.
   */
  @Column({ type: 'integer', default: 0 })
  revision: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
