import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath, PickType } from '@nestjs/swagger';
import { plainToInstance, Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Trim, TrimToNull } from '../../common/validation.js';
import { PersonFields } from '../../people/dto/person.dto.js';
import { INVITATION_STATUSES, type InvitationStatus } from '../invitation.entity.js';

/** An answer names at most this many attendees; an invitation offers at most as many seats. */
export const MAX_SEATS = 1000;

const ANSWERS = INVITATION_STATUSES.filter((status) => status !== 'PENDING');
type Answer = Exclude<InvitationStatus, 'PENDING'>;

/** Someone already on the agency's roster. */
export class ExistingAttendeeDto {
  @ApiProperty({ format: 'uuid', description: 'A person of the invited agency' })
  @IsUUID('all', { message: 'personId must be a UUID' })
  personId: string;

  @ApiPropertyOptional({ default: false, description: 'Sent in place of the invited head ("Kapolres diwakilkan")' })
  @IsOptional()
  @IsBoolean({ message: 'delegate must be true or false' })
  delegate?: boolean;
}

/**
 * Someone not on the roster yet, added to the invited agency as they are named (the NIP checked
 * exactly as in the directory). Someone who is there already — the same NIP in the region, or the
 * same name without a NIP in the agency — is taken as they are, so sending an answer twice adds
 * nobody twice.
 */
export class NewAttendeeDto extends PickType(PersonFields, ['fullName', 'nip', 'employmentType'] as const) {
  /** Required here (DESIGN §4): the letter and the attendance sheet print the attendee's post. */
  @ApiProperty({ example: 'Perwira Penghubung (Pabung) Kodim 0818' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  position: string;

  @ApiPropertyOptional({ default: false, description: 'Sent in place of the invited head ("Dandim diwakili Pabung")' })
  @IsOptional()
  @IsBoolean({ message: 'delegate must be true or false' })
  delegate?: boolean;
}

export type AttendeeDto = ExistingAttendeeDto | NewAttendeeDto;

/** Each attendee becomes the class its fields say it is: with `personId`, someone on the roster. */
function toAttendees({ obj }: { obj: Record<string, unknown> }): unknown {
  const value = obj.attendees;
  if (!Array.isArray(value)) return value;
  return value.map((item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? 'personId' in item
        ? plainToInstance(ExistingAttendeeDto, item)
        : plainToInstance(NewAttendeeDto, item)
      : item,
  );
}

/**
 * The body of `POST /invitations/:id/respond` and `POST /rsvp/:token` (and of the RSVP page's
 * form): the whole answer, not a change to it. The attendees named replace the previous ones;
 * seats are taken and given back to match.
 */
@ApiExtraModels(ExistingAttendeeDto, NewAttendeeDto)
export class RespondDto {
  @ApiProperty({ enum: ANSWERS })
  @IsIn(ANSWERS, { message: `status must be one of ${ANSWERS.join(', ')}` })
  status: Answer;

  @ApiPropertyOptional({
    description: `Who comes (CONFIRMED: at least one, at most the invitation's seats; DECLINED: none). Someone on the roster by personId, or someone new by name.`,
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(ExistingAttendeeDto) }, { $ref: getSchemaPath(NewAttendeeDto) }] },
    maxItems: MAX_SEATS,
  })
  @IsOptional()
  @Transform(toAttendees)
  @IsArray()
  @ArrayMaxSize(MAX_SEATS)
  @IsObject({ each: true, message: 'each of attendees must be an object: { personId } or { fullName, employmentType, position }' })
  @ValidateNested({ each: true })
  attendees?: AttendeeDto[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, example: 'Seluruh personel bertugas pengamanan kampanye', description: 'Why the agency declines, or a remark with its answer' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

export function isExistingAttendee(attendee: AttendeeDto): attendee is ExistingAttendeeDto {
  return 'personId' in attendee;
}
