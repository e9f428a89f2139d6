import { SignJWT } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@govgraph/kit';
import { TOKEN_ALGORITHM, type SigningKeys } from './signing-keys.js';
import { TOKEN_LIFETIME_SECONDS } from './token-lifetime.js';

export { TOKEN_LIFETIME_SECONDS };

export interface TokenSubject {
  accountId: string;
  /** The person behind the account. */
  personId: string;
  /** Whom the token acts as: the person, or an enterprise they represent. */
  applicantId: string;
  roles: string[];
  department: string | null;
  /** The agent authorisation an enterprise-acting token is minted under: its `authorisation` claim. */
  authorisationId?: string | null;
}

/**
 * Issues the bearer token the gateway verifies; its claims are what subgraphs later receive.
 * `notAfter` shortens its life (an authorisation's last day ends before the hour is up).
 */
export async function issueToken(keys: SigningKeys, subject: TokenSubject, now: Date, options: { notAfter?: Date } = {}): Promise<{ token: string; expiresAt: Date }> {
  const { kid, privateKey } = await keys.current();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiry = Math.min(issuedAt + TOKEN_LIFETIME_SECONDS, options.notAfter ? Math.floor(options.notAfter.getTime() / 1000) : Number.POSITIVE_INFINITY);
  const expiresAt = new Date(expiry * 1000);
  const token = await new SignJWT({
    roles: subject.roles,
    person: subject.personId,
    applicant: subject.applicantId,
    ...(subject.department ? { dept: subject.department } : {}),
    ...(subject.authorisationId ? { authorisation: subject.authorisationId } : {}),
  })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid, typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(subject.accountId)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(expiry)
    .sign(privateKey);
  return { token, expiresAt };
}
