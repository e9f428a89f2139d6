import { ENDED_AUTHORISATION_MEMORY_MS, ENDED_AUTHORISATIONS_PATH, sendJson, type EndedAuthorisationsAnswer, type SignedRoute } from '@govgraph/kit';
import type { AuthorisationRepository } from './authorisation.repository.js';

/**
 * The gateways' list of authorisations that ended within the last day (longer than any token
 * lives), read at their start and every half-minute: a gateway started after a revocation, or
 * one that missed the event, refuses those tokens too. Ids and times only; gateway-signed.
 */
export function endedAuthorisationsRoute(authorisations: AuthorisationRepository, clock: () => Date): SignedRoute {
  return {
    method: 'GET',
    path: ENDED_AUTHORISATIONS_PATH,
    handler: async (_req, res) => {
      const since = new Date(clock().getTime() - ENDED_AUTHORISATION_MEMORY_MS).toISOString();
      const answer: EndedAuthorisationsAnswer = { ended: await authorisations.endedSince(since) };
      sendJson(res, 200, answer, { 'cache-control': 'no-store' });
    },
  };
}
