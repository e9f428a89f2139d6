import { describe, expect, it } from 'vitest';
import { prefillReference } from '../src/prefill/prefill.reference.js';
import { PrefillResolver } from '../src/prefill/prefill.resolver.js';

const ctx = (applicantId: string | null) =>
  ({ claims: applicantId ? { accountId: 'A-1', personId: applicantId, applicantId, roles: ['citizen'], department: null } : null }) as any;

describe('Prefill entity', () => {
  it('resolves a representation only for the applicant it names', async () => {
    const ref = { matterCode: 'JJ-0101', applicantId: 'P-000001' };
    await expect(prefillReference.__resolveReference(ref, ctx('P-000001'))).resolves.toBe(ref);
    await expect(prefillReference.__resolveReference(ref, ctx('P-000002'))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(prefillReference.__resolveReference(ref, ctx(null))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('reports an unknown matter as NOT_FOUND', () => {
    const resolver = new PrefillResolver();
    expect(() => resolver.fields({ matterCode: 'NOPE', applicantId: 'P-1', matter: null })).toThrow(expect.objectContaining({ extensions: { code: 'NOT_FOUND' } }));
    expect(() => resolver.materials({ matterCode: 'NOPE', applicantId: 'P-1' })).toThrow(expect.objectContaining({ extensions: { code: 'NOT_FOUND' } }));
  });

  it('validates the matter code before anything else', () => {
    const resolver = new PrefillResolver();
    expect(() => resolver.prefill('X'.repeat(10_000), ctx('P-1'))).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'matterCode' } }));
    expect(() => resolver.prefill('JJ-0101', ctx(null))).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
  });
});
