import { canonicalJson, ChainVerifier, type ChainLink, GENESIS_HASH, pledgeHash, type SignedFields, templateTextHash } from './pledge-hash.js';

const TEMPLATE = { title: 'Pakta Integritas Netralitas ASN', version: 1, clauses: ['Satu.', 'Dua.'], legalBasis: 'SKB 2022' };
const TEXT_HASH = templateTextHash(TEMPLATE);

function fields(chainSeq: number, overrides: Partial<SignedFields> = {}): SignedFields {
  return {
    regionId: '11111111-1111-4111-8111-111111111111',
    chainSeq,
    eventId: null,
    templateId: 'template-1',
    personId: `person-${chainSeq}`,
    agencyId: 'agency-1',
    capacity: 'SELF',
    checkInId: null,
    signatureName: 'Hendra Wijaya',
    signatureImageSha256: null,
    signedAt: new Date(Date.UTC(2024, 9, 29, 6, chainSeq)),
    verificationCode: `CODE${chainSeq}`,
    ...overrides,
  };
}

/** A valid chain of `length` links. */
function chain(length: number): ChainLink[] {
  const links: ChainLink[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const f = fields(seq);
    const hash = pledgeHash(prevHash, f, TEXT_HASH);
    links.push({ ...f, id: `pledge-${seq}`, hash, prevHash });
    prevHash = hash;
  }
  return links;
}

function verify(links: ChainLink[], textHashes: Record<string, string> = { 'template-1': TEXT_HASH }) {
  const verifier = new ChainVerifier((id) => textHashes[id]);
  for (const link of links) verifier.add(link);
  return { valid: verifier.valid, count: verifier.count, firstBrokenId: verifier.firstBrokenId };
}

describe('pledge hash', () => {
  it('writes canonical JSON: sorted keys, no whitespace, whatever the insertion order', () => {
    expect(canonicalJson({ b: 1, a: ['x', null, { d: true, c: 'é"' }] })).toBe('{"a":["x",null,{"c":"é\\"","d":true}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('changes with every signed field, the previous hash and the template text', () => {
    const base = pledgeHash(GENESIS_HASH, fields(1), TEXT_HASH);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(pledgeHash(GENESIS_HASH, fields(1), TEXT_HASH)).toBe(base);
    const changes: Array<Partial<SignedFields>> = [
      { signatureName: 'Hendra Wijayaa' },
      { capacity: 'ON_BEHALF_OF_AGENCY' },
      { signedAt: new Date(fields(1).signedAt.getTime() + 1) },
      { eventId: 'event-1' },
      { agencyId: 'agency-2' },
      { verificationCode: 'OTHER' },
      { chainSeq: 2 },
      { signatureImageSha256: 'a'.repeat(64) },
    ];
    for (const change of changes) expect(pledgeHash(GENESIS_HASH, fields(1, change), TEXT_HASH)).not.toBe(base);
    expect(pledgeHash('f'.repeat(64), fields(1), TEXT_HASH)).not.toBe(base);
    expect(pledgeHash(GENESIS_HASH, fields(1), templateTextHash({ ...TEMPLATE, clauses: ['Satu.', 'Dua!'] }))).not.toBe(base);
  });

  it('verifies an intact chain and counts its links', () => {
    expect(verify(chain(50))).toEqual({ valid: true, count: 50, firstBrokenId: null });
    expect(verify([])).toEqual({ valid: true, count: 0, firstBrokenId: null });
  });

  it('reports the first altered link, and only that one', () => {
    const links = chain(10);
    links[4] = { ...links[4], signatureName: 'Someone Else' };
    expect(verify(links)).toEqual({ valid: false, count: 10, firstBrokenId: 'pledge-5' });
  });

  it('reports a link rehashed after an alteration: its successor no longer points at it', () => {
    const links = chain(10);
    const altered = fields(5, { signatureName: 'Someone Else' });
    links[4] = { ...links[4], ...altered, hash: pledgeHash(links[4].prevHash, altered, TEXT_HASH) };
    expect(verify(links)).toEqual({ valid: false, count: 10, firstBrokenId: 'pledge-6' });
  });

  it('reports a removed link, a link out of place, and a template whose words changed', () => {
    const links = chain(6);
    expect(verify([...links.slice(0, 2), ...links.slice(3)]).firstBrokenId).toBe('pledge-4');
    expect(verify([links[1], links[0], ...links.slice(2)]).firstBrokenId).toBe('pledge-2');
    expect(verify(links, { 'template-1': templateTextHash({ ...TEMPLATE, legalBasis: 'SKB 2023' }) }).firstBrokenId).toBe('pledge-1');
    expect(verify(links, {}).firstBrokenId).toBe('pledge-1');
  });
});
