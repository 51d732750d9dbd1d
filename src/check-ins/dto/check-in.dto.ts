import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ValidationError, type FieldError } from '../../common/errors.js';
import { INSTANT_EXAMPLE, IsInstant } from '../../common/instants.js';
import { PageQuery } from '../../common/pagination.js';
import { Trim } from '../../common/validation.js';
import { toLocalIso } from '../../documents/indonesian-time.js';
import { PersonFields } from '../../people/dto/person.dto.js';
import { normalizeNip } from '../../people/nip.js';
import type { IndonesianTimezone } from '../../regions/region.entity.js';
import { CHECK_IN_METHODS, type CheckInMethod, IDENTIFIED_BY, type IdentifiedBy } from '../check-in.entity.js';

/** Most a device may send at once; a hall of 500 fits twice over. */
export const MAX_BATCH_ITEMS = 1000;

/** Ids devices give their scans: a UUID, or "batu-pintu-2-000117". */
const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const CLIENT_ID_MESSAGE = 'clientCheckinId must be 1–100 letters, digits, dots, colons, dashes or underscores';
const NIP_MESSAGE = 'nip must be 18 digits';

/** Digits only ("19850312 201001 1 003" → 18 digits), as people type it. */
const toNip = ({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeNip(value) : value);

/** Someone who came without being named on an invitation: registered at the door, against the capacity. */
export class WalkInDto extends PickType(PersonFields, ['fullName', 'nip', 'employmentType'] as const) {
  @ApiProperty({ example: 'Staf Dinas Pariwisata', description: 'Jabatan, as printed on the attendance sheet' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  position: string;

  @ApiProperty({ format: 'uuid', description: "The agency the person came for: one of the event's region" })
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId: string;
}

/** `ticketCode`, `personId`, `nip`: the ways a scan names the person (see identifierOf). */
class ScanIdentifierFields {
  @ApiPropertyOptional({ example: '7KQ2M9XD4P', description: 'The code of the QR ticket; typed codes may use any case, spaces or dashes' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  ticketCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A registered person, found with the door lookup' })
  @IsOptional()
  @IsUUID('all', { message: 'personId must be a UUID' })
  personId?: string;

  @ApiPropertyOptional({ example: '198503122010011003', description: 'The NIP of a registered person (spaces are ignored)' })
  @IsOptional()
  @Transform(toNip)
  @IsString({ message: NIP_MESSAGE })
  @Matches(/^\d{18}$/, { message: NIP_MESSAGE })
  nip?: string;
}

export class CheckInDto extends ScanIdentifierFields {
  @ApiPropertyOptional({ type: WalkInDto, description: 'Register and check in someone not on any invitation' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WalkInDto)
  walkIn?: WalkInDto;

  @ApiPropertyOptional({ enum: CHECK_IN_METHODS, enumName: 'CheckInMethod', description: 'Default: QR for a ticketCode, MANUAL otherwise' })
  @IsOptional()
  @IsIn(CHECK_IN_METHODS, { message: `method must be one of ${CHECK_IN_METHODS.join(', ')}` })
  method?: CheckInMethod;

  @ApiPropertyOptional({ example: 'batu-pintu-1', maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  deviceId?: string;

  @ApiPropertyOptional({ example: 'batu-pintu-1-000042', description: 'The id the device gave this scan: sending it again is recognised as the same scan' })
  @IsOptional()
  @IsString()
  @Matches(CLIENT_ID, { message: CLIENT_ID_MESSAGE })
  clientCheckinId?: string;

  @ApiPropertyOptional({ format: 'date-time', example: INSTANT_EXAMPLE, description: 'When the person arrived; default: now. At most 5 minutes ahead of the server clock' })
  @IsOptional()
  @IsInstant()
  checkedInAt?: string;
}

export class CheckInBatchItemDto extends ScanIdentifierFields {
  @ApiProperty({ example: 'batu-pintu-2-000117' })
  @IsString()
  @Matches(CLIENT_ID, { message: CLIENT_ID_MESSAGE })
  clientCheckinId: string;

  @ApiProperty({ format: 'date-time', example: '2024-10-29T12:57:00+07:00', description: 'When the device scanned the person' })
  @IsInstant()
  checkedInAt: string;

  @ApiProperty({ example: 'batu-pintu-2', maxLength: 100 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  deviceId: string;
}

export class CheckInBatchDto {
  @ApiProperty({ type: [CheckInBatchItemDto], maxItems: MAX_BATCH_ITEMS, description: 'Scans made offline; each names the person by exactly one of ticketCode, personId, nip' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => CheckInBatchItemDto)
  items: CheckInBatchItemDto[];
}

/** How a scan names the person: exactly one way. */
export type ScanIdentifier =
  | { kind: 'TICKET'; ticketCode: string }
  | { kind: 'PERSON'; personId: string }
  | { kind: 'NIP'; nip: string }
  | { kind: 'WALK_IN'; walkIn: WalkInDto };

/** The single route also takes a walk-in; an offline batch names registered people only. */
const SCAN_IDENTIFIERS = ['ticketCode', 'personId', 'nip', 'walkIn'] as const;
const BATCH_IDENTIFIERS = ['ticketCode', 'personId', 'nip'] as const;

/** The one identifier of a scan, or the field errors (under `path`) when there is none or more than one. */
export function identifierOf(
  scan: ScanIdentifierFields & { walkIn?: WalkInDto },
  allowed: readonly (typeof SCAN_IDENTIFIERS)[number][] = SCAN_IDENTIFIERS,
  path = '',
): ScanIdentifier | FieldError[] {
  const given = allowed.filter((field) => scan[field] !== undefined && scan[field] !== null);
  const names = allowed.join(', ');
  if (given.length !== 1) {
    const fields = given.length === 0 ? [allowed[0]] : given.slice(1);
    const message = given.length === 0 ? `one of ${names} is required` : `only one of ${names} may be given`;
    return fields.map((field) => ({ field: `${path}${field}`, message }));
  }
  if (scan.ticketCode !== undefined) return { kind: 'TICKET', ticketCode: scan.ticketCode };
  if (scan.personId !== undefined) return { kind: 'PERSON', personId: scan.personId };
  if (scan.nip !== undefined) return { kind: 'NIP', nip: scan.nip };
  return { kind: 'WALK_IN', walkIn: scan.walkIn! };
}

/** The identifier of a single scan; a 400 naming the fields when it has none or several. */
export function scanIdentifier(scan: CheckInDto): ScanIdentifier {
  const identifier = identifierOf(scan);
  if (Array.isArray(identifier)) throw new ValidationError(identifier);
  return identifier;
}

/** The identifiers of every batch item; a 400 naming each item at fault, before anything is read or written. */
export function batchIdentifiers(batch: CheckInBatchDto): Array<Exclude<ScanIdentifier, { kind: 'WALK_IN' }>> {
  const errors: FieldError[] = [];
  const identifiers = batch.items.map((item, i) => {
    const identifier = identifierOf(item, BATCH_IDENTIFIERS, `items.${i}.`);
    if (Array.isArray(identifier)) errors.push(...identifier);
    return identifier as Exclude<ScanIdentifier, { kind: 'WALK_IN' }>;
  });
  if (errors.length > 0) throw new ValidationError(errors);
  return identifiers;
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export class CheckInResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ format: 'uuid' }) registrationId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) nip: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Jabatan' }) position: string | null;
  @ApiProperty({ format: 'uuid', description: 'The agency the person came for' }) agencyId: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ description: 'Sent in place of the invited head' }) delegate: boolean;
  @ApiProperty({ description: 'Registered at the door, without an invitation' }) walkIn: boolean;
  @ApiProperty({ description: "The registration's ticket code (a walk-in's new one, to show or print)" }) ticketCode: string;
  @ApiProperty({ format: 'date-time', description: 'When the person arrived (UTC); for a repeated scan, the time of the check-in that stands' }) checkedInAt: string;
  @ApiProperty({ format: 'date-time', example: '2024-10-29T12:57:00+07:00', description: "In the region's zone" }) checkedInAtLocal: string;
  @ApiProperty({ enum: CHECK_IN_METHODS, enumName: 'CheckInMethod' }) method: CheckInMethod;
  @ApiProperty({ enum: IDENTIFIED_BY, enumName: 'CheckInIdentifiedBy', description: 'How the door found the person' }) identifiedBy: IdentifiedBy;
  @ApiProperty({ nullable: true, type: String }) deviceId: string | null;
  @ApiProperty({ nullable: true, type: String }) clientCheckinId: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the server received it' }) createdAt: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Where the person signs the neutrality pledge on their own phone: set when the event has an active pledge template and the person has not signed yet',
  })
  signUrl: string | null;
}

/** A check-in as read back with its person, agency and registration. */
export interface CheckInView {
  id: string;
  eventId: string;
  registrationId: string;
  personId: string;
  fullName: string;
  nip: string | null;
  position: string | null;
  agencyId: string;
  agencyName: string;
  delegate: boolean;
  walkIn: boolean;
  ticketCode: string;
  checkedInAt: Date;
  method: CheckInMethod;
  identifiedBy: IdentifiedBy;
  deviceId: string | null;
  clientCheckinId: string | null;
  createdAt: Date;
}

/** `signUrl` comes from the pledges feature (see SignLinks); null when there is nothing to sign. */
export function toCheckInResponse(view: CheckInView, timezone: IndonesianTimezone, signUrl: string | null): CheckInResponse {
  return {
    id: view.id,
    eventId: view.eventId,
    registrationId: view.registrationId,
    personId: view.personId,
    fullName: view.fullName,
    nip: view.nip,
    position: view.position,
    agencyId: view.agencyId,
    agencyName: view.agencyName,
    delegate: view.delegate,
    walkIn: view.walkIn,
    ticketCode: view.ticketCode,
    checkedInAt: view.checkedInAt.toISOString(),
    checkedInAtLocal: toLocalIso(view.checkedInAt, timezone),
    method: view.method,
    identifiedBy: view.identifiedBy,
    deviceId: view.deviceId,
    clientCheckinId: view.clientCheckinId,
    createdAt: view.createdAt.toISOString(),
    signUrl,
  };
}

export const BATCH_STATUSES = ['created', 'duplicate', 'rejected'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** Why a batch item was not recorded. */
export const BATCH_REJECTIONS = [
  'ticket-not-found',
  'person-not-found',
  'not-registered',
  'outside-check-in-window',
  'checked-in-at-in-future',
  'not-recorded',
] as const;
export type BatchRejection = (typeof BATCH_REJECTIONS)[number];

export class CheckInBatchResult {
  @ApiProperty() clientCheckinId: string;

  @ApiProperty({ enum: BATCH_STATUSES, enumName: 'CheckInBatchStatus', description: 'created: the person is now checked in; duplicate: already checked in, or this scan was already received; rejected: not recorded (see reason)' })
  status: BatchStatus;

  @ApiPropertyOptional({ enum: BATCH_REJECTIONS, enumName: 'CheckInRejection', description: 'Why a rejected scan was not recorded' })
  reason?: BatchRejection;

  @ApiPropertyOptional({ type: CheckInResponse, description: 'The check-in that stands for the person (with the earliest scan)' })
  checkIn?: CheckInResponse;
}

export class CheckInBatchResponse {
  @ApiProperty({ type: [CheckInBatchResult], description: 'One per item, in the order sent' })
  results: CheckInBatchResult[];
}

// ---------------------------------------------------------------------------------------------
// Conflicts
// ---------------------------------------------------------------------------------------------

export class CheckInConflictQuery extends PageQuery {}

export class StandingCheckInResponse {
  @ApiProperty({ format: 'date-time' }) checkedInAt: string;
  @ApiProperty({ format: 'date-time' }) checkedInAtLocal: string;
  @ApiProperty({ enum: CHECK_IN_METHODS, enumName: 'CheckInMethod' }) method: CheckInMethod;
  @ApiProperty({ enum: IDENTIFIED_BY, enumName: 'CheckInIdentifiedBy' }) identifiedBy: IdentifiedBy;
  @ApiProperty({ nullable: true, type: String }) deviceId: string | null;
}

export class CheckInConflictResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The check-in that stands' }) checkInId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) nip: string | null;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ format: 'date-time', description: 'When the repeated (or replaced) scan was made' }) scannedAt: string;
  @ApiProperty({ format: 'date-time' }) scannedAtLocal: string;
  @ApiProperty({ enum: CHECK_IN_METHODS, enumName: 'CheckInMethod' }) method: CheckInMethod;
  @ApiProperty({ enum: IDENTIFIED_BY, enumName: 'CheckInIdentifiedBy', description: 'How that scan found the person' }) identifiedBy: IdentifiedBy;
  @ApiProperty({ nullable: true, type: String }) deviceId: string | null;
  @ApiProperty({ nullable: true, type: String }) clientCheckinId: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the server received it' }) receivedAt: string;
  @ApiProperty({ type: StandingCheckInResponse }) checkIn: StandingCheckInResponse;
}

export interface CheckInConflictView {
  id: string;
  checkInId: string;
  personId: string;
  fullName: string;
  nip: string | null;
  agencyId: string;
  agencyName: string;
  scannedAt: Date;
  method: CheckInMethod;
  identifiedBy: IdentifiedBy;
  deviceId: string | null;
  clientCheckinId: string | null;
  createdAt: Date;
  checkIn: { checkedInAt: Date; method: CheckInMethod; identifiedBy: IdentifiedBy; deviceId: string | null };
}

export function toCheckInConflictResponse(view: CheckInConflictView, timezone: IndonesianTimezone): CheckInConflictResponse {
  return {
    id: view.id,
    checkInId: view.checkInId,
    personId: view.personId,
    fullName: view.fullName,
    nip: view.nip,
    agencyId: view.agencyId,
    agencyName: view.agencyName,
    scannedAt: view.scannedAt.toISOString(),
    scannedAtLocal: toLocalIso(view.scannedAt, timezone),
    method: view.method,
    identifiedBy: view.identifiedBy,
    deviceId: view.deviceId,
    clientCheckinId: view.clientCheckinId,
    receivedAt: view.createdAt.toISOString(),
    checkIn: {
      checkedInAt: view.checkIn.checkedInAt.toISOString(),
      checkedInAtLocal: toLocalIso(view.checkIn.checkedInAt, timezone),
      method: view.checkIn.method,
      identifiedBy: view.checkIn.identifiedBy,
      deviceId: view.checkIn.deviceId,
    },
  };
}
