import { createHash } from 'node:crypto';

/**
 * The tamper evidence of pledges (DESIGN §2, §3.4), in one place: signing, chain verification
 * and the public verification of one pledge all compute hashes here, so they cannot disagree.
 *
 *     textHash = sha256(canonical JSON of { title, version, clauses, legalBasis })
 *     hash     = sha256(prevHash + canonical JSON of the signed fields + textHash)
 *
 * Canonical JSON: keys sorted, no whitespace, strings as JSON.stringify writes them; instants as
 * ISO 8601 UTC with milliseconds (what PostgreSQL keeps of a JavaScript Date). Each region keeps
 * one chain; the first pledge's prevHash is GENESIS_HASH.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** What a template's text is: the words a signer agreed to. */
export interface TemplateText {
  title: string;
  version: number;
  clauses: readonly string[];
  legalBasis: string;
}

/** The fields of a pledge its hash covers: everything it says, and its place in the chain. */
export interface SignedFields {
  regionId: string;
  chainSeq: number;
  eventId: string | null;
  templateId: string;
  personId: string;
  agencyId: string;
  capacity: string;
  checkInId: string | null;
  signatureName: string;
  signatureImageSha256: string | null;
  signedAt: Date;
  verificationCode: string;
}

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** JSON with object keys in code-point order and no whitespace: one text for one value. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const object = value as { readonly [key: string]: Json };
  const keys = Object.keys(object).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function templateTextHash(text: TemplateText): string {
  return sha256Hex(canonicalJson({ title: text.title, version: text.version, clauses: [...text.clauses], legalBasis: text.legalBasis }));
}

export function signedFieldsJson(fields: SignedFields): string {
  return canonicalJson({
    regionId: fields.regionId,
    chainSeq: fields.chainSeq,
    eventId: fields.eventId,
    templateId: fields.templateId,
    personId: fields.personId,
    agencyId: fields.agencyId,
    capacity: fields.capacity,
    checkInId: fields.checkInId,
    signatureName: fields.signatureName,
    signatureImageSha256: fields.signatureImageSha256,
    signedAt: fields.signedAt.toISOString(),
    verificationCode: fields.verificationCode,
  });
}

export function pledgeHash(prevHash: string, fields: SignedFields, templateTextHash: string): string {
  return sha256Hex(prevHash + signedFieldsJson(fields) + templateTextHash);
}

/** A stored pledge as the chain sees it: its signed fields and the two hashes it carries. */
export interface ChainLink extends SignedFields {
  id: string;
  hash: string;
  prevHash: string;
}

/**
 * Walks a region's chain, links given in chain order (in batches, so a million pledges never sit
 * in memory at once). A link is broken when it does not point at the previous link's hash, when
 * its own hash is not what its fields give, or when its place in the chain is not the next one.
 * The first broken link is kept; the walk goes on counting.
 */
export class ChainVerifier {
  private expectedPrevHash = GENESIS_HASH;
  private expectedSeq = 1;
  count = 0;
  firstBrokenId: string | null = null;

  constructor(private readonly textHashOf: (templateId: string) => string | undefined) {}

  add(link: ChainLink): void {
    this.count += 1;
    if (this.firstBrokenId === null && !this.holds(link)) this.firstBrokenId = link.id;
    // The next link must point at what this one says it is: one altered row is reported, not every row after it.
    this.expectedPrevHash = link.hash;
    this.expectedSeq = link.chainSeq + 1;
  }

  private holds(link: ChainLink): boolean {
    const textHash = this.textHashOf(link.templateId);
    return (
      link.chainSeq === this.expectedSeq &&
      link.prevHash === this.expectedPrevHash &&
      textHash !== undefined &&
      pledgeHash(link.prevHash, link, textHash) === link.hash
    );
  }

  get valid(): boolean {
    return this.firstBrokenId === null;
  }
}
