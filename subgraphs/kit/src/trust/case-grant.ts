import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A purpose-bound reference to an applicant: the case system hands it to an officer reviewing a
 * case of their own department instead of the bare applicant id, and identity opens it before
 * revealing anything. It names the officer, the department, the case and an expiry, and is
 * signed with a key derived from the graph's shared secret. A bare id gets an officer nothing.
 */
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
}

export const GRANT_PREFIX = 'G~';

function grantKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('govgraph case grant v1').digest();
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', grantKey(secret)).update(payload).digest('base64url');
}

export function mintCaseGrant(secret: string, grant: CaseGrant): string {
  const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
  return `${GRANT_PREFIX}${payload}.${mac(secret, payload)}`;
}

export function isGrantReference(id: string): boolean {
  return id.startsWith(GRANT_PREFIX);
}

/** The grant, or null when the reference is forged, altered, expired or malformed. */
export function openCaseGrant(secret: string, reference: string, now = Date.now()): CaseGrant | null {
  if (!isGrantReference(reference) || reference.length > 1024) return null;
  const [payload, signature] = reference.slice(GRANT_PREFIX.length).split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CaseGrant;
    if (typeof grant.expiresAt !== 'number' || grant.expiresAt < now) return null;
    return grant;
  } catch {
    return null;
  }
}
