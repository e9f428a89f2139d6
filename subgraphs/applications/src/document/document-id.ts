import { randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `D-` + 16 base32 characters: 80 random bits, unguessable, safe in a URL path. */
export function newDocumentId(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let id = 'D-';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      id += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return id;
}
