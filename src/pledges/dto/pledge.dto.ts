import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { API_PREFIX } from '../../config/config.js';
import { PageQuery } from '../../common/pagination.js';
import { IsText, Trim } from '../../common/validation.js';
import { toLocalIso } from '../../documents/indonesian-time.js';
import type { IndonesianTimezone } from '../../regions/region.entity.js';
import { MAX_SIGNATURE_BYTES } from '../signature-image.js';
import { PLEDGE_CAPACITIES, type Pledge, type PledgeCapacity } from '../pledge.entity.js';

/** A data URL of MAX_SIGNATURE_BYTES of PNG is about 4/3 as long, plus its prefix. */
const MAX_SIGNATURE_DATA_URL = Math.ceil((MAX_SIGNATURE_BYTES * 4) / 3) + 64;

/** What a signer gives, by account or by link: the typed name, an optional drawn signature, consent. */
export class SignatureDto {
  @ApiProperty({ example: 'Hendra Wijaya', description: 'The signer’s name as typed; must be the person’s name (titles, case and spaces aside)' })
  @Trim()
  @IsText(1, 200)
  signatureName: string;

  @ApiPropertyOptional({
    example: 'data:image/png;base64,iVBORw0KGgo…',
    description: `A drawn signature: a PNG data URL, at most ${MAX_SIGNATURE_BYTES / 1024} KB of PNG, at most 4096×4096 pixels`,
    maxLength: MAX_SIGNATURE_DATA_URL,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SIGNATURE_DATA_URL, { message: `signatureImage must be at most ${MAX_SIGNATURE_BYTES / 1024} KB of PNG` })
  signatureImage?: string;

  @ApiProperty({ enum: [true], description: 'The signer agrees to the pledge and to its publication for verification; must be true' })
  @Equals(true, { message: 'consent must be true: the pledge is signed only with the signer’s explicit consent' })
  consent: true;
}

export class CreatePledgeDto extends SignatureDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The event the pledge is signed at; omitted, a pledge outside any event' })
  @IsOptional()
  @IsUUID('all', { message: 'eventId must be a UUID' })
  eventId?: string;

  @ApiProperty({ format: 'uuid', description: 'An active pledge template' })
  @IsUUID('all', { message: 'templateId must be a UUID' })
  templateId: string;

  @ApiProperty({ format: 'uuid', description: 'The signer' })
  @IsUUID('all', { message: 'personId must be a UUID' })
  personId: string;

  @ApiProperty({ enum: PLEDGE_CAPACITIES, enumName: 'PledgeCapacity', description: 'SELF, or ON_BEHALF_OF_AGENCY by the agency’s head or its delegate at the event' })
  @IsIn(PLEDGE_CAPACITIES, { message: `capacity must be one of ${PLEDGE_CAPACITIES.join(', ')}` })
  capacity: PledgeCapacity;
}

export class PledgeQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'eventId must be a UUID' })
  eventId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'personId must be a UUID' })
  personId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'regionId must be a UUID' })
  regionId?: string;
}

export class PledgeSignerResponse {
  @ApiProperty({ example: 'Dr. Hendra Wijaya, M.Pd.' }) fullName: string;
  @ApiProperty({ type: String, nullable: true, example: '198609262010011001' }) nip: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Kepala Dinas Pendidikan' }) position: string | null;
}

export class PledgeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ type: 'integer', description: 'Place in the region’s chain, from 1' }) chainSeq: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) eventId: string | null;
  @ApiProperty({ format: 'uuid' }) templateId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ format: 'uuid', description: 'The signer’s agency at signing' }) agencyId: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ type: PledgeSignerResponse }) signer: PledgeSignerResponse;
  @ApiProperty({ enum: PLEDGE_CAPACITIES, enumName: 'PledgeCapacity' }) capacity: PledgeCapacity;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The signer’s check-in at the event' }) checkInId: string | null;
  @ApiProperty() signatureName: string;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 (hex) of the drawn signature PNG' }) signatureImageSha256: string | null;
  @ApiProperty({ format: 'date-time' }) signedAt: string;
  @ApiProperty({ format: 'date-time', example: '2024-10-29T13:05:00+07:00', description: "In the region's zone" }) signedAtLocal: string;
  @ApiProperty({ example: '7K3M9QX2TB', description: 'Short and unguessable; printed under the certificate’s QR code' }) verificationCode: string;
  @ApiProperty({ format: 'uri', description: 'The public verification link (the certificate’s QR code)' }) verifyUrl: string;
  @ApiProperty({ format: 'uri', description: 'The certificate PDF (GET /pledges/:id.pdf)' }) certificateUrl: string;
  @ApiProperty({ description: 'sha256(prevHash + canonical JSON of the signed fields + the template’s text hash), hex' }) hash: string;
  @ApiProperty({ description: 'The hash of the region’s previous pledge; 64 zeros for the first' }) prevHash: string;
}

/** A pledge with what its response names besides its own columns. */
export interface PledgeView {
  pledge: Pledge;
  signer: PledgeSignerResponse;
  agencyName: string;
  timezone: IndonesianTimezone;
}

export class ChainVerificationResponse {
  @ApiProperty({ description: 'Every link of the region’s chain recomputes to its stored hash and points at the previous one' }) valid: boolean;
  @ApiProperty({ type: 'integer', description: 'Pledges in the chain' }) count: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'The first pledge whose link does not hold (absent when valid)' }) firstBrokenId?: string;
}

/** Where a pledge is verified and its certificate fetched, from PUBLIC_URL. */
export function verifyUrl(publicUrl: string, verificationCode: string): string {
  return `${publicUrl}/${API_PREFIX}/verify/${verificationCode}`;
}

/** The certificate (`GET /pledges/:id.pdf`), read by the same callers as the pledge. */
export function certificateUrl(publicUrl: string, pledge: Pick<Pledge, 'id'>): string {
  return `${publicUrl}/${API_PREFIX}/pledges/${pledge.id}.pdf`;
}

/**
 * The certificate for the signer, who signed on their phone without an account: behind their own
 * signing link (`GET /sign/:token/certificate.pdf`), which only they hold.
 */
export function signLinkCertificateUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/${API_PREFIX}/sign/${token}/certificate.pdf`;
}

export function toPledgeResponse(view: PledgeView, publicUrl: string): PledgeResponse {
  const { pledge } = view;
  return {
    id: pledge.id,
    regionId: pledge.regionId,
    chainSeq: pledge.chainSeq,
    eventId: pledge.eventId,
    templateId: pledge.templateId,
    personId: pledge.personId,
    agencyId: pledge.agencyId,
    agencyName: view.agencyName,
    signer: view.signer,
    capacity: pledge.capacity,
    checkInId: pledge.checkInId,
    signatureName: pledge.signatureName,
    signatureImageSha256: pledge.signatureImageSha256,
    signedAt: pledge.signedAt.toISOString(),
    signedAtLocal: toLocalIso(pledge.signedAt, view.timezone),
    verificationCode: pledge.verificationCode,
    verifyUrl: verifyUrl(publicUrl, pledge.verificationCode),
    certificateUrl: certificateUrl(publicUrl, pledge),
    hash: pledge.hash,
    prevHash: pledge.prevHash,
  };
}

/**
 * Everything a pledge's certificate prints (DESIGN: `GET /pledges/:id.pdf`): the pledge with its
 * signer and agency, the text signed, the event, the region (its zone), the drawn signature when
 * there is one, and the verification link for the QR code. Read by PledgesService.findCertificate.
 */
export interface PledgeCertificate {
  view: PledgeView;
  template: { title: string; version: number; clauses: string[]; legalBasis: string };
  event: { id: string; title: string; venueName: string | null; startsAt: Date; endsAt: Date } | null;
  region: { id: string; name: string };
  /** The drawn signature (PNG), when one was drawn. */
  signaturePng: Buffer | null;
  verifyUrl: string;
}
