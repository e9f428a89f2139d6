import type { JWTPayload } from 'jose';

/** identity issues one-hour tokens (subgraphs/identity/src/keys/token-lifetime.ts). */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 60 * 60;

/**
 * Whether a token claims to live longer than `maxSeconds`: from its issue (`iat`, required) or
 * from when it becomes valid (`nbf`) to its expiry. A stolen key could mint ten-year tokens;
 * this bounds what one such token is worth to the gateway's own setting. The signature and the
 * timestamps' types have been checked by then (jwtVerify).
 */
export function exceedsLifetime(payload: JWTPayload, maxSeconds: number): boolean {
  const { iat, nbf, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number') return true;
  if (exp - iat > maxSeconds) return true;
  return typeof nbf === 'number' && exp - nbf > maxSeconds;
}
