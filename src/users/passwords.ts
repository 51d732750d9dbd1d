import argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP-grade memory cost). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Verified against when the account does not exist, so timing does not reveal which emails exist. */
export const DUMMY_HASH = await hashPassword('netralitas-timing-equaliser');
