import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictError, DomainError, NotFoundError } from '../common/errors.js';
import { transaction } from '../common/transaction.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { toLocalIso } from '../documents/indonesian-time.js';
import type { IndonesianTimezone } from '../regions/region.entity.js';
import { ChainLanes } from './chain-lanes.js';
import { type SignatureDto, signLinkCertificateUrl, verifyUrl } from './dto/pledge.dto.js';
import type { SignedPledgeResponse, SignLinkResponse } from './dto/sign-link.dto.js';
import type { PledgeTemplate } from './pledge-template.entity.js';
import { PledgeTemplatesService } from './pledge-templates.service.js';
import { signUrl } from './pledge-sign-links.js';
import type { Pledge } from './pledge.entity.js';
import { assertSignatureName, PledgesService, readSignature } from './pledges.service.js';

/** 410: the signing link was real, but the event's check-in window has closed. */
export class SignLinkExpiredError extends DomainError {
  readonly status = 410;
  readonly type = 'sign-link-expired';
  readonly title = 'Gone';
}

/** A signing link as stored, with what signing needs of its check-in, person, event and region. */
interface SignLink {
  regionId: string;
  checkInId: string;
  eventId: string;
  personId: string;
  agencyId: string;
  fullName: string;
  agencyName: string;
  eventTitle: string;
  venueName: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: IndonesianTimezone;
  expiresAt: Date;
}

/**
 * Signing on one's own phone (DESIGN §4 `GET/POST /sign/:token`): the link a check-in response
 * offers (`signUrl`) signs that person's SELF pledge at that event under the current template,
 * once, until the event's check-in window closes. An unknown token is a 404, an expired one 410.
 */
@Injectable()
export class SignByLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pledges: PledgesService,
    private readonly templates: PledgeTemplatesService,
    private readonly lanes: ChainLanes,
  ) {}

  /** What the signing page shows: the person, the event, the text; and the pledge when signed already. */
  async view(token: string, now = new Date()): Promise<SignLinkResponse> {
    const manager = this.dataSource.manager;
    const link = await this.findUsableLink(manager, token, now);
    const template = await this.currentTemplate(manager);
    const [signed] = (await manager.query(
      'SELECT id, verification_code, signed_at, hash FROM pledges WHERE region_id = $1 AND person_id = $2 AND template_id = $3 AND event_id = $4',
      [link.regionId, link.personId, template.id, link.eventId],
    )) as Array<{ id: string; verification_code: string; signed_at: Date; hash: string }>;
    return {
      fullName: link.fullName,
      agencyName: link.agencyName,
      event: {
        id: link.eventId,
        title: link.eventTitle,
        venueName: link.venueName,
        startsAtLocal: toLocalIso(link.startsAt, link.timezone),
        endsAtLocal: toLocalIso(link.endsAt, link.timezone),
      },
      template: { title: template.title, version: template.version, clauses: template.clauses, legalBasis: template.legalBasis },
      expiresAt: link.expiresAt.toISOString(),
      pledge: signed ? this.signedResponse({ id: signed.id, verificationCode: signed.verification_code, signedAt: signed.signed_at, hash: signed.hash }, token, link.timezone) : null,
    };
  }

  /** The link as a QR code (SVG) for the attendee to scan off the door's screen; 404 unknown, 410 expired. */
  async qrCode(token: string, now = new Date()): Promise<string> {
    await this.findUsableLink(this.dataSource.manager, token, now);
    return QRCode.toString(signUrl(this.config.publicUrl, token), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  }

  /** Signs by the link: 201 with the verification code and the links; a second signing is 409 `pledge-exists`. */
  async sign(token: string, dto: SignatureDto, now = new Date()): Promise<SignedPledgeResponse> {
    const signature = readSignature(dto.signatureImage);
    const { regionId } = await this.findUsableLink(this.dataSource.manager, token, now);
    return this.lanes.run(regionId, () => transaction(this.dataSource, async (manager) => {
      const link = await this.findUsableLink(manager, token, now);
      const template = await this.currentTemplate(manager);
      assertSignatureName(dto.signatureName, link.fullName);
      const pledge = await this.pledges.append(manager, null, 'link', {
        regionId: link.regionId,
        eventId: link.eventId,
        template,
        personId: link.personId,
        agencyId: link.agencyId,
        capacity: 'SELF',
        checkInId: link.checkInId,
        signatureName: dto.signatureName,
        signature,
      });
      return this.signedResponse(pledge, token, link.timezone);
    }));
  }

  private signedResponse(pledge: Pick<Pledge, 'id' | 'verificationCode' | 'signedAt' | 'hash'>, token: string, timezone: IndonesianTimezone): SignedPledgeResponse {
    return {
      id: pledge.id,
      verificationCode: pledge.verificationCode,
      verifyUrl: verifyUrl(this.config.publicUrl, pledge.verificationCode),
      certificateUrl: signLinkCertificateUrl(this.config.publicUrl, token),
      signedAt: pledge.signedAt.toISOString(),
      signedAtLocal: toLocalIso(pledge.signedAt, timezone),
      hash: pledge.hash,
    };
  }

  private async currentTemplate(manager: EntityManager): Promise<PledgeTemplate> {
    const template = await this.templates.findCurrent(manager);
    if (!template) throw new ConflictError('No pledge template is active: there is nothing to sign', 'no-active-template');
    return template;
  }

  private async findUsableLink(manager: EntityManager, token: string, now: Date): Promise<SignLink> {
    const [row] = (await manager.query(
      `SELECT s.region_id, s.check_in_id, s.expires_at, c.event_id, c.person_id, p.agency_id, p.full_name, a.name AS agency_name,
              e.title, e.venue_name, e.starts_at, e.ends_at, r.timezone
         FROM sign_tokens s
         JOIN check_ins c ON c.region_id = s.region_id AND c.id = s.check_in_id
         JOIN people p ON p.region_id = c.region_id AND p.id = c.person_id
         JOIN agencies a ON a.region_id = p.region_id AND a.id = p.agency_id
         JOIN events e ON e.region_id = c.region_id AND e.id = c.event_id
         JOIN regions r ON r.id = s.region_id
        WHERE s.token = $1`,
      [token],
    )) as Array<{
      region_id: string;
      check_in_id: string;
      expires_at: Date;
      event_id: string;
      person_id: string;
      agency_id: string;
      full_name: string;
      agency_name: string;
      title: string;
      venue_name: string | null;
      starts_at: Date;
      ends_at: Date;
      timezone: IndonesianTimezone;
    }>;
    if (!row) throw new NotFoundError('Signing link');
    if (row.expires_at <= now) throw new SignLinkExpiredError(`The signing link expired at ${toLocalIso(row.expires_at, row.timezone)}, when the event’s check-in closed`);
    return {
      regionId: row.region_id,
      checkInId: row.check_in_id,
      eventId: row.event_id,
      personId: row.person_id,
      agencyId: row.agency_id,
      fullName: row.full_name,
      agencyName: row.agency_name,
      eventTitle: row.title,
      venueName: row.venue_name,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      timezone: row.timezone,
      expiresAt: row.expires_at,
    };
  }
}
