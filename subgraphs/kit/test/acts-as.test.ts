import { describe, expect, it } from 'vitest';
import { actsAs, requireApplicant, type Claims } from '../src/trust/index.js';

const officer = { accountId: 'A-000004', personId: 'P-000004', applicantId: null, roles: ['officer'], department: 'X' } as unknown as Claims;
const zhangsan = { accountId: 'A-000001', personId: 'P-000001', applicantId: 'P-000001', roles: ['citizen'] } as unknown as Claims;

describe('acting as an applicant', () => {
  it('is the caller’s own applicant id only', () => {
    expect(actsAs(zhangsan, 'P-000001')).toBe(true);
    expect(actsAs(zhangsan, 'P-000002')).toBe(false);
    expect(actsAs(null, 'P-000001')).toBe(false);
  });

  it('is never two missing ids alike: a caller acting as nobody and a crafted representation without an id', () => {
    expect(actsAs(officer, null as unknown as string)).toBe(false);
    expect(actsAs(officer, undefined as unknown as string)).toBe(false);
    expect(actsAs({ ...zhangsan, applicantId: '' } as Claims, '')).toBe(false);
    expect(() => requireApplicant(officer, null as unknown as string, 'read this')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    );
  });
});
