import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { TenantTable } from '../common/scope.js';
import { Event } from '../events/event.entity.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { Person } from '../people/person.entity.js';
import { sameRegion } from '../common/region-join.js';

export const INVITATION_STATUSES = ['PENDING', 'CONFIRMED', 'DECLINED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * An agency invited to an event (DESIGN §2). Kesbangpol invites a position ("Kepala Dinas
 * Pendidikan") with a number of seats; the agency answers who comes. Each attendee is a
 * registration of this invitation, and `attendees` counts them: the check constraint keeps
 * attendees ≤ seats in the database itself, whatever the order of concurrent answers
 * (DESIGN §3.2).
 */
@TenantTable({ region: 'regionId', agency: 'agencyId' })
@Entity('invitations')
// Target of composite foreign keys (registrations): an attendee is in the invitation's region.
@Unique('uq_invitations_region_id', ['regionId', 'id'])
// One invitation per (event, agency); it leads with region_id, as Citus requires of unique keys.
@Unique('uq_invitations_event_agency', ['regionId', 'eventId', 'agencyId'])
// The RSVP link's secret, looked up without knowing the region.
@Unique('uq_invitations_token', ['token'])
@Index('ix_invitations_event_status', ['regionId', 'eventId', 'status'])
@Check('ck_invitations_seats', 'seats >= 1')
@Check('ck_invitations_attendees_within_seats', 'attendees >= 0 AND attendees <= seats')
// Only a confirmed invitation names attendees.
@Check('ck_invitations_attendees_confirmed', "status = 'CONFIRMED' OR attendees = 0")
@Check('ck_invitations_answered', "(status = 'PENDING') = (responded_at IS NULL)")
export class Invitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_invitations' })
  id: string;

  /** The event's region (the distribution column, DESIGN §6). */
  @Column({ type: 'uuid' })
  regionId: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_invitations_event', 'event_id'))
  event?: Relation<Event>;

  @Index('ix_invitations_agency_id')
  @Column({ type: 'uuid' })
  agencyId: string;

  /** An agency of the event's own region list. */
  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_invitations_agency', 'agency_id'))
  agency?: Relation<Agency>;

  /** "Kepala Dinas Pendidikan", "Kapolres": whom the letter addresses (default: the agency's headTitle). */
  @Column({ type: 'varchar', length: 200 })
  addresseeTitle: string;

  /** The invited head, when the roster knows them: attending in person, not by delegate. */
  @Column({ type: 'uuid', nullable: true })
  addresseePersonId: string | null;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_invitations_addressee', 'addressee_person_id'))
  addresseePerson?: Relation<Person>;

  /** How many people the agency may send. */
  @Column({ type: 'integer' })
  seats: number;

  /** Registrations of this invitation: changed in the same transaction as they are. */
  @Column({ type: 'integer', default: 0 })
  attendees: number;

  @Column({ type: 'enum', enum: INVITATION_STATUSES, enumName: 'invitation_status', default: 'PENDING' })
  status: InvitationStatus;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  /** Why the agency declined, or a remark with its answer. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  /** The secret of the RSVP link printed on the letter: unguessable, never listed for other agencies. */
  @Column({ type: 'varchar', length: 64 })
  token: string;

  /** The delegate's surat tugas, when one was uploaded. */
  @Column({ type: 'uuid', nullable: true })
  assignmentLetterId: string | null;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_invitations_assignment_letter', 'assignment_letter_id'))
  assignmentLetter?: Relation<StoredFile>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
