import { parseResidentId } from './resident-id.js';

export type PersonalIdType = 'RESIDENT_ID' | 'HK_MACAO_PERMIT' | 'TAIWAN_PERMIT' | 'PASSPORT';

const RULES: Record<Exclude<PersonalIdType, 'RESIDENT_ID'>, { pattern: RegExp; hint: string }> = {
  // 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) and 8 or 10 digits.
  HK_MACAO_PERMIT: { pattern: /^[HM]\d{8}(\d{2})?$/, hint: 'H or M followed by 8 or 10 digits' },
  // 台湾居民来往大陆通行证: 8 digits (10 with the renewal count on older permits).
  TAIWAN_PERMIT: { pattern: /^\d{8}(\d{2})?$/, hint: '8 or 10 digits' },
  PASSPORT: { pattern: /^[A-Z0-9]{5,17}$/, hint: '5 to 17 upper-case letters and digits' },
};

/** Why an identity document number is not acceptable, or null when it is. */
export function personalIdProblem(type: PersonalIdType, value: string): string | null {
  if (type === 'RESIDENT_ID') {
    const parsed = parseResidentId(value);
    if (!('problem' in parsed)) return null;
    return {
      format: 'must be 17 digits and a check character (digit or X)',
      birthDate: 'does not contain a real birth date',
      check: 'has a wrong check character',
    }[parsed.problem];
  }
  const rule = RULES[type];
  return rule.pattern.test(value) ? null : `must be ${rule.hint}`;
}
