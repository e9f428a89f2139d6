import { MAX_SIGNATURE_AGE_MS } from './gateway-signature.js';

/**
 * Remembers the nonces of the signed requests a subgraph accepted, for as long as their
 * signatures could still be accepted, so a captured request sent again is refused. Per process:
 * a replay to another instance of the same subgraph is not caught (the signature's minute still
 * bounds it).
 */
export class ReplayGuard {
  /** Nonce → when it may be forgotten; insertion order is arrival order, so expiry is too. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly maxEntries = 2_000_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time a nonce is seen within its lifetime; false for a repeat. */
  firstSight(nonce: string): boolean {
    const now = this.now();
    this.forgetExpired(now);
    if (this.seen.has(nonce)) return false;
    // A signature is good while |now − sentAt| ≤ the maximum age, and it arrived at most that long
    // before it was sent: twice the age from arrival outlives every acceptable signature.
    this.seen.set(nonce, now + 2 * MAX_SIGNATURE_AGE_MS);
    if (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  private forgetExpired(now: number): void {
    for (const [nonce, expiresAt] of this.seen) {
      if (expiresAt > now) return;
      this.seen.delete(nonce);
    }
  }
}
