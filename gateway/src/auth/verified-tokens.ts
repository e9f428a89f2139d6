import type { Claims } from '@govgraph/kit/trust';

export interface VerifiedTokensOptions {
  /** Tokens remembered at most; the oldest is forgotten first. */
  maxEntries?: number;
  /** How long one verification is trusted, at most (and never past the token's own expiry). */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * Tokens already verified, by their exact text: a portal sends the same bearer token with every
 * click, and checking its signature again (an EdDSA verify through WebCrypto) was the largest
 * single item in the gateway's profile on the portal mix. A hit is trusted until the token
 * expires or `maxAgeMs` after it was verified, whichever comes first — well within the 10
 * minutes jose trusts a fetched JWKS, so a retired key is honoured no longer than before. Only
 * good tokens are remembered; a bad one is checked afresh.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { claims: Claims; until: number }>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: VerifiedTokensOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** A copy of the token's claims, or undefined when it is unknown or no longer trusted. */
  get(token: string): Claims | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.now() >= entry.until) {
      this.entries.delete(token);
      return undefined;
    }
    // Each request gets its own object: nothing one request does to its claims reaches another's.
    return { ...entry.claims, roles: [...entry.claims.roles] };
  }

  /** `expiresAtMs`: the token's `exp`, in milliseconds. */
  remember(token: string, claims: Claims, expiresAtMs: number): void {
    const until = Math.min(expiresAtMs, this.now() + this.maxAgeMs);
    if (until <= this.now()) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { claims: { ...claims, roles: [...claims.roles] }, until });
  }
}
