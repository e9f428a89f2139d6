import { describe, expect, it } from 'vitest';
import { formatLicenceId, isCreditCode, mod3736CheckCharacter, parseLicenceId, parseResidentId, withCreditCodeCheck } from '../src/identifiers/index.js';

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the examples from docs/domain.md and derives birth date and gender', () => {
    expect(parseResidentId('11010519491231002X')).toEqual({ divisionCode: '110105', birthDate: '1949-12-31', gender: 'FEMALE' });
    expect(parseResidentId('440303199003071233')).toEqual({ divisionCode: '440303', birthDate: '1990-03-07', gender: 'MALE' });
  });
  it('rejects a wrong check character, an impossible date and a bad format', () => {
    expect(parseResidentId('440303199003071234')).toEqual({ problem: 'check' });
    expect(parseResidentId('440303199002301231')).toEqual({ problem: 'birthDate' });
    expect(parseResidentId('44030319900307123')).toEqual({ problem: 'format' });
    expect(parseResidentId('44030319900307123x')).toEqual({ problem: 'format' });
  });
});

describe('unified social credit codes (GB 32100)', () => {
  it('accepts valid codes and rejects a wrong check character', () => {
    expect(isCreditCode('914403001922038216')).toBe(true);
    expect(isCreditCode('9144030071526726XG')).toBe(true);
    expect(isCreditCode('914403001922038217')).toBe(false);
    expect(isCreditCode('91440300192203821I')).toBe(false);
  });
  it('completes a code with its check character', () => {
    expect(withCreditCodeCheck('91440300192203821')).toBe('914403001922038216');
  });
});

describe('electronic licence identifiers (MOD 37,36)', () => {
  it('computes the ISO 7064 MOD 37,36 check character', () => {
    // Worked by hand from the algorithm in docs/domain.md: p=36 → (36+1)%36=1 → 2 → then 'A'(10): 12 → 24 ; check = (37-24)%36 = 13 = 'D'
    expect(mod3736CheckCharacter('1A')).toBe('D');
  });
  it('round-trips an identifier and detects tampering', () => {
    const id = formatLicenceId({ typeCode: 'JDCJSZ', issuerCreditCode: '914403001922038216', serial: '00000001', version: '1' });
    expect(id.startsWith('1.2.156.3005.2.JDCJSZ.914403001922038216.00000001.1.')).toBe(true);
    expect(parseLicenceId(id)).toEqual({ typeCode: 'JDCJSZ', issuerCreditCode: '914403001922038216', serial: '00000001', version: '1' });
    const tampered = id.replace('00000001', '00000002');
    expect(parseLicenceId(tampered)).toBeNull();
    expect(parseLicenceId('not-an-id')).toBeNull();
  });
});
