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
}

/** Issues the bearer token the gateway verifies; its claims are what subgraphs later receive. */
export async function issueToken(keys: SigningKeys, subject: TokenSubject, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const { kid, privateKey } = await keys.current();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedAt + TOKEN_LIFETIME_SECONDS) * 1000);
  const token = await new SignJWT({
    roles: subject.roles,
    person: subject.personId,
    applicant: subject.applicantId,
    ...(subject.department ? { dept: subject.department } : {}),
  })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid, typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(subject.accountId)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
    .sign(privateKey);
  return { token, expiresAt };
}
