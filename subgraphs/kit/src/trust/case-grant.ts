import type { PartyKeys } from './party-keys.js';
import type { TrustStore } from './trust-store.js';

/**
 * A purpose-bound reference to an applicant: the case system hands it to an officer reviewing a
 * case of their own department instead of the bare applicant id, and identity (or licences)
 * opens it before revealing anything. It names the officer, the department, the case and an
 * expiry, and is signed with the case system's own key: identity and licences verify it with
 * applications' public key only, so no other department can mint one, and a bare id gets an
 * officer nothing.
 */
/**
 * What a grant opens. `review`: the case is with the department (submitted, accepted, correction
 * requested, approved awaiting its licence) and the officer reviews it — full values, each read
 * logged. `archive`: a closed case read for a stated reason — full values, logged under that
 * reason. `list`: a case shown in a list — masked values only (a masked name), nothing full, so
 * nothing to log. A grant without a scope is a review grant.
 */
export type GrantScope = 'list' | 'review' | 'archive';

export interface CaseGrant {
  applicantId: string;
  /** The officer account it was handed to. */
  accountId: string;
  department: string;
  caseId: string;
  /** Shown to the applicant in their data-access log, e.g. 审查办件 SZ2026-000123. */
  purpose: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** The one record of the applicant's the grant opens, when not the applicant's own data (a licence id). */
  subjectId?: string;
  scope?: GrantScope;
}

/** Whether a grant lets full personal values leave (review and archive do; a list grant does not). */
export function grantOpensFullValues(grant: CaseGrant): boolean {
  return grant.scope !== 'list';
}

export const GRANT_PREFIX = 'G~';
/** The only party whose key makes case grants. */
export const CASE_GRANT_ISSUER = 'applications';

function signedText(payload: string): string {
  return `govgraph-case-grant-v2\n${payload}`;
}

export function mintCaseGrant(keys: PartyKeys, grant: CaseGrant): string {
  if (keys.party !== CASE_GRANT_ISSUER) throw new Error(`only ${CASE_GRANT_ISSUER} mints case grants, not ${keys.party}`);
  const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
  return `${GRANT_PREFIX}${payload}.${keys.signCompact(signedText(payload))}`;
}

export function isGrantReference(id: string): boolean {
  return id.startsWith(GRANT_PREFIX);
}

/** The grant, or null when the reference is forged, signed by anyone but applications, altered, expired or malformed. */
export function openCaseGrant(trust: TrustStore, reference: string, now = Date.now()): CaseGrant | null {
  if (!isGrantReference(reference) || reference.length > 2048) return null;
  const [payload, kid, signature, ...rest] = reference.slice(GRANT_PREFIX.length).split('.');
  if (!payload || !kid || !signature || rest.length > 0) return null;
  if (!trust.verify(CASE_GRANT_ISSUER, `${kid}.${signature}`, signedText(payload)).ok) return null;
  try {
    const grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CaseGrant;
    if (typeof grant !== 'object' || grant === null) return null;
    if (typeof grant.expiresAt !== 'number' || grant.expiresAt < now) return null;
    if (typeof grant.applicantId !== 'string' || typeof grant.accountId !== 'string' || typeof grant.caseId !== 'string') return null;
    return grant;
  } catch {
    return null;
  }
}
