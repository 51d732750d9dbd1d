import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { RegionPageQuery, SearchText } from '../../common/pagination.js';
import { IsEmailAddress, IsOmittable, LowerCaseToNull, Trim, TrimToNull } from '../../common/validation.js';
import { EMPLOYMENT_TYPES, type EmploymentType, IsNipOfEmploymentType, normalizeNip } from '../nip.js';
import type { Person } from '../person.entity.js';

/** Digits only ("19850312 201001 1 003" → 18 digits); blank is no NIP. */
const toNip = ({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeNip(value) || null : value);

const EMPLOYMENT_TYPE_MESSAGE = `employmentType must be one of ${EMPLOYMENT_TYPES.join(', ')}`;
/** "0812-3456-7890", "+62 812 3456 7890", "(0341) 512345". */
const PHONE = /^[+(]?\d[\d ().-]{5,28}$/;
const PHONE_MESSAGE = 'phone must be a phone number such as 0812-3456-7890 or +62 812 3456 7890';

/** What a person is, whichever way it arrives (JSON body or a CSV row). */
export class PersonFields {
  @ApiProperty({ example: 'Dr. Siti Rahmawati, S.Sos., M.Si.' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '198503122010011003',
    description: '18 digits (spaces are removed); required for PNS, CPNS and PPPK, optional for NON_ASN and EXTERNAL',
  })
  @Transform(toNip)
  @IsNipOfEmploymentType()
  nip?: string | null;

  @ApiProperty({ enum: EMPLOYMENT_TYPES, enumName: 'EmploymentType' })
  @IsIn(EMPLOYMENT_TYPES, { message: EMPLOYMENT_TYPE_MESSAGE })
  employmentType: EmploymentType;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Kepala Bidang Politik Dalam Negeri' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  position?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0812-3456-7890' })
  @IsOptional()
  @TrimToNull()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, format: 'email', nullable: true, example: 'siti.rahmawati@batukota.go.id' })
  @IsOptional()
  @LowerCaseToNull()
  @IsEmailAddress({ message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;
}

export class CreatePersonDto extends PersonFields {
  @ApiProperty({ format: 'uuid', description: 'The person takes its region from the agency' })
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId: string;
}

/** `null` clears an optional field; the NIP is checked against the resulting employment type. */
export class UpdatePersonDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Transform(toNip)
  @IsString({ message: 'nip must be a string of 18 digits' })
  nip?: string | null;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES, enumName: 'EmploymentType' })
  @IsOmittable()
  @IsIn(EMPLOYMENT_TYPES, { message: EMPLOYMENT_TYPE_MESSAGE })
  employmentType?: EmploymentType;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  position?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @TrimToNull()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'email' })
  @IsOptional()
  @LowerCaseToNull()
  @IsEmailAddress({ message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;
}

/** The NIP rule on its own, for a PATCH that changes the NIP or the employment type. */
export class NipOfEmploymentType {
  @IsNipOfEmploymentType()
  nip: string | null;

  @IsIn(EMPLOYMENT_TYPES)
  employmentType: EmploymentType;
}

export class PersonQuery extends RegionPageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId?: string;

  @ApiPropertyOptional({ enum: EMPLOYMENT_TYPES, enumName: 'EmploymentType' })
  @IsOptional()
  @IsIn(EMPLOYMENT_TYPES, { message: EMPLOYMENT_TYPE_MESSAGE })
  employmentType?: EmploymentType;

  @SearchText('Part of the name (case-insensitive), or the start of the NIP')
  q?: string;
}

export class PersonResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String }) nip: string | null;
  @ApiProperty({ enum: EMPLOYMENT_TYPES, enumName: 'EmploymentType' }) employmentType: EmploymentType;
  @ApiProperty({ nullable: true, type: String }) position: string | null;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'email' }) email: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function toPersonResponse(person: Person): PersonResponse {
  return {
    id: person.id,
    regionId: person.regionId,
    fullName: person.fullName,
    nip: person.nip,
    employmentType: person.employmentType,
    position: person.position,
    agencyId: person.agencyId,
    phone: person.phone,
    email: person.email,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}
