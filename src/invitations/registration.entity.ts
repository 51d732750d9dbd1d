import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { randomCode } from '../common/codes.js';
import { TenantTable } from '../common/scope.js';
import { Event } from '../events/event.entity.js';
import { Person } from '../people/person.entity.js';
import { Invitation } from './invitation.entity.js';
import { sameRegion } from '../common/region-join.js';

/** Ticket codes: 10 Crockford characters, 50 random bits; typed at the door when a QR code will not scan. */
export const TICKET_CODE_LENGTH = 10;

/** A fresh ticket code (the unique constraint catches the rare repeat). */
export function newTicketCode(): string {
  return randomCode(TICKET_CODE_LENGTH);
}

/**
 * A seat at an event (DESIGN §2): an attendee named on a confirmed invitation, or a walk-in
 * registered at the door (`invitationId` null). Every registration counts against the event's
 * capacity: `events.registered` is changed in the same transaction by a conditional update
 * (DESIGN §3.2). The ticket code is printed as a QR code and scanned at the door.
 */
@TenantTable({ region: 'regionId', agency: 'agencyId' })
@Entity('registrations')
@Unique('uq_registrations_region_id', ['regionId', 'id'])
// A person holds at most one seat at an event.
@Unique('uq_registrations_event_person', ['regionId', 'eventId', 'personId'])
// Scanned without knowing the region; unique across all events so a code names one seat.
@Unique('uq_registrations_ticket_code', ['ticketCode'])
@Index('ix_registrations_invitation_id', ['invitationId'])
export class Registration {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_registrations' })
  id: string;

  @Column({ type: 'uuid' })
  regionId: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_registrations_event', 'event_id'))
  event?: Relation<Event>;

  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_registrations_person', 'person_id'))
  person?: Relation<Person>;

  /** The agency the person came for, as it was when they registered (their agency may change later). */
  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_registrations_agency', 'agency_id'))
  agency?: Relation<Agency>;

  /** Null for a walk-in registered at the door. */
  @Column({ type: 'uuid', nullable: true })
  invitationId: string | null;

  @ManyToOne(() => Invitation, { onDelete: 'RESTRICT' })
  @JoinColumn(sameRegion('fk_registrations_invitation', 'invitation_id'))
  invitation?: Relation<Invitation>;

  /** Sent in place of the invited head ("Kapolres diwakilkan", "Dandim diwakili Pabung"). */
  @Column({ type: 'boolean', default: false })
  delegate: boolean;

  /** Short and unguessable, in an alphabet without look-alike characters; printed as a QR code. */
  @Column({ type: 'varchar', length: 16 })
  ticketCode: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
