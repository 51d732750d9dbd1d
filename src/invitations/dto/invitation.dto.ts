import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { AGENCY_CATEGORIES, type AgencyCategory } from '../../agencies/agency.entity.js';
import { PageQuery, type Page, SearchText } from '../../common/pagination.js';
import { API_PREFIX } from '../../config/config.js';
import { Trim } from '../../common/validation.js';
import { toLocalIso } from '../../documents/indonesian-time.js';
import { EVENT_STATUSES, type EventStatus } from '../../events/event.entity.js';
import type { StoredFile } from '../../files/stored-file.entity.js';
import { EMPLOYMENT_TYPES, type EmploymentType } from '../../people/nip.js';
import { INDONESIAN_TIMEZONES, type IndonesianTimezone } from '../../regions/region.entity.js';
import { invitationMessage, whatsappUrl } from '../invitation-message.js';
import { INVITATION_STATUSES, type Invitation, type InvitationStatus } from '../invitation.entity.js';
import { MAX_SEATS } from './respond.dto.js';

/** A region's whole list, at most; far beyond any bulk a letter run needs. */
const MAX_AGENCY_IDS = 5000;

/** `POST /events/:id/invitations`: the agencies named, or every agency of a category of the event's region. */
export class InviteAgenciesDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Agencies of the event’s region; give these or `category`', maxItems: MAX_AGENCY_IDS })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'agencyIds must name at least one agency' })
  @ArrayMaxSize(MAX_AGENCY_IDS)
  @ArrayUnique({ message: 'agencyIds must not repeat an agency' })
  @IsUUID('all', { each: true, message: 'each of agencyIds must be a UUID' })
  agencyIds?: string[];

  @ApiPropertyOptional({ enum: AGENCY_CATEGORIES, description: 'Every agency of this category in the event’s region (all OPD, all schools…); give this or `agencyIds`' })
  @IsOptional()
  @IsIn(AGENCY_CATEGORIES, { message: `category must be one of ${AGENCY_CATEGORIES.join(', ')}` })
  category?: AgencyCategory;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_SEATS, example: 3, description: 'How many people each agency may send' })
  @IsInt({ message: 'seats must be a whole number' })
  @Min(1)
  @Max(MAX_SEATS)
  seats: number;

  @ApiPropertyOptional({ example: 'Kepala Dinas Pendidikan', description: 'Whom the letters address; by default each agency’s headTitle' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  addresseeTitle?: string;
}

export class InvitationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES, { message: `status must be one of ${INVITATION_STATUSES.join(', ')}` })
  status?: InvitationStatus;

  @SearchText('Part of the agency’s name')
  q?: string;
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export class InvitedAgency {
  @ApiProperty({ format: 'uuid' }) invitationId: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyName: string;
}

export class InviteResult {
  @ApiProperty({ type: [InvitedAgency], description: 'Invited now' }) created: InvitedAgency[];
  @ApiProperty({ type: [InvitedAgency], description: 'Invited before: left as they were (seats, addressee and answer unchanged)' }) alreadyInvited: InvitedAgency[];
}

export class AssignmentLetterResponse {
  @ApiProperty({ enum: ['application/pdf', 'image/png', 'image/jpeg'] }) mediaType: string;
  @ApiProperty({ type: 'integer' }) byteSize: number;
  @ApiProperty({ description: 'Hex SHA-256 of the bytes' }) sha256: string;
  @ApiProperty({ nullable: true, type: String }) originalName: string | null;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

export class InvitationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ enum: AGENCY_CATEGORIES }) agencyCategory: AgencyCategory;
  @ApiProperty({ example: 'Kepala Dinas Pendidikan' }) addresseeTitle: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) addresseePersonId: string | null;
  @ApiProperty({ type: 'integer', description: 'How many people the agency may send' }) seats: number;
  @ApiProperty({ type: 'integer', description: 'How many it has named (registrations of this invitation)' }) attendeeCount: number;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) respondedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: AssignmentLetterResponse, nullable: true, description: 'The delegate’s surat tugas, when uploaded' })
  assignmentLetter: AssignmentLetterResponse | null;
  @ApiProperty({ nullable: true, type: String, description: 'The RSVP link printed on the letter; for organizers and the agency only (null for VIEWER)' }) rsvpUrl: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'https://wa.me/?text=… with the invitation in Bahasa Indonesia and the RSVP link; like rsvpUrl' }) whatsappUrl: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class InvitationCounts {
  @ApiProperty({ type: 'integer' }) PENDING: number;
  @ApiProperty({ type: 'integer' }) CONFIRMED: number;
  @ApiProperty({ type: 'integer' }) DECLINED: number;
}

export class InvitationPage {
  @ApiProperty({ type: [InvitationResponse] }) items: InvitationResponse[];
  @ApiProperty({ type: 'integer', description: 'Items matching the query, over all pages' }) total: number;
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ type: 'integer' }) offset: number;
  @ApiProperty({ type: InvitationCounts, description: 'All invitations of the event within reach, by status, whatever the filter' }) counts: InvitationCounts;
}

export class AttendeePerson {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) nip: string | null;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
  @ApiProperty({ enum: EMPLOYMENT_TYPES }) employmentType: EmploymentType;
}

export class AttendeeResponse {
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ type: AttendeePerson }) person: AttendeePerson;
  @ApiProperty({ description: 'Sent in place of the invited head' }) delegate: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Printed as a QR code; null for VIEWER' }) ticketCode: string | null;
  @ApiProperty({ description: 'Checked in at the event' }) checkedIn: boolean;
}

export class InvitationEventSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: EVENT_STATUSES }) status: EventStatus;
  @ApiProperty({ nullable: true, type: String }) organizer: string | null;
  @ApiProperty() venueName: string;
  @ApiProperty({ nullable: true, type: String }) venueAddress: string | null;
  @ApiProperty({ enum: INDONESIAN_TIMEZONES }) timezone: IndonesianTimezone;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) startsAt: string;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) endsAt: string;
  @ApiProperty({ format: 'date-time', example: '2024-10-29T13:00:00+07:00', description: "In the region's zone" }) startsAtLocal: string;
  @ApiProperty({ format: 'date-time', example: '2024-10-29T16:00:00+07:00', description: "In the region's zone" }) endsAtLocal: string;
}

export class InvitationDetailResponse extends InvitationResponse {
  @ApiProperty({ type: InvitationEventSummary }) event: InvitationEventSummary;
  @ApiProperty({ type: [AttendeeResponse], description: 'Who the agency named, by name' }) attendees: AttendeeResponse[];
}

export class RosterPerson {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
  @ApiProperty({ enum: EMPLOYMENT_TYPES }) employmentType: EmploymentType;
}

/** What the holder of an RSVP link sees: the invitation, and whom of the agency they can name. */
export class RsvpResponse extends InvitationDetailResponse {
  @ApiProperty({ description: 'Answers are accepted (and may still be changed) until the event starts' }) open: boolean;
  @ApiProperty({ type: [RosterPerson], description: 'People of the agency to name as attendees (by name; `q` narrows, at most 200)' }) roster: RosterPerson[];
  @ApiProperty({ type: 'integer', description: 'People of the agency matching `q`' }) rosterTotal: number;
}

export class RsvpQuery {
  @SearchText('Narrows the roster: part of a name, or the start of a NIP (digits)')
  q?: string;
}

// ---------------------------------------------------------------------------------------------
// Mapping
// ---------------------------------------------------------------------------------------------

/** An attendee as read with their person and check-in. */
export interface Attendee {
  registrationId: string;
  personId: string;
  fullName: string;
  nip: string | null;
  position: string | null;
  employmentType: EmploymentType;
  delegate: boolean;
  ticketCode: string;
  checkedIn: boolean;
}

/**
 * What a reader sees beyond the facts. The RSVP link (and the WhatsApp message carrying it) and
 * ticket codes let their holder answer or enter: organizers, the agency and the link's holder see
 * them; a VIEWER (the mayor's office, following up) does not.
 */
export interface Disclosure {
  publicUrl: string;
  secrets: boolean;
}

/** The link printed on the letter and sent over WhatsApp. */
export function rsvpUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/${API_PREFIX}/rsvp/${token}`;
}

/**
 * The short form of the RSVP link, printed on letters (a shorter QR code, easier to type): a
 * root path that redirects to rsvpUrl.
 */
export function shortRsvpUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/r/${token}`;
}

/** `invitation` comes with its agency, its event and the event's region, and its assignment letter (or null). */
export function toInvitationResponse(invitation: Invitation, disclosure: Disclosure): InvitationResponse {
  const event = invitation.event!;
  const agency = invitation.agency!;
  const link = disclosure.secrets ? rsvpUrl(disclosure.publicUrl, invitation.token) : null;
  return {
    id: invitation.id,
    regionId: invitation.regionId,
    eventId: invitation.eventId,
    agencyId: invitation.agencyId,
    agencyName: agency.name,
    agencyCategory: agency.category,
    addresseeTitle: invitation.addresseeTitle,
    addresseePersonId: invitation.addresseePersonId,
    seats: invitation.seats,
    attendeeCount: invitation.attendees,
    status: invitation.status,
    respondedAt: invitation.respondedAt?.toISOString() ?? null,
    reason: invitation.reason,
    assignmentLetter: invitation.assignmentLetter ? toAssignmentLetterResponse(invitation.assignmentLetter) : null,
    rsvpUrl: link,
    whatsappUrl: link
      ? whatsappUrl(
          invitationMessage({
            addresseeTitle: invitation.addresseeTitle,
            agencyName: agency.name,
            seats: invitation.seats,
            rsvpUrl: link,
            event: { ...event, timezone: event.region!.timezone },
          }),
        )
      : null,
    createdAt: invitation.createdAt.toISOString(),
    updatedAt: invitation.updatedAt.toISOString(),
  };
}

export function toInvitationDetailResponse(invitation: Invitation, attendees: readonly Attendee[], disclosure: Disclosure): InvitationDetailResponse {
  const event = invitation.event!;
  const timezone = event.region!.timezone;
  return {
    ...toInvitationResponse(invitation, disclosure),
    event: {
      id: event.id,
      title: event.title,
      status: event.status,
      organizer: event.organizer,
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      timezone,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      startsAtLocal: toLocalIso(event.startsAt, timezone),
      endsAtLocal: toLocalIso(event.endsAt, timezone),
    },
    attendees: attendees.map((attendee) => ({
      registrationId: attendee.registrationId,
      person: {
        id: attendee.personId,
        fullName: attendee.fullName,
        nip: attendee.nip,
        position: attendee.position,
        employmentType: attendee.employmentType,
      },
      delegate: attendee.delegate,
      ticketCode: disclosure.secrets ? attendee.ticketCode : null,
      checkedIn: attendee.checkedIn,
    })),
  };
}

export function toRsvpResponse(
  invitation: Invitation,
  attendees: readonly Attendee[],
  roster: { people: readonly RosterPerson[]; total: number },
  publicUrl: string,
  now = new Date(),
): RsvpResponse {
  return {
    ...toInvitationDetailResponse(invitation, attendees, { publicUrl, secrets: true }),
    open: invitation.event!.status === 'SCHEDULED' && now < invitation.event!.startsAt,
    roster: [...roster.people],
    rosterTotal: roster.total,
  };
}

export function toAssignmentLetterResponse(file: StoredFile): AssignmentLetterResponse {
  return { mediaType: file.mediaType, byteSize: file.byteSize, sha256: file.sha256, originalName: file.originalName, uploadedAt: file.createdAt.toISOString() };
}

export type InvitationListPage = Page<InvitationResponse> & { counts: InvitationCounts };
