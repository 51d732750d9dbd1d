import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { TenantTable } from '../common/scope.js';
import { Event } from '../events/event.entity.js';
import { Registration } from '../invitations/registration.entity.js';
import { Person } from '../people/person.entity.js';
import { sameRegion } from '../common/region-join.js';

export const CHECK_IN_METHODS = ['QR', 'MANUAL', 'OFFLINE_SYNC'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

/** How the door found the person: the ticket's QR code, the person's id, a typed NIP, or a walk-in form. */
export const IDENTIFIED_BY = ['TICKET', 'PERSON', 'NIP', 'WALK_IN'] as const;
export type IdentifiedBy = (typeof IDENTIFIED_BY)[number];

/**
 * A person's arrival at an event (DESIGN §2, §3.3): at most one per (event, person), and at most
 * one per device-made `clientCheckinId`, both unique in the database, so a repeated scan finds
 * the first record instead of making a second. Every check-in has a registration: a walk-in is
 * registered at the door, against the event's capacity.
 */
@TenantTable({ region: 'regionId', agency: 'agencyId', label: 'Check-in' })
@Entity('check_ins')
@Unique('uq_check_ins_region_id', ['regionId', 'id'])
@Unique('uq_check_ins_event_person', ['regionId', 'eventId', 'personId'])
@Unique('uq_check_ins_registration', ['regionId', 'registrationId'])
// A replayed offline scan is recognised by the id its device gave it.
@Index('uq_check_ins_event_client_id', ['regionId', 'eventId', 'clientCheckinId'], { unique: true, where: 'client_checkin_id IS NOT NULL' })
// The organizer's live counts and the attendance sheet read an event's check-ins by agency.
@Index('ix_check_ins_event_agency', ['regionId', 'eventId', 'agencyId'])
export class CheckIn {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_check_ins' })
  id: string;

  @Column({ type: 'uuid' })
  regionId: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_check_ins_event', 'event_id'))
  event?: Relation<Event>;

  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_check_ins_person', 'person_id'))
  person?: Relation<Person>;

  /** The agency of the registration: whom the person came for. */
  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_check_ins_agency', 'agency_id'))
  agency?: Relation<Agency>;

  /** The seat this check-in fills: an invited attendee's, or the walk-in registration made at the door. */
  @Column({ type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => Registration, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_check_ins_registration', 'registration_id'))
  registration?: Relation<Registration>;

  /** When the person arrived, as the scanning device saw it (offline scans are sent later). */
  @Column({ type: 'timestamptz' })
  checkedInAt: Date;

  @Column({ type: 'enum', enum: CHECK_IN_METHODS, enumName: 'check_in_method' })
  method: CheckInMethod;

  @Column({ type: 'enum', enum: IDENTIFIED_BY, enumName: 'check_in_identified_by' })
  identifiedBy: IdentifiedBy;

  @Column({ type: 'varchar', length: 100, nullable: true })
  deviceId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  clientCheckinId: string | null;

  /** When the server received it. */
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
