import { JWKS_PATH, JWT_AUDIENCE, JWT_ISSUER } from '../auth-constants.js';
import { besideGraphql, readHttpUrl } from '../url-setting.js';
import { readOnOff } from '../on-off-setting.js';

/** How bearer tokens are checked at the edge (auth/verify-token.ts, plugins/use-auth.ts). */
export interface TokenVerificationSettings {
  /**
   * GATEWAY_TOKEN_VERIFICATION, on by default. Off: no token is checked and no caller has claims
   * (every request is anonymous to the gateway and to govgraph's departments); a token is only
   * handed on where SUBGRAPH_<NAME>_FORWARD_AUTHORIZATION allows. Refused in production unless
   * acknowledged.
   */
  verifyTokens: boolean;
  /** JWKS_URL, else identity's /.well-known/jwks.json beside its GraphQL endpoint. */
  jwksUrl: string;
  /** GATEWAY_TOKEN_ISSUER and GATEWAY_TOKEN_AUDIENCE; identity's by default. */
  jwt: { issuer: string; audience: string };
}

/** The one value that lets a production gateway run without token verification. */
export const VERIFICATION_OFF_ACKNOWLEDGEMENT = 'acknowledged';

export function loadTokenVerification(env: NodeJS.ProcessEnv, nodeEnv: string, identityGraphqlUrl: string): TokenVerificationSettings {
  const verifyTokens = readOnOff(env, 'GATEWAY_TOKEN_VERIFICATION', true);
  const acknowledged = (env.GATEWAY_TOKEN_VERIFICATION_OFF_IN_PRODUCTION ?? '').trim();
  if (acknowledged !== '' && acknowledged !== VERIFICATION_OFF_ACKNOWLEDGEMENT) {
    throw new Error(
      `GATEWAY_TOKEN_VERIFICATION_OFF_IN_PRODUCTION must be "${VERIFICATION_OFF_ACKNOWLEDGEMENT}" or unset, got ${JSON.stringify(env.GATEWAY_TOKEN_VERIFICATION_OFF_IN_PRODUCTION)}`,
    );
  }
  // Off by mistake in production would quietly make every caller anonymous and check no token: say so, and stop.
  if (!verifyTokens && nodeEnv === 'production' && acknowledged !== VERIFICATION_OFF_ACKNOWLEDGEMENT) {
    throw new Error(
      `GATEWAY_TOKEN_VERIFICATION=off with NODE_ENV=production: no bearer token would be checked. If the subgraphs behind this gateway check their own tokens, set GATEWAY_TOKEN_VERIFICATION_OFF_IN_PRODUCTION=${VERIFICATION_OFF_ACKNOWLEDGEMENT}`,
    );
  }
  return {
    verifyTokens,
    jwksUrl: env.JWKS_URL ? readHttpUrl(env, 'JWKS_URL') : besideGraphql(identityGraphqlUrl, JWKS_PATH),
    jwt: Object.freeze({ issuer: nonEmpty(env, 'GATEWAY_TOKEN_ISSUER') ?? JWT_ISSUER, audience: nonEmpty(env, 'GATEWAY_TOKEN_AUDIENCE') ?? JWT_AUDIENCE }),
  };
}

/** Tokens identity issued: only those can act under an agent authorisation identity may end. */
export function isIdentityIssuer(settings: Pick<TokenVerificationSettings, 'jwt'>): boolean {
  return settings.jwt.issuer === JWT_ISSUER;
}

function nonEmpty(env: NodeJS.ProcessEnv, variable: string): string | undefined {
  const value = env[variable]?.trim();
  return value ? value : undefined;
}
