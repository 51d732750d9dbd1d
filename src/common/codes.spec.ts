import { normalizeCode, randomCode, randomToken } from './codes.js';

describe('codes', () => {
  it('makes Crockford codes of the asked length, without look-alike characters', () => {
    const codes = Array.from({ length: 2000 }, () => randomCode(10));
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every one of the 32 characters turns up: the alphabet is used whole.
    expect(new Set(codes.join('')).size).toBe(32);
  });

  it('reads a code back as people type it', () => {
    expect(normalizeCode('7kq2-m9xd 4hpt')).toBe('7KQ2M9XD4HPT');
    expect(normalizeCode('oIl0')).toBe('0110');
    expect(normalizeCode('ABC*')).toBeNull();
    expect(normalizeCode('AU')).toBeNull();
  });

  it('makes URL-safe tokens', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(randomToken()).not.toBe(token);
  });
});
