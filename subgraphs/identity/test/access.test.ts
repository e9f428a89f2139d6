import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskMobile, maskName, requireSelf } from '../src/applicant/access.js';

describe('masking', () => {
  it('masks names, ID numbers and mobiles', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskIdNumber('440303199003071233')).toBe('4403**********1233');
    expect(maskMobile('13800138000')).toBe('138****8000');
  });
});

describe('requireSelf', () => {
  const claims = { accountId: 'A-1', personId: 'P-000001', applicantId: 'P-000001', roles: ['citizen'], department: null };
  it('lets the applicant through and refuses everyone else with a code', () => {
    expect(() => requireSelf(claims, 'P-000001')).not.toThrow();
    expect(() => requireSelf(claims, 'P-000002')).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
    expect(() => requireSelf(null, 'P-000001')).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
  });
});
