import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../common/caller.js';
import { NotFoundError } from '../common/errors.js';
import { OfficeService } from '../regions/office.service.js';
import { renderPledgeCertificate } from './certificate.js';
import type { PledgeCertificate } from './dto/pledge.dto.js';
import { PledgesService } from './pledges.service.js';

/** A certificate ready to send. */
export interface CertificateFile {
  filename: string;
  body: Buffer;
}

/**
 * Certificates of pledges (`GET /pledges/:id.pdf`): the pledge within the caller's reach, or — for
 * the signer on their phone, who has no account — the pledge signed through their signing link.
 * What it prints comes from `PledgesService.findCertificate`; the letterhead from the region's office.
 */
@Injectable()
export class PledgeCertificateService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pledges: PledgesService,
    private readonly offices: OfficeService,
  ) {}

  /** The same readers as `GET /pledges/:id`: a pledge out of reach is a 404. */
  async forCaller(caller: Caller, id: string): Promise<CertificateFile> {
    return this.render(await this.pledges.findCertificate(caller, id));
  }

  /**
   * `GET /sign/:token/certificate.pdf`: the SELF pledge the link's person signed at the link's
   * event (by the link or at the venue's tablet), whether or not the link has expired since. 404
   * for an unknown link, or one whose person has not signed.
   */
  async forSignLink(token: string): Promise<CertificateFile> {
    const [row] = (await this.dataSource.query(
      `SELECT p.id, p.verification_code
         FROM sign_tokens s
         JOIN check_ins c ON c.region_id = s.region_id AND c.id = s.check_in_id
         JOIN pledges p ON p.region_id = c.region_id AND p.event_id = c.event_id AND p.person_id = c.person_id AND p.capacity = 'SELF'
        WHERE s.token = $1
        ORDER BY p.signed_at DESC
        LIMIT 1`,
      [token],
    )) as Array<{ id: string; verification_code: string }>;
    if (!row) throw new NotFoundError('Pledge');
    return this.render(await this.pledges.findCertificateByCode(row.id, row.verification_code));
  }

  private async render(certificate: PledgeCertificate): Promise<CertificateFile> {
    const { pledge, signer, agencyName } = certificate.view;
    const issuer = await this.offices.issuer(pledge.regionId);
    const body = await renderPledgeCertificate(issuer, {
      verificationCode: pledge.verificationCode,
      verificationUrl: certificate.verifyUrl,
      hash: pledge.hash,
      signedAt: pledge.signedAt,
      capacity: pledge.capacity,
      signatureName: pledge.signatureName,
      template: certificate.template,
      signer,
      agency: { name: agencyName },
      event: certificate.event && { title: certificate.event.title, venueName: certificate.event.venueName },
      signatureImage: certificate.signaturePng,
    });
    return { filename: `pakta-integritas-${pledge.verificationCode}.pdf`, body };
  }
}
