import { describe, expect, it } from 'vitest';
import type { Claims } from '@govgraph/kit/trust';
import { VerifiedTokens } from '../src/auth/verified-tokens.js';

const claims: Claims = { accountId: 'acct-1', personId: 'P-1', applicantId: 'P-1', roles: ['citizen'], department: null };

describe('VerifiedTokens', () => {
  it('trusts a verification until the token expires or a minute has passed, whichever is first', () => {
    let now = 1_000_000;
    const tokens = new VerifiedTokens({ maxAgeMs: 60_000, now: () => now });
    tokens.remember('soon', claims, now + 5_000);
    tokens.remember('later', claims, now + 3_600_000);
    now += 4_999;
    expect(tokens.get('soon')).toEqual(claims);
    now += 1;
    expect(tokens.get('soon')).toBeUndefined();
    now += 54_999;
    expect(tokens.get('later')).toEqual(claims);
    now += 1;
    expect(tokens.get('later')).toBeUndefined();
  });

  it('never remembers an expired token, and forgets the oldest when full', () => {
    const now = 1_000_000;
    const tokens = new VerifiedTokens({ maxEntries: 2, now: () => now });
    tokens.remember('expired', claims, now);
    expect(tokens.get('expired')).toBeUndefined();
    tokens.remember('a', claims, now + 10_000);
    tokens.remember('b', claims, now + 10_000);
    tokens.remember('c', claims, now + 10_000);
    expect([tokens.get('a'), tokens.get('b'), tokens.get('c')].map(Boolean)).toEqual([false, true, true]);
  });

  it('gives every request its own claims object', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('t', claims, Date.now() + 10_000);
    const first = tokens.get('t')!;
    first.roles.push('admin');
    first.accountId = 'someone-else';
    expect(tokens.get('t')).toEqual(claims);
  });
});
