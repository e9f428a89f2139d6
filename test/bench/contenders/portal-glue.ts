import { randomUUID } from 'node:crypto';
import { signRequest, TOKEN_AUDIENCE, TOKEN_ISSUER, type Claims, type SignedHeaders } from '@govgraph/kit/trust';
import { createTokenVerifier } from '../../../gateway/src/auth/verify-token.js';

/**
 * The least every non-govgraph gateway needs to front govgraph's subgraphs, the same for each:
 * verify the portal's bearer token against identity's JWKS (the gateway's own verifier), and
 * sign every subgraph request over its exact body with the shared secret (the kit's signRequest).
 * The subgraphs refuse anything unsigned, so without this glue no other gateway gets an answer.
 */
export interface PortalGlue {
  /** null without an Authorization header; throws UnauthenticatedError for a bad token. */
  claimsFor(authorization: string | null | undefined): Promise<Claims | null>;
  /** The trust headers for one subgraph request. */
  sign(body: string, claims: Claims | null, requestId?: string): SignedHeaders;
}

export class UnauthenticatedError extends Error {
  readonly code = 'UNAUTHENTICATED';
  constructor() {
    super('Invalid or expired token');
    this.name = 'UnauthenticatedError';
  }
}

export function createPortalGlue(options: { secret: string; jwksUrl: string }): PortalGlue {
  const verify = createTokenVerifier({ jwksUrl: options.jwksUrl, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
  return {
    async claimsFor(authorization) {
      if (!authorization || authorization.trim() === '') return null;
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) throw new UnauthenticatedError();
      try {
        return await verify(match[1]!);
      } catch {
        throw new UnauthenticatedError();
      }
    },
    sign(body, claims, requestId = randomUUID()) {
      return signRequest(options.secret, { requestId, claims, body, clientAddress: '127.0.0.1' });
    },
  };
}

/** Where the glue's settings reach a contender's process. */
export const GLUE_ENV = { secret: 'BENCH_GLUE_SECRET', jwksUrl: 'BENCH_GLUE_JWKS_URL' } as const;

/** The glue from the environment, or null when the workload needs none (the deep query). */
export function portalGlueFromEnv(env: NodeJS.ProcessEnv = process.env): PortalGlue | null {
  const secret = env[GLUE_ENV.secret];
  const jwksUrl = env[GLUE_ENV.jwksUrl];
  return secret && jwksUrl ? createPortalGlue({ secret, jwksUrl }) : null;
}
