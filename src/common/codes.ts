import { randomBytes, randomInt } from 'node:crypto';

/**
 * Secrets printed for people: ticket codes, verification codes, link tokens. All come from the
 * operating system's CSPRNG; none is derived from an id or a time.
 */

/** Crockford's base32: digits and capitals without I, L, O and U, so nothing reads as something else. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A uniformly random code of `length` Crockford characters: 5 bits each (10 characters = 50 bits). */
export function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i += 1) code += CROCKFORD[randomInt(CROCKFORD.length)];
  return code;
}

/**
 * A code as a person may type it back: any case, with spaces or dashes, and the look-alikes
 * Crockford maps (I and L read as 1, O as 0). Null when it cannot be a Crockford code.
 */
export function normalizeCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return /^[0-9A-HJKMNP-TV-Z]+$/.test(code) ? code : null;
}

/** A URL-safe secret for links (RSVP, signing): `bytes` random bytes, base64url (24 bytes = 32 characters). */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * `randomToken()` written in SQL, for tokens made by set-based inserts (one per row, in the
 * statement itself): 32 bytes of two version-4 UUIDs, which PostgreSQL draws from its strong
 * random source (244 random bits), base64url without padding (43 characters).
 */
export const RANDOM_TOKEN_SQL = "rtrim(translate(encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'base64'), '+/', '-_'), '=')";
