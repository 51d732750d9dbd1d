import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/errors.js';
import type { Issuer } from '../documents/letterhead.js';
import { OfficeService } from '../regions/office.service.js';
import type { SignedPledgeResponse, SignLinkResponse } from './dto/sign-link.dto.js';
import type { VerificationResponse } from './dto/verification.dto.js';
import type { SignedPageView, SigningPageView, VerificationPageView } from './pages.js';

/**
 * What the pledge pages need beyond the JSON answers they render: the region's office, whose
 * letterhead heads the page (public pages know a pledge by its code, a link by its token).
 */
@Injectable()
export class PledgePagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offices: OfficeService,
  ) {}

  /** The office of a verified pledge's region (`verification.verificationCode` is the stored, normalized code). */
  async issuerOfPledge(verificationCode: string): Promise<Issuer> {
    return this.issuerOf('SELECT region_id FROM pledges WHERE verification_code = $1', verificationCode, 'Pledge');
  }

  /** The office of a signing link's region. */
  async issuerOfSignLink(token: string): Promise<Issuer> {
    return this.issuerOf('SELECT region_id FROM sign_tokens WHERE token = $1', token, 'Signing link');
  }

  private async issuerOf(sql: string, key: string, label: string): Promise<Issuer> {
    const [row] = (await this.dataSource.query(sql, [key])) as Array<{ region_id: string }>;
    if (!row) throw new NotFoundError(label);
    return this.offices.issuer(row.region_id);
  }
}

export function toVerificationPageView(verification: VerificationResponse): VerificationPageView {
  return {
    valid: verification.valid,
    verificationCode: verification.verificationCode,
    hash: verification.hash,
    signedAt: new Date(verification.signedAt),
    capacity: verification.capacity,
    template: verification.template,
    signerName: verification.signer.fullName,
    maskedNip: verification.signer.nipMasked,
    agencyName: verification.agencyName,
    eventTitle: verification.event?.title ?? null,
  };
}

export function toSigningPageView(link: SignLinkResponse): SigningPageView {
  return {
    template: link.template,
    person: { fullName: link.fullName, position: null },
    agencyName: link.agencyName,
    event: { title: link.event.title, venueName: link.event.venueName },
  };
}

export function toSignedPageView(signed: SignedPledgeResponse, signerName: string): SignedPageView {
  return {
    signerName,
    signedAt: new Date(signed.signedAt),
    verificationCode: signed.verificationCode,
    verifyUrl: pathOf(signed.verifyUrl),
    certificateUrl: pathOf(signed.certificateUrl),
  };
}

/** Links on a page stay on the host that served it, whatever PUBLIC_URL says (a test, a staging copy). */
export function pathOf(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + search;
}
