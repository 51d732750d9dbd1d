import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TenantTable } from '../common/scope.js';
import { Speaker } from '../speakers/speaker.entity.js';
import { Event } from './event.entity.js';
import { sameRegion } from '../common/region-join.js';

/**
 * One slot of an event's programme: who speaks, on what, when. Both foreign keys include
 * region_id, so the database itself keeps a slot in its event's region and its speaker in that
 * region's registry (and Citus can co-locate the three tables).
 */
@TenantTable({ region: 'regionId', label: 'Programme slot' })
@Entity('event_speakers')
@Index('uq_event_speakers_event_order', ['eventId', 'order'], { unique: true })
@Check('ck_event_speakers_ends_after_start', 'ends_at > starts_at')
export class EventSpeaker {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_event_speakers' })
  id: string;

  /** The event's region (the distribution column, DESIGN §6). */
  @Column({ type: 'uuid' })
  regionId: string;

  @Column({ type: 'uuid' })
  eventId: string;

  /** The programme is part of the event: it goes with it. */
  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn(sameRegion('fk_event_speakers_event', 'event_id'))
  event?: Relation<Event>;

  /** The double-booking check looks up every booking of a speaker. */
  @Index('ix_event_speakers_speaker_id')
  @Column({ type: 'uuid' })
  speakerId: string;

  @ManyToOne(() => Speaker, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_event_speakers_speaker', 'speaker_id'))
  speaker?: Relation<Speaker>;

  @Column({ type: 'varchar', length: 300 })
  topic: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  /** Position in the programme, 1 first. */
  @Column({ type: 'integer' })
  order: number;
}
