import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsObject, IsOptional, IsUrl, Matches, MaxLength, registerDecorator, ValidateNested } from 'class-validator';
import { LowerCaseToNull, IsText, Trim, TrimToNull } from '../../common/validation.js';
import { normalizeNip, parseNip } from '../../people/nip.js';
import type { OfficeDetails } from '../../documents/letterhead.js';
import type { RegionOffice } from '../office.entity.js';

/** "(0341) 512345", "0542-8520123", "(0341) 512345/512346", "+62 341 512345". */
const OFFICE_PHONE = /^[+(]?\d[\d ().,/-]{4,38}$/;

const SIGNATORY_MESSAGE = 'signatory must be an object: { name, position, rank?, nip? }';

/** Digits only ("19700315 199703 1 006" → 18 digits); blank is no NIP. */
const toNip = ({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeNip(value) || null : value);

/** Why `value` is not a signatory's NIP, or null when it is one. */
function signatoryNipProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'NIP must be a string of 18 digits';
  const result = parseNip(value, 'PNS');
  return result.ok ? null : result.message;
}

/**
 * A signatory's NIP, checked like a person's (src/people/nip.ts): the head of a Kesbangpol is a
 * PNS, so the PNS layout applies (a real birth date, a TMT month, the gender digit).
 */
function IsSignatoryNip(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSignatoryNip',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => signatoryNipProblem(value) === null,
        defaultMessage: (args) => signatoryNipProblem(args?.value) ?? 'NIP is not valid',
      },
    });
}

export class SignatoryDto {
  @ApiProperty({ example: 'Drs. Heru Wahyudi, M.Si.', description: 'With academic titles as written' })
  @Trim()
  @IsText(2, 200)
  name: string;

  @ApiProperty({ example: 'Kepala Bakesbangpol Kota Batu' })
  @Trim()
  @IsText(2, 200)
  position: string;

  @ApiPropertyOptional({ type: String, example: 'Pembina Tingkat I (IV/b)', nullable: true, description: 'Pangkat/golongan' })
  @IsOptional()
  @TrimToNull()
  @IsText(2, 100)
  rank?: string | null;

  @ApiPropertyOptional({ type: String, example: '197003151997031006', nullable: true, description: '18 digits (a PNS NIP); spaces are removed' })
  @IsOptional()
  @Transform(toNip)
  @IsSignatoryNip()
  nip?: string | null;
}

/** The whole office: a PUT replaces every field, and an optional field left out is cleared. */
export class PutOfficeDto {
  @ApiProperty({ example: 'PEMERINTAH KOTA BATU', description: 'First line of the letterhead' })
  @Trim()
  @IsText(2, 200)
  government: string;

  @ApiProperty({ example: 'BADAN KESATUAN BANGSA DAN POLITIK', description: 'Printed in capitals' })
  @Trim()
  @IsText(2, 200)
  name: string;

  @ApiProperty({ example: 'Jalan Panglima Sudirman Nomor 507, Kota Batu, Jawa Timur 65313' })
  @Trim()
  @IsText(5, 300)
  address: string;

  @ApiPropertyOptional({ type: String, example: '(0341) 512345', nullable: true })
  @IsOptional()
  @TrimToNull()
  @Matches(OFFICE_PHONE, { message: 'phone must be a telephone number such as (0341) 512345' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, format: 'email', example: 'bakesbangpol@batukota.go.id', nullable: true })
  @IsOptional()
  @LowerCaseToNull()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, example: 'bakesbangpol.batukota.go.id', nullable: true, description: 'Printed as given; http(s):// may be left out' })
  @IsOptional()
  @TrimToNull()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: false, require_tld: true }, { message: 'website must be a web address such as bakesbangpol.batukota.go.id' })
  @MaxLength(200)
  website?: string | null;

  @ApiProperty({ example: 'Batu', description: 'Place of signing: "Batu, 21 Oktober 2024"' })
  @Trim()
  @IsText(2, 100)
  city: string;

  @ApiProperty({ type: SignatoryDto })
  @IsObject({ message: SIGNATORY_MESSAGE })
  @ValidateNested({ message: SIGNATORY_MESSAGE })
  @Type(() => SignatoryDto)
  signatory: SignatoryDto;
}

export class SignatoryResponse {
  @ApiProperty() name: string;
  @ApiProperty() position: string;
  @ApiProperty({ nullable: true, type: String }) rank: string | null;
  @ApiProperty({ nullable: true, type: String }) nip: string | null;
}

/**
 * A region's office. Until one is set, `set` is false and every other field but `regionId` is
 * null: documents then print the region's name and a blank signature block.
 */
@ApiExtraModels(SignatoryResponse)
export class OfficeResponse {
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ description: 'False until the office is set with PUT' }) set: boolean;
  @ApiProperty({ nullable: true, type: String }) government: string | null;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) website: string | null;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  // A nullable reference: `nullable` beside `allOf: [{ $ref }]` (src/openapi/document.ts adds its type).
  @ApiProperty({ nullable: true, allOf: [{ $ref: getSchemaPath(SignatoryResponse) }] }) signatory: SignatoryResponse | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt: string | null;
}

export function toOfficeResponse(office: RegionOffice): OfficeResponse {
  return { regionId: office.regionId, set: true, ...toOfficeDetails(office), updatedAt: office.updatedAt.toISOString() };
}

/** What documents print (src/documents/letterhead.ts). */
export function toOfficeDetails(office: RegionOffice): OfficeDetails {
  return {
    government: office.government,
    name: office.name,
    address: office.address,
    phone: office.phone,
    email: office.email,
    website: office.website,
    city: office.city,
    signatory: { name: office.signatoryName, position: office.signatoryPosition, rank: office.signatoryRank, nip: office.signatoryNip },
  };
}

export function unsetOfficeResponse(regionId: string): OfficeResponse {
  return { regionId, set: false, government: null, name: null, address: null, phone: null, email: null, website: null, city: null, signatory: null, updatedAt: null };
}
