import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { INSTANT_EXAMPLE, IsInstant, IsInstantOrDate } from '../../common/instants.js';
import { RegionPageQuery, SearchText, TargetRegionId } from '../../common/pagination.js';
import { IsOmittable, Trim } from '../../common/validation.js';
import { toLocalIso } from '../../documents/indonesian-time.js';
import { INDONESIAN_TIMEZONES, type IndonesianTimezone } from '../../regions/region.entity.js';
import type { EventSpeaker } from '../event-speaker.entity.js';
import { EVENT_STATUSES, EVENT_TYPES, type Event, type EventStatus, type EventType } from '../event.entity.js';

const TYPE_MESSAGE = `type must be one of ${EVENT_TYPES.join(', ')}`;
/** NETRALITAS_ASN, ANTI_RADIKALISME, PENGAWASAN_PARTISIPATIF: codes, not prose, so reports can group by them. */
const TOPIC_CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const TOPIC_MESSAGE = 'each topic must be an UPPER_SNAKE code such as NETRALITAS_ASN';
export const MAX_CAPACITY = 100_000;

/** Up to 20 distinct topic codes. */
const EventTopics = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(20),
    ArrayUnique({ message: 'topics must not repeat a topic' }),
    MaxLength(60, { each: true }),
    Matches(TOPIC_CODE, { each: true, message: TOPIC_MESSAGE }),
  );

export class CreateEventDto {
  @TargetRegionId()
  regionId?: string;

  @ApiProperty({ example: 'Sosialisasi Netralitas ASN dan Anti Radikalisme' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title: string;

  @ApiProperty({ enum: EVENT_TYPES, enumName: 'EventType' })
  @IsIn(EVENT_TYPES, { message: TYPE_MESSAGE })
  type: EventType;

  @ApiPropertyOptional({ type: [String], example: ['NETRALITAS_ASN', 'ANTI_RADIKALISME'], default: [] })
  @IsOptional()
  @EventTopics()
  topics?: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'electionId must be a UUID' })
  electionId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Bakesbangpol Kota Batu' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  organizer?: string | null;

  @ApiProperty({ example: 'GOR Gajah Mada' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  venueName: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Jl. Gajah Mada, Kecamatan Batu, Kota Batu' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  venueAddress?: string | null;

  @ApiProperty({ format: 'date-time', example: INSTANT_EXAMPLE, description: 'ISO 8601 with a UTC offset' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2024-10-29T16:00:00+07:00', description: 'ISO 8601 with a UTC offset; after startsAt' })
  @IsInstant()
  endsAt: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_CAPACITY, example: 500 })
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: '000.1.2/123/35.79.401/2024' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  letterNumber?: string | null;
}

/**
 * Every field of an event but its region (an event does not move between tenants) and its
 * status (changed by publish, cancel, complete). Optional text may be cleared with null.
 */
export class UpdateEventDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ enum: EVENT_TYPES, enumName: 'EventType' })
  @IsOmittable()
  @IsIn(EVENT_TYPES, { message: TYPE_MESSAGE })
  type?: EventType;

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @EventTopics()
  topics?: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'electionId must be a UUID' })
  electionId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  organizer?: string | null;

  @ApiPropertyOptional()
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  venueName?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  venueAddress?: string | null;

  @ApiPropertyOptional({ format: 'date-time', example: INSTANT_EXAMPLE })
  @IsOmittable()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2024-10-29T16:00:00+07:00' })
  @IsOmittable()
  @IsInstant()
  endsAt?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_CAPACITY })
  @IsOmittable()
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  letterNumber?: string | null;
}

export class CancelEventDto {
  @ApiProperty({ example: 'Ditunda karena bertepatan dengan jadwal debat publik KPU' })
  @Trim()
  @IsString()
  @MinLength(3, { message: 'reason must say why the event is cancelled (at least 3 characters)' })
  @MaxLength(500)
  reason: string;
}

export class ProgrammeSlotDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'speakerId must be a UUID' })
  speakerId: string;

  @ApiProperty({ example: 'Netralitas ASN dalam Pilkada Serentak 2024' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  topic: string;

  @ApiProperty({ format: 'date-time', example: '2024-10-29T13:30:00+07:00' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2024-10-29T14:30:00+07:00' })
  @IsInstant()
  endsAt: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1000, example: 1 })
  @IsInt({ message: 'order must be a whole number' })
  @Min(1)
  @Max(1000)
  order: number;
}

export class SetProgrammeDto {
  @ApiProperty({ type: [ProgrammeSlotDto], description: 'The whole programme; replaces the previous one. [] clears it.' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ProgrammeSlotDto)
  speakers: ProgrammeSlotDto[];

  @ApiPropertyOptional({ default: false, description: 'Book speakers who are already booked in an overlapping event' })
  @IsOptional()
  @IsBoolean({ message: 'force must be true or false' })
  force?: boolean;
}

export class EventQuery extends RegionPageQuery {
  @ApiPropertyOptional({ description: 'Events still running at or after this instant (endsAt > from)', example: '2024-10-01T00:00:00+07:00' })
  @IsOptional()
  @IsInstantOrDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Events starting before this instant (startsAt < to)', example: '2024-11-01T00:00:00+07:00' })
  @IsOptional()
  @IsInstantOrDate()
  to?: string;

  @ApiPropertyOptional({ enum: EVENT_STATUSES, enumName: 'EventStatus' })
  @IsOptional()
  @IsIn(EVENT_STATUSES, { message: `status must be one of ${EVENT_STATUSES.join(', ')}` })
  status?: EventStatus;

  @ApiPropertyOptional({ enum: EVENT_TYPES, enumName: 'EventType' })
  @IsOptional()
  @IsIn(EVENT_TYPES, { message: TYPE_MESSAGE })
  type?: EventType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'electionId must be a UUID' })
  electionId?: string;

  @SearchText('Matches the title')
  q?: string;
}

export class ProgrammeSlotResponse {
  @ApiProperty({ format: 'uuid' }) speakerId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) organization: string | null;
  @ApiProperty() topic: string;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) startsAt: string;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) endsAt: string;
  @ApiProperty({ format: 'date-time', example: '2024-10-29T13:30:00+07:00', description: "In the region's zone" }) startsAtLocal: string;
  @ApiProperty({ format: 'date-time', example: '2024-10-29T14:30:00+07:00', description: "In the region's zone" }) endsAtLocal: string;
  @ApiProperty({ type: 'integer' }) order: number;
}

export class EventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ enum: INDONESIAN_TIMEZONES, enumName: 'Timezone', description: "The region's zone" }) timezone: IndonesianTimezone;
  @ApiProperty() title: string;
  @ApiProperty({ enum: EVENT_TYPES, enumName: 'EventType' }) type: EventType;
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) electionId: string | null;
  @ApiProperty({ nullable: true, type: String }) organizer: string | null;
  @ApiProperty() venueName: string;
  @ApiProperty({ nullable: true, type: String }) venueAddress: string | null;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) startsAt: string;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) endsAt: string;
  @ApiProperty({ format: 'date-time', example: INSTANT_EXAMPLE, description: "In the region's zone" }) startsAtLocal: string;
  @ApiProperty({ format: 'date-time', example: '2024-10-29T16:00:00+07:00', description: "In the region's zone" }) endsAtLocal: string;
  @ApiProperty({ type: 'integer' }) capacity: number;
  @ApiProperty({ type: 'integer', description: 'Seats taken by registrations (invited attendees and walk-ins); never above capacity' }) registered: number;
  @ApiProperty({ nullable: true, type: String }) letterNumber: string | null;
  @ApiProperty({ enum: EVENT_STATUSES, enumName: 'EventStatus' }) status: EventStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancellationReason: string | null;
  @ApiProperty({ type: [ProgrammeSlotResponse], description: 'The programme, in order' }) speakers: ProgrammeSlotResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** `event` comes with its region (for the zone), `programme` with its speakers, in order. */
export function toEventResponse(event: Event, programme: readonly EventSpeaker[]): EventResponse {
  const timezone = event.region!.timezone;
  return {
    id: event.id,
    regionId: event.regionId,
    timezone,
    title: event.title,
    type: event.type,
    topics: event.topics,
    electionId: event.electionId,
    organizer: event.organizer,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    startsAtLocal: toLocalIso(event.startsAt, timezone),
    endsAtLocal: toLocalIso(event.endsAt, timezone),
    capacity: event.capacity,
    registered: event.registered,
    letterNumber: event.letterNumber,
    status: event.status,
    cancelledAt: event.cancelledAt?.toISOString() ?? null,
    cancellationReason: event.cancellationReason,
    speakers: programme.map((slot) => toProgrammeSlotResponse(slot, timezone)),
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}

function toProgrammeSlotResponse(slot: EventSpeaker, timezone: IndonesianTimezone): ProgrammeSlotResponse {
  const speaker = slot.speaker!;
  return {
    speakerId: slot.speakerId,
    fullName: speaker.fullName,
    title: speaker.title,
    organization: speaker.organization,
    topic: slot.topic,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    startsAtLocal: toLocalIso(slot.startsAt, timezone),
    endsAtLocal: toLocalIso(slot.endsAt, timezone),
    order: slot.order,
  };
}
