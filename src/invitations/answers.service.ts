import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { ConflictError, type FieldError, ValidationError } from '../common/errors.js';
import { transaction } from '../common/transaction.js';
import type { EventStatus } from '../events/event.entity.js';
import { EventsRepository } from '../events/events.repository.js';
import { PeopleService } from '../people/people.service.js';
import { type AttendeeDto, isExistingAttendee, type NewAttendeeDto, type RespondDto } from './dto/respond.dto.js';
import type { Invitation } from './invitation.entity.js';
import { newTicketCode } from './registration.entity.js';
import { assertEventScheduled } from './event-rules.js';
import { type CurrentAttendee, InvitationsRepository, type NewRegistration } from './invitations.repository.js';

/** Draws of fresh ticket codes for the few that hit an existing one (about one in 10^15 each). */
const TICKET_CODE_DRAWS = 3;

/** Who answers: a signed-in user (the agency's rep, an organizer), or the holder of the RSVP link. */
export type Answerer = { caller: Caller } | { link: true };

interface DesiredAttendee {
  personId: string;
  delegate: boolean;
}

/**
 * Answers to invitations (DESIGN §2, §3.2): confirming names the attendees, each of whom gets a
 * registration with a ticket code; declining releases them. An answer may be changed until the
 * event starts — a delegate swapped, an attendee added or removed, a confirmation withdrawn —
 * and every change releases or takes seats in the same transaction:
 *
 * 1. the invitation row is locked, so answers to one invitation queue;
 * 2. `invitations.attendees` is set by a conditional update within its seats (check constraint
 *    behind it): more attendees than seats is a 409 naming the seats;
 * 3. the event's seats are taken (or given back) by `EventsRepository.takeSeats`, one conditional
 *    update on the event row: of concurrent answers racing for the last seats, the losers get
 *    409 with the seats that remain, and nothing over-books;
 * 4. last, the event's state is read under a lock: an answer never commits once the event has
 *    started, been cancelled or completed.
 * Seats are taken late on purpose: the event row stays locked from then until commit, so the
 * work of each answer runs side by side and only the count itself queues.
 */
@Injectable()
export class AnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly events: EventsRepository,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
  ) {}

  /** `POST /invitations/:id/respond`: the agency's AGENCY_REP, or an organizer on its behalf. Returns the invitation's id. */
  respond(caller: Caller, id: string, dto: RespondDto): Promise<string> {
    return this.answer({ caller }, dto, (manager) => this.invitations.findInvitation(caller, id, manager, { lock: true }));
  }

  /** `POST /rsvp/:token` (and the RSVP page's form): whoever holds the link. Returns the invitation's id. */
  respondByLink(token: string, dto: RespondDto): Promise<string> {
    return this.answer({ link: true }, dto, (manager) => this.invitations.findInvitationByToken(token, manager, { lock: true }));
  }

  private async answer(answerer: Answerer, dto: RespondDto, lockInvitation: (manager: EntityManager) => Promise<Invitation>): Promise<string> {
    const attendees = dto.attendees ?? [];
    assertAttendeesFitAnswer(dto.status, attendees);
    const actor = 'caller' in answerer ? answerer.caller : null;
    return transaction(this.dataSource, async (manager) => {
      const invitation = await lockInvitation(manager);
      const event = invitation.event!;
      assertOpen(event.id, event.status, event.startsAt <= new Date(), event.startsAt);

      const desired = await this.resolveAttendees(manager, actor, invitation, attendees);
      const current = await this.invitations.findCurrentAttendees(manager, invitation);
      const change = diff(current, desired);
      const reason = dto.reason ?? null;
      if (change.unchanged && invitation.status === dto.status && invitation.reason === reason) return invitation.id;

      const checkedIn = change.removed.filter((attendee) => attendee.checkedIn);
      if (checkedIn.length > 0) {
        throw new ConflictError('An attendee who has checked in at the event cannot be removed from the answer', 'attendee-checked-in', {
          personIds: checkedIn.map((attendee) => attendee.personId),
        });
      }
      const answered = await this.invitations.recordAnswer(manager, invitation.id, { status: dto.status, attendees: desired.length, reason });
      if (!answered) {
        throw new ConflictError(`The invitation offers ${invitation.seats} seats; ${desired.length} attendees were named`, 'seats-exceeded', {
          seats: invitation.seats,
          errors: [{ field: 'attendees', message: `must name at most ${invitation.seats} people, the invitation's seats` }],
        });
      }
      await this.invitations.deleteRegistrations(manager, invitation, change.removed.map((attendee) => attendee.registrationId));
      await this.invitations.updateDelegates(manager, invitation, change.delegateChanged);
      await this.register(manager, invitation, change.added);
      await this.audit.record(manager, actor, {
        action: 'respond',
        entity: 'invitation',
        entityId: invitation.id,
        regionId: invitation.regionId,
        changes: {
          ...('link' in answerer ? { via: 'rsvp-link' } : {}),
          ...(invitation.status !== dto.status ? { status: { from: invitation.status, to: dto.status } } : {}),
          ...(invitation.reason !== reason ? { reason } : {}),
          ...(change.added.length > 0 ? { added: change.added } : {}),
          ...(change.removed.length > 0 ? { removed: change.removed.map(({ personId, delegate }) => ({ personId, delegate })) } : {}),
          ...(change.delegateChanged.length > 0 ? { delegateChanged: change.delegateChanged.map(({ personId, delegate }) => ({ personId, delegate })) } : {}),
        },
      });

      const seats = change.added.length - change.removed.length;
      if (seats !== 0) await this.events.takeSeats(manager, invitation.eventId, seats);
      const state = await this.invitations.lockEventState(manager, invitation.eventId);
      assertOpen(event.id, state.status, state.started, event.startsAt);
      return invitation.id;
    });
  }

  /**
   * The attendees as people of the invited agency: those named by id must be its people; those
   * named by name are found or added (PeopleService, the directory's own rules). One person named
   * twice is a 400 on the later one.
   */
  private async resolveAttendees(manager: EntityManager, actor: Caller | null, invitation: Invitation, attendees: readonly AttendeeDto[]): Promise<DesiredAttendee[]> {
    const existing = attendees.flatMap((attendee) => (isExistingAttendee(attendee) ? [attendee.personId] : []));
    const ofAgency = await this.invitations.findAgencyPeople(manager, invitation.regionId, invitation.agencyId, existing);
    const errors: FieldError[] = attendees.flatMap((attendee, index) =>
      isExistingAttendee(attendee) && !ofAgency.has(attendee.personId)
        ? [{ field: `attendees.${index}.personId`, message: `is not a person of ${invitation.agency!.name}` }]
        : [],
    );
    if (errors.length > 0) throw new ValidationError(errors);

    const newcomers = attendees.filter((attendee): attendee is NewAttendeeDto => !isExistingAttendee(attendee));
    const newIds = await this.people.ensureInAgency(
      manager,
      actor,
      invitation.agency!,
      newcomers.map((person) => ({ fullName: person.fullName, nip: person.nip ?? null, employmentType: person.employmentType, position: person.position })),
    );
    let next = 0;
    const desired = attendees.map((attendee) => ({ personId: isExistingAttendee(attendee) ? attendee.personId : newIds[next++], delegate: attendee.delegate ?? false }));

    const firstIndex = new Map<string, number>();
    desired.forEach((attendee, index) => {
      const first = firstIndex.get(attendee.personId);
      if (first === undefined) firstIndex.set(attendee.personId, index);
      else errors.push({ field: `attendees.${index}`, message: `names the same person as attendees.${first}` });
    });
    if (errors.length > 0) throw new ValidationError(errors);
    return desired;
  }

  /**
   * Registers the new attendees with fresh ticket codes. Someone who already holds a seat at the
   * event (named by another agency, or registered at the door) is a 409; a code that happens to
   * exist already is drawn again.
   */
  private async register(manager: EntityManager, invitation: Invitation, added: readonly DesiredAttendee[]): Promise<void> {
    let pending = added;
    for (let draw = 0; pending.length > 0; draw += 1) {
      const registrations: NewRegistration[] = pending.map((attendee) => ({ ...attendee, ticketCode: newTicketCode() }));
      const registered = await this.invitations.insertRegistrations(manager, invitation, registrations);
      pending = pending.filter((attendee) => !registered.has(attendee.personId));
      if (pending.length === 0) return;
      const elsewhere = await this.invitations.findRegisteredElsewhere(manager, invitation, pending.map((attendee) => attendee.personId));
      if (elsewhere.length > 0) {
        throw new ConflictError(`${elsewhere.map((person) => person.fullName).join(', ')} already ${elsewhere.length === 1 ? 'holds' : 'hold'} a seat at this event`, 'already-registered', {
          personIds: elsewhere.map((person) => person.personId),
        });
      }
      if (draw + 1 >= TICKET_CODE_DRAWS) throw new Error(`No free ticket code after ${TICKET_CODE_DRAWS} draws`);
    }
  }
}

/** CONFIRMED names at least one attendee; DECLINED names none. */
function assertAttendeesFitAnswer(status: RespondDto['status'], attendees: readonly AttendeeDto[]): void {
  if (status === 'CONFIRMED' && attendees.length === 0) {
    throw ValidationError.field('attendees', 'a confirmation names at least one attendee (the invited head, or a delegate)');
  }
  if (status === 'DECLINED' && attendees.length > 0) {
    throw ValidationError.field('attendees', 'a declined invitation names no attendees');
  }
}

/** Answers are taken while the event is SCHEDULED and has not started. */
function assertOpen(eventId: string, status: EventStatus, started: boolean, startsAt: Date): void {
  assertEventScheduled({ id: eventId, status }, 'its invitations can no longer be answered');
  if (started) {
    throw new ConflictError('The event has started: answers can no longer be given or changed', 'answers-closed', { startsAt: startsAt.toISOString() });
  }
}

interface AttendeeChange {
  added: DesiredAttendee[];
  removed: CurrentAttendee[];
  delegateChanged: Array<CurrentAttendee & { delegate: boolean }>;
  unchanged: boolean;
}

/** What an answer changes in the registrations: who is added, who removed, whose delegate flag flips. */
function diff(current: readonly CurrentAttendee[], desired: readonly DesiredAttendee[]): AttendeeChange {
  const wanted = new Map(desired.map((attendee) => [attendee.personId, attendee]));
  const held = new Map(current.map((attendee) => [attendee.personId, attendee]));
  const added = desired.filter((attendee) => !held.has(attendee.personId));
  const removed = current.filter((attendee) => !wanted.has(attendee.personId));
  const delegateChanged = current.flatMap((attendee) => {
    const next = wanted.get(attendee.personId);
    return next && next.delegate !== attendee.delegate ? [{ ...attendee, delegate: next.delegate }] : [];
  });
  return { added, removed, delegateChanged, unchanged: added.length + removed.length + delegateChanged.length === 0 };
}
