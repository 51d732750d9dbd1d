import { ApiProperty } from '@nestjs/swagger';
import { VerifiedTemplateResponse } from './verification.dto.js';

export class SignLinkEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) venueName: string | null;
  @ApiProperty({ format: 'date-time', description: "In the region's zone" }) startsAtLocal: string;
  @ApiProperty({ format: 'date-time', description: "In the region's zone" }) endsAtLocal: string;
}

export class SignedPledgeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '7K3M9QX2TB' }) verificationCode: string;
  @ApiProperty({ format: 'uri' }) verifyUrl: string;
  @ApiProperty({ format: 'uri', description: 'The certificate PDF, behind the signing link (GET /sign/:token/certificate.pdf)' }) certificateUrl: string;
  @ApiProperty({ format: 'date-time' }) signedAt: string;
  @ApiProperty({ format: 'date-time', description: "In the region's zone" }) signedAtLocal: string;
  @ApiProperty() hash: string;
}

/** What a signing link shows before signing: who signs, at which event, and the text. */
export class SignLinkResponse {
  @ApiProperty({ example: 'Dr. Hendra Wijaya, M.Pd.', description: 'The person the link was made for: the typed name must be theirs' }) fullName: string;
  @ApiProperty({ example: 'Dinas Pendidikan' }) agencyName: string;
  @ApiProperty({ type: SignLinkEventResponse }) event: SignLinkEventResponse;
  @ApiProperty({ type: VerifiedTemplateResponse, description: 'The active template, signed under this link' }) template: VerifiedTemplateResponse;
  @ApiProperty({ format: 'date-time', description: 'The end of the event’s check-in window; the link signs nothing after it' }) expiresAt: string;
  @ApiProperty({ type: SignedPledgeResponse, nullable: true, description: 'The pledge, when the person has signed already (a second signing is refused)' })
  pledge: SignedPledgeResponse | null;
}
