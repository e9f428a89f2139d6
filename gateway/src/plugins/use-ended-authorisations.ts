import { ErrorCode } from '@govgraph/kit';
import type { EndedAuthorisations } from '../authorisations/ended-authorisations.js';
import type { EndedAuthorisationsFeed } from '../authorisations/follow-ended-authorisations.js';
import { RequestRefusal, type GatewayPlugin } from './gateway-plugin.js';

/**
 * After auth: a token acting for an enterprise under an agent authorisation that ended is refused
 * with 401, on GraphQL and on /documents alike, checked on every request (not remembered with the
 * verified token). Until identity's list was read once, such tokens get 503: better than honouring
 * a revoked one.
 *
 * `feed` keeps `ended` current (authorisations/follow-ended-authorisations.ts): started before
 * the gateway reports ready, so a gateway started after a revocation refuses its tokens too.
 */
export function useEndedAuthorisations(options: { ended: EndedAuthorisations; feed?: EndedAuthorisationsFeed }): GatewayPlugin {
  return {
    name: 'ended-authorisations',
    async start() {
      await options.feed?.start();
    },
    async close() {
      await options.feed?.close();
    },
    onRequest(_req, context) {
      const authorisationId = context.claims?.authorisationId;
      if (!authorisationId) return;
      if (!options.ended.known) {
        throw new RequestRefusal(
          503,
          ErrorCode.DOWNSTREAM_SERVICE_ERROR,
          'Cannot check the authorisation this token acts under now; the identity service is unavailable',
          { serviceName: 'identity' },
          { 'retry-after': '5' },
        );
      }
      if (!options.ended.has(authorisationId)) return;
      context.log.info({ authorisationId, enterpriseId: context.claims?.applicantId }, 'token refused: its authorisation ended');
      throw new RequestRefusal(
        401,
        ErrorCode.UNAUTHENTICATED,
        'The authorisation this token acts for the enterprise under has ended (revoked or replaced); sign in again',
        { reason: 'AUTHORISATION_ENDED' },
        { 'www-authenticate': 'Bearer error="invalid_token", error_description="authorisation ended"' },
      );
    },
  };
}
