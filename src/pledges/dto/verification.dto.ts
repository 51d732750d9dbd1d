import { ApiProperty } from '@nestjs/swagger';
import { PLEDGE_CAPACITIES, type PledgeCapacity } from '../pledge.entity.js';

export class VerifiedTemplateResponse {
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: [String] }) clauses: string[];
  @ApiProperty() legalBasis: string;
}

export class VerifiedSignerResponse {
  @ApiProperty({ example: 'Dr. Hendra Wijaya, M.Pd.' }) fullName: string;
  @ApiProperty({ type: String, nullable: true, example: '198609••••••••1001', description: 'The NIP with all but its first 6 and last 4 digits hidden' }) nipMasked: string | null;
}

export class VerifiedEventResponse {
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time', description: "In the region's zone" }) startsAtLocal: string;
}

/**
 * What anyone holding a verification code may read (DESIGN §4): whether the pledge is genuine,
 * the text signed, when and where, the agency and the signer's name with a masked NIP — and no
 * other personal data (no phone, email, position, signature image or ids).
 */
export class VerificationResponse {
  @ApiProperty({ example: '7K3M9QX2TB' }) verificationCode: string;
  @ApiProperty({ description: 'The pledge’s stored hash is what its fields and the template text give: nothing was altered' }) valid: boolean;
  @ApiProperty({ format: 'date-time' }) signedAt: string;
  @ApiProperty({ format: 'date-time', example: '2024-10-29T13:05:00+07:00', description: "In the region's zone" }) signedAtLocal: string;
  @ApiProperty({ example: 'Asia/Jakarta' }) timezone: string;
  @ApiProperty({ example: 'Kota Batu' }) regionName: string;
  @ApiProperty({ enum: PLEDGE_CAPACITIES, enumName: 'PledgeCapacity' }) capacity: PledgeCapacity;
  @ApiProperty({ example: 'Dinas Pendidikan' }) agencyName: string;
  @ApiProperty({ type: VerifiedSignerResponse }) signer: VerifiedSignerResponse;
  @ApiProperty({ type: VerifiedEventResponse, nullable: true }) event: VerifiedEventResponse | null;
  @ApiProperty({ type: VerifiedTemplateResponse }) template: VerifiedTemplateResponse;
  @ApiProperty({ description: 'The pledge’s hash (hex), as printed on the certificate' }) hash: string;
}

/** `198609262010011001` → `198609••••••••1001`: enough to tell people apart, not enough to use. */
export function maskNip(nip: string | null): string | null {
  if (!nip) return null;
  if (nip.length <= 10) return '•'.repeat(nip.length);
  return `${nip.slice(0, 6)}${'•'.repeat(nip.length - 10)}${nip.slice(-4)}`;
}
