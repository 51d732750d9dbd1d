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

let dummy: Promise<string> | undefined;

/**
 * Verified against when the account does not exist, so timing does not reveal which emails
 * exist. Made on first use, not when the module loads (the CLI and the demo loader never need it).
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('netralitas-timing-equaliser');
  return dummy;
}
