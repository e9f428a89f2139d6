import { randomUUID } from 'node:crypto';
import { signRequest, TOKEN_AUDIENCE, TOKEN_ISSUER, type Claims, type PartyKeys, type SignedHeaders } from '@govgraph/kit/trust';
import { createTokenVerifier } from '../../../gateway/src/auth/verify-token.js';
import { loadGatewayKeys } from '../../load/targets.js';

/**
 * The least every non-govgraph gateway needs to front govgraph's subgraphs, the same for each:
 * verify the portal's bearer token against identity's JWKS (the gateway's own verifier), and
 * sign every subgraph request over its exact body with the gateway's key, for the subgraph it
 * goes to (the kit's signRequest). The subgraphs refuse anything unsigned, or signed for another
 * subgraph, so without this glue no other gateway gets an answer.
 */
export interface PortalGlue {
  /** null without an Authorization header; throws UnauthenticatedError for a bad token. */
  claimsFor(authorization: string | null | undefined): Promise<Claims | null>;
  /** The trust headers for one request to the subgraph at `url` (one of the workload's subgraph URLs). */
  sign(url: string, body: string, claims: Claims | null, requestId?: string): SignedHeaders;
}

export class UnauthenticatedError extends Error {
  readonly code = 'UNAUTHENTICATED';
  constructor() {
    super('Invalid or expired token');
    this.name = 'UnauthenticatedError';
  }
}

const normalise = (url: string) => new URL(url).href;

export function createPortalGlue(options: { keys: PartyKeys; jwksUrl: string; subgraphUrls: Record<string, string> }): PortalGlue {
  const verify = createTokenVerifier({ jwksUrl: options.jwksUrl, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
  // A signature names the subgraph it is for: the glue finds it by the URL the gateway fetches.
  const audienceOf = new Map(Object.entries(options.subgraphUrls).map(([name, url]) => [normalise(url), name]));
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
    sign(url, body, claims, requestId = randomUUID()) {
      const audience = audienceOf.get(url) ?? audienceOf.get(normalise(url));
      if (!audience) throw new Error(`portal glue: ${url} is none of the workload's subgraphs (${[...audienceOf.keys()].join(', ')})`);
      return signRequest(options.keys, { audience, requestId, claims, body, clientAddress: '127.0.0.1' });
    },
  };
}

/** Where the glue's settings reach a contender's process. */
export const GLUE_ENV = {
  /** The graph's key folder (GOVGRAPH_KEYS_DIR's layout): the glue signs with the gateway's key there. */
  keysDir: 'BENCH_GLUE_KEYS_DIR',
  jwksUrl: 'BENCH_GLUE_JWKS_URL',
  /** JSON: subgraph name → GraphQL URL, so each fetch is signed for the subgraph it goes to. */
  subgraphUrls: 'BENCH_GLUE_SUBGRAPH_URLS',
} as const;

/** The environment a contender's process gets for the workload's glue (nothing for the deep query). */
export function glueEnv(workload: { signing: { gatewayKeysDir: string; jwksUrl: string } | null; subgraphUrls: Record<string, string> }): Record<string, string | undefined> {
  return {
    [GLUE_ENV.keysDir]: workload.signing?.gatewayKeysDir,
    [GLUE_ENV.jwksUrl]: workload.signing?.jwksUrl,
    [GLUE_ENV.subgraphUrls]: workload.signing ? JSON.stringify(workload.subgraphUrls) : undefined,
  };
}

/** The glue from the environment, or null when the workload needs none (the deep query). */
export function portalGlueFromEnv(env: NodeJS.ProcessEnv = process.env): PortalGlue | null {
  const keysDir = env[GLUE_ENV.keysDir];
  const jwksUrl = env[GLUE_ENV.jwksUrl];
  const subgraphUrls = env[GLUE_ENV.subgraphUrls];
  if (!keysDir || !jwksUrl || !subgraphUrls) return null;
  return createPortalGlue({ keys: loadGatewayKeys(keysDir), jwksUrl, subgraphUrls: JSON.parse(subgraphUrls) as Record<string, string> });
}
