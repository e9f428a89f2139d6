import type { IncomingMessage } from 'node:http';
import { ErrorCode } from '@govgraph/kit';
import { InvalidTokenError, KeySetUnavailableError, type TokenVerifier } from '../auth/verify-token.js';
import { RequestRefusal, type GatewayPlugin } from './gateway-plugin.js';

export interface UseAuthOptions {
  verifyToken: TokenVerifier;
}

/**
 * Verifies the bearer token once, at the edge, and puts the claims in the context; subgraphs
 * get them signed and never see the token (unless one is configured to, with
 * SUBGRAPH_<NAME>_FORWARD_AUTHORIZATION). No Authorization header means anonymous; a bad token
 * refuses the whole request (a client with a stale token must know, not get less data). Not
 * installed with GATEWAY_TOKEN_VERIFICATION=off (plugins/create-gateway-plugins.ts).
 */
export function useAuth(options: UseAuthOptions): GatewayPlugin {
  return {
    name: 'auth',
    async onRequest(req, context) {
      const token = bearerToken(req);
      if (token === undefined) return;
      try {
        context.claims = await options.verifyToken(token);
      } catch (error) {
        if (error instanceof KeySetUnavailableError) {
          context.log.error({ err: error.cause }, 'cannot fetch the JWKS to verify a token');
          throw new RequestRefusal(
            503,
            ErrorCode.DOWNSTREAM_SERVICE_ERROR,
            'Cannot verify the token now; the identity service is unavailable',
            {
              serviceName: 'identity',
            },
            { 'retry-after': '5' },
          );
        }
        context.log.info({ reason: error instanceof InvalidTokenError ? error.reason : 'unknown' }, 'token refused');
        throw new RequestRefusal(
          401,
          ErrorCode.UNAUTHENTICATED,
          'Invalid or expired token',
          {},
          {
            'www-authenticate': 'Bearer error="invalid_token"',
          },
        );
      }
      context.log = context.log.child({ accountId: context.claims.accountId });
    },
  };
}

/** undefined when there is no Authorization header; '' (refused) when it is not a Bearer token. */
function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : '';
}
