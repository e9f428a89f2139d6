import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import { JWT_AUDIENCE, JWT_ISSUER } from '../../src/auth-constants.js';
import { startHttpServer, type TestServer } from './http-server.js';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

export async function newSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' } };
}

/** Serves the JWKS of whatever keys are in `keys` at the time of each fetch; counts fetches. */
export async function startJwksServer(keys: SigningKey[]): Promise<TestServer & { jwksUrl: string; fetches: () => number }> {
  let fetches = 0;
  const server = await startHttpServer((_req, res) => {
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: keys.map((key) => key.jwk) }));
  });
  return Object.assign(server, { jwksUrl: `${server.url}/.well-known/jwks.json`, fetches: () => fetches });
}

export interface TokenInput {
  sub?: string;
  claims?: JWTPayload;
  issuer?: string;
  audience?: string;
  expiresIn?: string | number;
}

/** A token as identity would issue it, with knobs to break each part. */
export function signToken(key: SigningKey, input: TokenInput = {}): Promise<string> {
  return new SignJWT({ roles: ['citizen'], applicant: 'P-1', ...input.claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
    .setSubject(input.sub ?? 'acct-1')
    .setIssuer(input.issuer ?? JWT_ISSUER)
    .setAudience(input.audience ?? JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(input.expiresIn ?? '5m')
    .sign(key.privateKey);
}
