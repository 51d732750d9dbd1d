import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { ConflictError, ValidationError } from '../common/errors.js';
import { withinReach } from '../common/scope.js';
import { transaction } from '../common/transaction.js';
import { containsPattern } from '../common/sql.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Event } from '../events/event.entity.js';
import { EventsRepository } from '../events/events.repository.js';
import type { Role } from '../common/roles.js';
import {
  type Attendee,
  type Disclosure,
  type InvitationDetailResponse,
  type InvitationListPage,
  type InvitationQuery,
  type InviteAgenciesDto,
  type InviteResult,
  type RsvpResponse,
  rsvpUrl,
  shortRsvpUrl,
  toInvitationDetailResponse,
  toInvitationResponse,
  toRsvpResponse,
} from './dto/invitation.dto.js';
import { assertEventScheduled } from './event-rules.js';
import { type InvitationSchedule, invitationSchedule } from './invitation-message.js';
import type { Invitation } from './invitation.entity.js';
import { InvitationsRepository } from './invitations.repository.js';

/** The roster an RSVP link shows at most at once (`q` narrows it). */
const ROSTER_LIMIT = 200;

/** Readers who see links and ticket codes: those who write invitations, and the agency itself. */
const SEES_SECRETS: readonly Role[] = ['ADMIN', 'ORGANIZER', 'AGENCY_REP'];

/**
 * Everything a printed invitation letter needs, loaded in one go (the letter PDF is rendered from
 * this, by `GET /invitations/:id/letter.pdf` and `GET /events/:id/invitations/letters.pdf`).
 */
export interface InvitationLetter {
  invitation: Invitation;
  /** The event with its region (name and zone). */
  event: Event;
  /** Hari/tanggal, pukul and tempat, in the region's zone, in Bahasa Indonesia. */
  schedule: InvitationSchedule;
  /** The RSVP link (`PUBLIC_URL/api/v1/rsvp/<token>`). */
  rsvpUrl: string;
  /** The short link printed on the letter, as text and as a QR code (`PUBLIC_URL/r/<token>`, redirecting to rsvpUrl). */
  shortUrl: string;
  attendees: Attendee[];
}

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: InvitationsRepository,
    private readonly events: EventsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Invites agencies of the event's region, in bulk (DESIGN §4): the ids given, or every agency of
   * a category. Only a SCHEDULED event takes invitations; the event row is locked so that a
   * concurrent cancellation or completion waits (or this waits for it). Agencies already invited
   * keep their invitation as it is. Ids that are not agencies of the event's region: 400, and
   * nothing is written.
   */
  async invite(caller: Caller, eventId: string, dto: InviteAgenciesDto): Promise<InviteResult> {
    if ((dto.agencyIds === undefined) === (dto.category === undefined)) {
      throw ValidationError.field(dto.agencyIds ? 'category' : 'agencyIds', 'give either agencyIds or category (not both)');
    }
    return transaction(this.dataSource, async (manager) => {
      const event = await this.events.lockEventForWrite(caller, eventId, manager);
      assertEventScheduled(event, 'only a SCHEDULED event takes invitations');
      const rows = await this.repository.inviteAgencies(
        manager,
        { regionId: event.regionId, eventId: event.id, seats: dto.seats, addresseeTitle: dto.addresseeTitle ?? null },
        dto.agencyIds ? { agencyIds: dto.agencyIds } : { category: dto.category! },
      );
      if (dto.agencyIds) {
        const found = new Set(rows.map((row) => row.agencyId));
        const unknown = dto.agencyIds.filter((id) => !found.has(id));
        if (unknown.length > 0) throw ValidationError.field('agencyIds', `not agencies of the event's region: ${unknown.join(', ')}`);
      }
      const created = rows.filter((row) => row.created);
      if (created.length > 0) {
        await this.audit.record(manager, caller, {
          action: 'invite',
          entity: 'event',
          entityId: event.id,
          regionId: event.regionId,
          changes: { ...dto, invitationIds: created.map((row) => row.invitationId) },
        });
      }
      const entry = (row: (typeof rows)[number]) => ({ invitationId: row.invitationId, agencyId: row.agencyId, agencyName: row.agencyName });
      return { created: created.map(entry), alreadyInvited: rows.filter((row) => !row.created).map(entry) };
    });
  }

  /** The invitations of an event the caller reads (an AGENCY_REP: its own), with counts by status for follow-up. */
  async list(caller: Caller, eventId: string, query: InvitationQuery): Promise<InvitationListPage> {
    await this.events.findReadableEvent(caller, eventId);
    const qb = withinReach(this.repository.selectInvitations().where('i.event_id = :eventId', { eventId }), caller);
    if (query.q) qb.andWhere('a.name ILIKE :q', { q: containsPattern(query.q) });
    const counts = await this.repository.countByStatus(qb);
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    // limit/offset rather than take/skip: every join is many-to-one, so rows are invitations.
    const [rows, total] = await qb.orderBy('a.name').addOrderBy('i.id').limit(query.limit).offset(query.offset).getManyAndCount();
    const disclosure = this.disclosureFor(caller);
    return { items: rows.map((row) => toInvitationResponse(row, disclosure)), total, limit: query.limit, offset: query.offset, counts };
  }

  /** One invitation within reach, with its attendees. */
  async get(caller: Caller, id: string): Promise<InvitationDetailResponse> {
    const invitation = await this.repository.findInvitation(caller, id);
    return this.detail(invitation, this.disclosureFor(caller));
  }

  /**
   * What an RSVP link shows its holder: the invitation, its attendees, whether answers are still
   * taken, and the agency's people to name (`q` narrows them). The RSVP page renders the same.
   */
  async rsvp(token: string, q?: string): Promise<RsvpResponse> {
    const invitation = await this.repository.findInvitationByToken(token);
    const [attendees, roster] = await Promise.all([
      this.repository.findAttendees([invitation.id]),
      this.repository.findRoster(invitation.regionId, invitation.agencyId, q, ROSTER_LIMIT),
    ]);
    return toRsvpResponse(invitation, attendees.get(invitation.id)!, roster, this.config.publicUrl);
  }

  /** The letter of one invitation within reach; only while its event is SCHEDULED (409 otherwise). */
  async letter(caller: Caller, id: string): Promise<InvitationLetter> {
    const invitation = await this.repository.findInvitation(caller, id);
    assertEventScheduled(invitation.event!, 'its invitation letters are no longer printed');
    const attendees = await this.repository.findAttendees([id]);
    return this.toLetter(invitation, attendees.get(id)!);
  }

  /**
   * Every letter of an event, by agency name, for printing in one PDF; only while the event is
   * SCHEDULED (409 otherwise), and 409 `no-invitations` while it has none.
   */
  async letters(caller: Caller, eventId: string): Promise<{ event: Event; letters: InvitationLetter[] }> {
    const event = await this.events.findReadableEvent(caller, eventId);
    assertEventScheduled(event, 'its invitation letters are no longer printed');
    const invitations = await withinReach(this.repository.selectInvitations().where('i.event_id = :eventId', { eventId }), caller)
      .orderBy('a.name')
      .addOrderBy('i.id')
      .getMany();
    if (invitations.length === 0) throw new ConflictError(`Event ${eventId} has no invitations yet: there is no letter to print`, 'no-invitations');
    const attendees = await this.repository.findAttendees(invitations.map((invitation) => invitation.id));
    return { event, letters: invitations.map((invitation) => this.toLetter(invitation, attendees.get(invitation.id)!)) };
  }

  private toLetter(invitation: Invitation, attendees: Attendee[]): InvitationLetter {
    const event = invitation.event!;
    return {
      invitation,
      event,
      schedule: invitationSchedule({ ...event, timezone: event.region!.timezone }),
      rsvpUrl: rsvpUrl(this.config.publicUrl, invitation.token),
      shortUrl: shortRsvpUrl(this.config.publicUrl, invitation.token),
      attendees,
    };
  }

  private async detail(invitation: Invitation, disclosure: Disclosure): Promise<InvitationDetailResponse> {
    const attendees = await this.repository.findAttendees([invitation.id]);
    return toInvitationDetailResponse(invitation, attendees.get(invitation.id)!, disclosure);
  }

  private disclosureFor(caller: Caller): Disclosure {
    return { publicUrl: this.config.publicUrl, secrets: SEES_SECRETS.includes(caller.role) };
  }
}
