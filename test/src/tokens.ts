import { importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, unseal, type Database } from '@govgraph/kit';

/**
 * Signs a token with identity's own active key, so tests can present tokens identity would
 * never issue (wrong issuer, expired, not yet valid) and see the gateway refuse them for that
 * reason alone.
 */
export async function signWithIdentityKey(
  identity: Database<any>,
  /** identity's own sealing secret (graph.party('identity').keys.sealingSecret). */
  sealingSecret: string,
  payload: JWTPayload,
  options: { issuer?: string; audience?: string; expiresAt?: number; notBefore?: number } = {},
): Promise<string> {
  const row = await identity.db.selectFrom('signing_key').selectAll().where('retired_at', 'is', null).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const jwk = JSON.parse(unseal(sealingSecret, 'identity-token-signing-key', row.private_jwk)) as JWK;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'EdDSA', kid: row.kid })
    .setIssuer(options.issuer ?? TOKEN_ISSUER)
    .setAudience(options.audience ?? TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setNotBefore(options.notBefore ?? now)
    .setExpirationTime(options.expiresAt ?? now + 600)
    .sign(await importJWK(jwk, 'EdDSA'));
}
