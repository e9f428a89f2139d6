import { randomBytes } from 'node:crypto';
import { ENDED_AUTHORISATIONS_PATH, type EndedAuthorisationsAnswer } from '@govgraph/kit';
import { signRouteRequest, type PartyKeys } from '@govgraph/kit/trust';

/** identity's base URL + the route: http://host:4002/graphql -> http://host:4002/authorisations/ended. */
export function endedAuthorisationsUrl(identityGraphqlUrl: string): URL {
  return new URL(identityGraphqlUrl.replace(/\/graphql\/?$/, '').replace(/\/+$/, '') + ENDED_AUTHORISATIONS_PATH);
}

/** Asks identity, with the gateway's signature, which authorisations ended within the last day. */
export async function fetchEndedAuthorisations(identityGraphqlUrl: string, keys: PartyKeys, timeoutMs: number): Promise<EndedAuthorisationsAnswer['ended']> {
  const url = endedAuthorisationsUrl(identityGraphqlUrl);
  const headers = signRouteRequest(keys, {
    audience: 'identity',
    requestId: `gateway-authorisations-${randomBytes(6).toString('hex')}`,
    claims: null,
    method: 'GET',
    target: `${url.pathname}${url.search}`,
    body: 'none',
  });
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`identity answered ${response.status} for ${url.pathname}`);
  const answer = (await response.json()) as Partial<EndedAuthorisationsAnswer> | null;
  const ended = answer?.ended;
  if (!Array.isArray(ended) || !ended.every((e) => typeof e?.authorisationId === 'string' && typeof e?.endedAt === 'string')) {
    throw new Error(`identity's ${url.pathname} is not a list of ended authorisations`);
  }
  return ended;
}
