import { actsAs, requireApplicant, type Claims } from '@govgraph/kit';

/** The caller is the applicant (or acts as them): the only one who may read their personal data. */
export const isSelf = actsAs;

export function requireSelf(claims: Claims | null, applicantId: string): void {
  requireApplicant(claims, applicantId, 'read their personal data');
}

/** 张三 -> 张*, 欧阳娜娜 -> 欧***; company names keep their first two characters. */
export function maskName(name: string, keep = 1): string {
  const characters = [...name];
  if (characters.length <= keep) return `${characters[0] ?? ''}*`;
  return characters.slice(0, keep).join('') + '*'.repeat(characters.length - keep);
}

export function maskIdNumber(idNumber: string): string {
  return idNumber.length <= 8 ? '*'.repeat(idNumber.length) : `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

export function maskMobile(mobile: string): string {
  return mobile.length < 7 ? '*'.repeat(mobile.length) : `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}
