import { CITY_DEPARTMENTS, type Claims } from '@govgraph/kit';

const DEPARTMENT_NAMES = new Map(CITY_DEPARTMENTS.map((d) => [d.code, d.name]));

export const APPLICANT_ACTOR = '申请人';
export const SYSTEM_ACTOR = '系统';

/** How the case history names an officer: their department and account, not their person. */
export function officerActor(claims: Claims): string {
  return `${DEPARTMENT_NAMES.get(claims.department ?? '') ?? claims.department ?? ''} ${claims.accountId}`.trim();
}

/** A department's name by credit code; provenance rows hold a code (our writes) or already a name. */
export function departmentName(code: string): string | null {
  return DEPARTMENT_NAMES.get(code) ?? null;
}
