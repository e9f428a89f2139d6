import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Registry credentials are random tokens, derived from nothing: a department's publishes its own
 * subgraph (`ggpc1.<subgraph>.<32 random bytes, base64url>`), an administrator's lists and rolls
 * back registry versions (`ggpa1.<32 random bytes>`). Only their SHA-256 is stored — enough for
 * 256-bit random tokens, which no dictionary or brute force reaches.
 */
export type CredentialRole = 'publisher' | 'admin';

const PUBLISHER_TOKEN = /^ggpc1\.([a-z][a-z0-9-]{0,62})\.([A-Za-z0-9_-]{43})$/;
const ADMIN_TOKEN = /^ggpa1\.([A-Za-z0-9_-]{43})$/;

export function newCredentialToken(role: CredentialRole, subgraph?: string): string {
  const secret = randomBytes(32).toString('base64url');
  if (role === 'admin') return `ggpa1.${secret}`;
  if (!subgraph) throw new Error('a publish credential names its subgraph');
  return `ggpc1.${subgraph}.${secret}`;
}

/** What a token claims to be, from its shape alone (nothing is trusted before its hash matches). */
export function readCredentialToken(token: string): { role: CredentialRole; subgraph: string | null } | undefined {
  const publisher = PUBLISHER_TOKEN.exec(token);
  if (publisher) return { role: 'publisher', subgraph: publisher[1]! };
  if (ADMIN_TOKEN.test(token)) return { role: 'admin', subgraph: null };
  return undefined;
}

/** Lower-case hex SHA-256 of the token: what the store keeps. */
export function credentialTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two stored-form hashes in constant time. */
export function sameTokenHash(expectedHex: string, actualHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  const actual = Buffer.from(actualHex, 'hex');
  return expected.length === 32 && actual.length === 32 && timingSafeEqual(expected, actual);
}
