import { ForbiddenError, UnauthenticatedError, actsAs, grantOpensFullValues, isOfficer, requireApplicant, type CaseGrant, type Claims } from '@govgraph/kit';

/**
 * Why the caller holds this record, besides being its applicant: a case grant handed to an
 * officer of the case's department, or the public register naming an enterprise's legal
 * representative (whose name, and only name, is public).
 */
export type AccessBasis = { kind: 'caseGrant'; grant: CaseGrant } | { kind: 'publicRegister' };

export interface Reachable {
  id: string;
  /** The id as it was handed out (an opaque grant reference for officers). */
  referenceId?: string;
  basis?: AccessBasis;
}

/** The grant still names this very officer, of the same department. */
export function grantHolds(claims: Claims | null, grant: CaseGrant, now = Date.now()): boolean {
  return isOfficer(claims) && claims!.accountId === grant.accountId && claims!.department === grant.department && grant.expiresAt >= now;
}

/** Personal data: the applicant themself, or an officer holding a review or archive grant for it (a list grant shows masked values only). */
export function canReadPersonal(claims: Claims | null, record: Reachable): boolean {
  if (actsAs(claims, record.id)) return true;
  return record.basis?.kind === 'caseGrant' && grantHolds(claims, record.basis.grant) && grantOpensFullValues(record.basis.grant);
}

/** A case shown in a list: its officer may see masked values (a masked name, the masked ID number), nothing full. */
export function canReadMasked(claims: Claims | null, record: Reachable): boolean {
  return canReadPersonal(claims, record) || (record.basis?.kind === 'caseGrant' && grantHolds(claims, record.basis.grant));
}

/** Masked values: the reader may see them in full, or masked through a list grant. */
export function requireMasked(claims: Claims | null, record: Reachable): void {
  if (!claims) throw new UnauthenticatedError();
  if (!canReadMasked(claims, record)) throw new ForbiddenError("Only the applicant, or an officer through the applicant's case, may read this");
}

export function requirePersonal(claims: Claims | null, record: Reachable): void {
  if (!claims) throw new UnauthenticatedError();
  if (!canReadPersonal(claims, record)) throw new ForbiddenError("Only the applicant, or an officer through the applicant's case, may read this");
}

/** For what only the applicant may do or see (profile facts, the access log, agents). */
export function requireSelf(claims: Claims | null, applicantId: string): void {
  requireApplicant(claims, applicantId, 'read this');
}

/**
 * The person behind the token, whoever they act for: a person acting for their company still
 * sees which companies they may act for (to switch back and forth).
 */
export function requireSelfPerson(claims: Claims | null, personId: string): void {
  if (!claims) throw new UnauthenticatedError();
  if (claims.personId !== personId && !actsAs(claims, personId)) throw new ForbiddenError('Only the person may read this');
}

/** 张三 -> 张*, 欧阳娜娜 -> 欧***. */
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
