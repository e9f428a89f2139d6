import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../src/account/password.js';

describe('password hashing', () => {
  it('verifies the right password only, and never stores it in clear', async () => {
    const hash = await hashPassword('demo');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('demo');
    expect(await verifyPassword('demo', hash)).toBe(true);
    expect(await verifyPassword('Demo', hash)).toBe(false);
    expect(await hashPassword('demo')).not.toBe(hash);
  });

  it('rejects against the dummy hash and malformed hashes', async () => {
    expect(await verifyPassword('demo', DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('demo', 'plain')).toBe(false);
  });
});
