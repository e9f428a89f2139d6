import { BadUserInputError } from '../errors.js';

/** Cursors are opaque to clients: base64url of a kind and a sort key. */
export function encodeCursor(kind: string, key: string): string {
  return Buffer.from(`${kind}:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(kind: string, cursor: string, field = 'after'): string {
  if (cursor.length > 512) throw new BadUserInputError(`${field} is not a cursor of this list`, field);
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(`${kind}:`)) throw new BadUserInputError(`${field} is not a cursor of this list`, field);
  return decoded.slice(kind.length + 1);
}
