import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Claims } from '@govgraph/kit/trust';
import { JWT_ALGORITHMS } from '../auth-constants.js';
import { hasCanonicalEncoding } from './canonical-encoding.js';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, exceedsLifetime } from './token-lifetime.js';
import { VerifiedTokens, type VerifiedTokensOptions } from './verified-tokens.js';

export interface TokenVerifierOptions {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /**
   * Minimum time between JWKS refetches for unknown key ids. Short, so that a token signed with a
   * freshly rotated key is accepted within a second; still bounds what unknown-kid spam can cost.
   */
  jwksCooldownMs?: number;
  /** Seconds of clock skew tolerated on exp/nbf/iat. */
  clockToleranceSeconds?: number;
  /**
   * Longest a token may claim to live, `exp - iat` (and `exp - nbf`), in seconds
   * (GATEWAY_MAX_TOKEN_LIFETIME_SECONDS); also the oldest `iat` accepted. Default: identity's hour.
   */
  maxLifetimeSeconds?: number;
  /** Good tokens remembered by their text (auth/verified-tokens.ts); `false` checks every one. */
  remember?: VerifiedTokensOptions | false;
}

/** The token is bad: malformed, expired, wrongly signed or issued, or missing claims. */
export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`invalid token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

/** The token could not be checked because identity's key set is unreachable or broken. */
export class KeySetUnavailableError extends Error {
  constructor(cause: unknown) {
    super('JWKS unavailable', { cause });
    this.name = 'KeySetUnavailableError';
  }
}

export type TokenVerifier = (token: string) => Promise<Claims>;

/**
 * Verifies identity's bearer tokens against its JWKS. jose caches the key set and refetches it
 * when a token names an unknown key id, so identity can rotate keys without a gateway restart.
 * A good token is remembered for up to a minute (never past its exp), so a portal's repeated
 * requests skip the signature check; a refused one never is. Refused besides what jwtVerify
 * refuses: a token without `iat`, one that claims to live longer than `maxLifetimeSeconds`
 * (reason `lifetime`), and one whose segments are not canonical base64url (reason `encoding`).
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl), {
    cooldownDuration: options.jwksCooldownMs ?? 1_000,
  });
  const verified = options.remember === false ? undefined : new VerifiedTokens(options.remember);
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  return async (token) => {
    const known = verified?.get(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: JWT_ALGORITHMS,
        clockTolerance: options.clockToleranceSeconds ?? 5,
        requiredClaims: ['sub', 'exp', 'iat'],
        // Also refuses an iat in the future: exp - iat alone would let a token dated ahead live on.
        maxTokenAge: maxLifetime,
      }));
    } catch (error) {
      if (isKeySetFailure(error)) throw new KeySetUnavailableError(error);
      throw new InvalidTokenError(error instanceof errors.JOSEError ? error.code : 'unverifiable');
    }
    // After jwtVerify, so a malformed token keeps jose's reason; what is left is a respelling.
    if (!hasCanonicalEncoding(token)) throw new InvalidTokenError('encoding');
    if (exceedsLifetime(payload, maxLifetime)) throw new InvalidTokenError('lifetime');
    const claims = claimsFrom(payload);
    // requiredClaims made sure of exp.
    verified?.remember(token, claims, (payload.exp as number) * 1000);
    return claims;
  };
}

/** Failures to get the keys, as opposed to failures of the token itself. */
function isKeySetFailure(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  // A generic JOSEError is a non-200 or unparsable JWKS answer; fetch fails with a TypeError.
  if (error instanceof errors.JOSEError) return error.code === errors.JOSEError.code;
  return error instanceof TypeError;
}

function claimsFrom(payload: JWTPayload): Claims {
  const { sub, applicant, person, roles, dept, authorisation } = payload as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '') throw new InvalidTokenError('sub');
  if (applicant !== undefined && applicant !== null && typeof applicant !== 'string') throw new InvalidTokenError('applicant');
  if (dept !== undefined && dept !== null && typeof dept !== 'string') throw new InvalidTokenError('dept');
  if (person !== undefined && person !== null && typeof person !== 'string') throw new InvalidTokenError('person');
  if (authorisation !== undefined && authorisation !== null && typeof authorisation !== 'string') throw new InvalidTokenError('authorisation');
  if (roles !== undefined && !(Array.isArray(roles) && roles.every((role) => typeof role === 'string'))) {
    throw new InvalidTokenError('roles');
  }
  return {
    accountId: sub,
    personId: (person as string | undefined) || null,
    applicantId: applicant || null,
    roles: (roles as string[] | undefined) ?? [],
    department: dept || null,
    // The agent authorisation an enterprise-acting token was minted under (plugins/use-ended-authorisations.ts).
    ...(authorisation ? { authorisationId: authorisation as string } : {}),
  };
}
