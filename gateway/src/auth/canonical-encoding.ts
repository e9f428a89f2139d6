const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Whether a compact JWS is three segments each in canonical base64url: the alphabet only, no
 * padding, and the spare bits of the last character zero — so it re-encodes to exactly itself.
 * Decoders ignore spare bits, so a signature ending `…Q` or `…R` decodes to the same bytes and
 * both verify: one token, several texts. Anything that tells tokens apart by their text (a cache,
 * a deny list, a replay check, a log) would take them for different tokens; only one spelling is
 * accepted.
 */
export function hasCanonicalEncoding(token: string): boolean {
  const segments = token.split('.');
  return segments.length === 3 && segments.every(isCanonicalBase64url);
}

function isCanonicalBase64url(segment: string): boolean {
  return BASE64URL.test(segment) && Buffer.from(segment, 'base64url').toString('base64url') === segment;
}
