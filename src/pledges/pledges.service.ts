import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { normalizeCode, randomCode } from '../common/codes.js';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors.js';
import { type Page, page } from '../common/pagination.js';
import { findInReach } from '../common/scope.js';
import { transaction } from '../common/transaction.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { EventsRepository } from '../events/events.repository.js';
import { Person } from '../people/person.entity.js';
import { ChainLanes } from './chain-lanes.js';
import { type CreatePledgeDto, type PledgeCertificate, type PledgeQuery, type PledgeResponse, type PledgeView, toPledgeResponse, verifyUrl } from './dto/pledge.dto.js';
import { pledgeHash, type SignedFields, templateTextHash } from './pledge-hash.js';
import type { PledgeTemplate } from './pledge-template.entity.js';
import { PledgeTemplatesService } from './pledge-templates.service.js';
import type { Pledge, PledgeCapacity } from './pledge.entity.js';
import { type ExistingPledge, PledgesRepository } from './pledges.repository.js';
import { parseSignatureImage, type SignaturePng } from './signature-image.js';
import { signatureNameMatches } from './signature-name.js';

/** Characters of a verification code: 10 Crockford characters are 50 random bits. */
export const VERIFICATION_CODE_LENGTH = 10;

/** What a pledge says, before it takes its place in the chain. */
export interface Signing {
  regionId: string;
  eventId: string | null;
  template: PledgeTemplate;
  personId: string;
  agencyId: string;
  capacity: PledgeCapacity;
  checkInId: string | null;
  signatureName: string;
  signature: SignaturePng | null;
}

/** 409 `pledge-exists`: one pledge per person per template per event; the answer names the one there is. */
export function pledgeExistsError(existing: ExistingPledge): ConflictError {
  return new ConflictError(`The person has signed this pledge already (${existing.id}, verification code ${existing.verificationCode})`, 'pledge-exists', {
    pledgeId: existing.id,
    verificationCode: existing.verificationCode,
  });
}

/** 400 on `signatureName` unless it names the person (see signature-name.ts). */
export function assertSignatureName(signatureName: string, fullName: string): void {
  if (!signatureNameMatches(signatureName, fullName)) {
    throw ValidationError.field('signatureName', `must be the signer’s name as on the roster ("${fullName}"; titles, case and spaces do not matter)`);
  }
}

/** The drawn signature, checked before any transaction starts (decoding a PNG holds no connection). */
export function readSignature(dataUrl: string | undefined): SignaturePng | null {
  return dataUrl ? parseSignatureImage(dataUrl) : null;
}

/**
 * Signing pledges (DESIGN §2, §3.4) and reading them. Every pledge — by account here, by link in
 * SignByLinkService — is written by `append`, which puts it at the end of its region's chain.
 */
@Injectable()
export class PledgesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: PledgesRepository,
    private readonly templates: PledgeTemplatesService,
    private readonly events: EventsRepository,
    private readonly audit: AuditService,
    private readonly lanes: ChainLanes,
  ) {}

  /**
   * `POST /pledges`. The person is found within the caller's reach (an AGENCY_REP: its own
   * agency's people). At an event the signer must be checked in there, and the pledge references
   * the check-in; ON_BEHALF_OF_AGENCY is for the agency's head or its recorded delegate.
   */
  async sign(caller: Caller, dto: CreatePledgeDto): Promise<PledgeResponse> {
    const signature = readSignature(dto.signatureImage);
    const { regionId } = await findInReach(this.dataSource.manager, caller, Person, dto.personId);
    const pledge = await this.lanes.run(regionId, () => transaction(this.dataSource, async (manager) => {
      const template = await this.templates.findTemplate(dto.templateId, manager);
      if (!template.active) throw new ConflictError(`Template ${template.id} (version ${template.version}) is retired: sign the current version`, 'template-inactive');
      const person = await findInReach(manager, caller, Person, dto.personId);
      assertSignatureName(dto.signatureName, person.fullName);
      let checkInId: string | null = null;
      if (dto.eventId) {
        const event = await this.events.findReadableEvent(caller, dto.eventId, manager);
        checkInId = await this.findCheckInId(manager, event.regionId, event.id, person.id);
        if (!checkInId) throw new ConflictError(`${person.fullName} is not checked in at this event: check them in first`, 'not-checked-in', { personId: person.id });
      }
      if (dto.capacity === 'ON_BEHALF_OF_AGENCY') await this.assertActsForAgency(manager, person, dto.eventId ?? null);
      return this.append(manager, caller, 'account', {
        regionId: person.regionId,
        eventId: dto.eventId ?? null,
        template,
        personId: person.id,
        agencyId: person.agencyId,
        capacity: dto.capacity,
        checkInId,
        signatureName: dto.signatureName,
        signature,
      });
    }));
    // Read after the commit: the region's chain lock is held no longer than the append needs.
    return toPledgeResponse(await this.repository.findViewById(this.dataSource.manager, pledge.id), this.config.publicUrl);
  }

  async list(caller: Caller, query: PledgeQuery): Promise<Page<PledgeResponse>> {
    const { views, total } = await this.repository.findViews(caller, query);
    return page(views, total, query, (view) => toPledgeResponse(view, this.config.publicUrl));
  }

  async get(caller: Caller, id: string): Promise<PledgeResponse> {
    return toPledgeResponse(await this.repository.findView(caller, id), this.config.publicUrl);
  }

  /** What the certificate of a pledge within the caller's reach prints; 404 out of reach. */
  async findCertificate(caller: Caller, id: string): Promise<PledgeCertificate> {
    return this.certificateOf(await this.repository.findView(caller, id));
  }

  /**
   * The same for whoever holds the pledge's verification code (the signer's `certificateUrl`,
   * after signing by link): 404 unless the code is this pledge's.
   */
  async findCertificateByCode(id: string, code: string): Promise<PledgeCertificate> {
    const normalized = normalizeCode(code);
    const [row] = normalized ? ((await this.dataSource.query('SELECT id FROM pledges WHERE id = $1 AND verification_code = $2', [id, normalized])) as Array<{ id: string }>) : [];
    if (!row) throw new NotFoundError('Pledge', id);
    return this.certificateOf(await this.repository.findViewById(this.dataSource.manager, id));
  }

  private async certificateOf(view: PledgeView): Promise<PledgeCertificate> {
    const { pledge } = view;
    const [row] = (await this.dataSource.query(
      `SELECT t.title, t.version, t.clauses, t.legal_basis, r.name AS region_name, e.id AS event_id, e.title AS event_title, e.venue_name, e.starts_at, e.ends_at, s.png
         FROM pledges p
         JOIN pledge_templates t ON t.id = p.template_id
         JOIN regions r ON r.id = p.region_id
         LEFT JOIN events e ON e.region_id = p.region_id AND e.id = p.event_id
         LEFT JOIN signature_images s ON s.region_id = p.region_id AND s.sha256 = p.signature_image_sha256
        WHERE p.id = $1`,
      [pledge.id],
    )) as Array<{
      title: string;
      version: number;
      clauses: string[];
      legal_basis: string;
      region_name: string;
      event_id: string | null;
      event_title: string | null;
      venue_name: string | null;
      starts_at: Date | null;
      ends_at: Date | null;
      png: Buffer | null;
    }>;
    return {
      view,
      template: { title: row.title, version: row.version, clauses: row.clauses, legalBasis: row.legal_basis },
      event: row.event_id ? { id: row.event_id, title: row.event_title!, venueName: row.venue_name, startsAt: row.starts_at!, endsAt: row.ends_at! } : null,
      region: { id: pledge.regionId, name: row.region_name },
      signaturePng: row.png,
      verifyUrl: verifyUrl(this.config.publicUrl, pledge.verificationCode),
    };
  }

  /**
   * Appends a pledge to its region's chain, inside the caller's transaction: refuses a second
   * pledge of the person under the template at the event (409 with the first), then, under the
   * region's lock, reads the last link and writes the new one with its hash. `via` says in the audit
   * entry how it was signed (an account, or a signing link — which has no caller).
   */
  async append(manager: EntityManager, caller: Caller | null, via: 'account' | 'link', signing: Signing): Promise<Pledge> {
    // Read before the lock, to hold the region's chain as briefly as possible: a pledge signed
    // concurrently meets this one on the unique (person, template, event), and transaction()
    // runs this one again, which then finds it here.
    const existing = await this.repository.findExisting(manager, { ...signing, templateId: signing.template.id });
    if (existing) throw pledgeExistsError(existing);
    await this.repository.lockChain(manager, signing.regionId);
    const head = await this.repository.findChainHead(manager, signing.regionId);
    if (signing.signature) await this.repository.storeSignatureImage(manager, signing.regionId, signing.signature.sha256, signing.signature.png);
    const fields: SignedFields = {
      regionId: signing.regionId,
      chainSeq: head.chainSeq + 1,
      eventId: signing.eventId,
      templateId: signing.template.id,
      personId: signing.personId,
      agencyId: signing.agencyId,
      capacity: signing.capacity,
      checkInId: signing.checkInId,
      signatureName: signing.signatureName,
      signatureImageSha256: signing.signature?.sha256 ?? null,
      // Milliseconds, as the hash reads it back from PostgreSQL.
      signedAt: new Date(),
      verificationCode: randomCode(VERIFICATION_CODE_LENGTH),
    };
    const hash = pledgeHash(head.hash, fields, templateTextHash(signing.template));
    const pledge = await this.repository.insertPledge(manager, { ...fields, capacity: signing.capacity, hash, prevHash: head.hash });
    await this.audit.record(manager, caller, {
      action: 'sign',
      entity: 'pledge',
      entityId: pledge.id,
      regionId: pledge.regionId,
      changes: { via, eventId: pledge.eventId, templateId: pledge.templateId, personId: pledge.personId, capacity: pledge.capacity, chainSeq: pledge.chainSeq, verificationCode: pledge.verificationCode },
    });
    return pledge;
  }

  private async findCheckInId(manager: EntityManager, regionId: string, eventId: string, personId: string): Promise<string | null> {
    const [row] = (await manager.query('SELECT id FROM check_ins WHERE region_id = $1 AND event_id = $2 AND person_id = $3', [regionId, eventId, personId])) as Array<{ id: string }>;
    return row?.id ?? null;
  }

  /**
   * Who signs for an agency: its head — the person whose position is the agency's head title
   * ("Kepala Dinas" heads as "Kepala Dinas Pendidikan"), or the head the event's invitation was
   * addressed to — or, at an event, the delegate the agency named on its invitation. 409
   * `not-agency-head` otherwise.
   */
  private async assertActsForAgency(manager: EntityManager, person: Person, eventId: string | null): Promise<void> {
    const [row] = (await manager.query(
      `SELECT (a.head_title IS NOT NULL AND p.position IS NOT NULL
                AND (lower(p.position) = lower(a.head_title) OR starts_with(lower(p.position), lower(a.head_title) || ' '))) AS by_position,
              EXISTS (SELECT 1 FROM invitations i
                       WHERE i.region_id = p.region_id AND i.event_id = $2 AND i.agency_id = p.agency_id AND i.addressee_person_id = p.id) AS addressee,
              EXISTS (SELECT 1 FROM registrations r
                       WHERE r.region_id = p.region_id AND r.event_id = $2 AND r.person_id = p.id AND r.agency_id = p.agency_id
                         AND r.delegate AND r.invitation_id IS NOT NULL) AS delegate
         FROM people p JOIN agencies a ON a.region_id = p.region_id AND a.id = p.agency_id
        WHERE p.region_id = $3 AND p.id = $1`,
      [person.id, eventId, person.regionId],
    )) as Array<{ by_position: boolean; addressee: boolean; delegate: boolean }>;
    if (!row || !(row.by_position || row.addressee || row.delegate)) {
      throw new ConflictError(
        `${person.fullName} may not sign on behalf of the agency: only its head (position matching the agency’s head title, or the invited head) or its delegate named for the event`,
        'not-agency-head',
        { personId: person.id },
      );
    }
  }
}
