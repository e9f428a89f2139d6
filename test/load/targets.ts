import { randomBytes } from 'node:crypto';
import { decodeClaims, GATEWAY_PARTY, PartyKeys, signRequest, TrustHeader, type Claims } from '@govgraph/kit/trust';
import { hasGraphQLErrors, type HttpAnswer, type KeepAliveClient } from './http-client.js';
import type { Send } from './loops.js';
import type { LoadTarget, Outcome, ReplayFetch } from './types.js';

/** Turns a target description into the function the loops call for request number i. */
export function sendFor(target: LoadTarget, client: KeepAliveClient): Send {
  if (target.kind === 'http') {
    const requests = target.requests.map((r) => ({ ...r, url: new URL(r.url) }));
    if (!requests.length) throw new Error('no requests to send');
    return async (index) => {
      const r = requests[index % requests.length]!;
      return outcomeOf(await client.post(r.url, r.body, r.headers));
    };
  }
  const keys = target.gatewayKeysDir ? loadGatewayKeys(target.gatewayKeysDir) : null;
  const plans = target.plans.map((plan) => plan.waves.map((wave) => wave.map((f) => prepareFetch(f, keys))));
  if (!plans.length) throw new Error('no plans to replay');
  const requestPrefix = `replay-${randomBytes(3).toString('hex')}-`;
  let sequence = 0;
  return async (index) => {
    const waves = plans[index % plans.length]!;
    const requestId = requestPrefix + sequence++;
    let worst: Outcome = { status: 200, graphqlError: false };
    for (const wave of waves) {
      const answers = await Promise.all(wave.map((fetch) => client.post(fetch.url, fetch.body, fetch.headersFor(requestId))));
      for (const outcome of answers.map(outcomeOf)) {
        if (outcome.status !== 200) worst = { ...worst, status: outcome.status, sample: outcome.sample };
        if (outcome.graphqlError) worst = { ...worst, graphqlError: true, sample: worst.sample ?? outcome.sample };
      }
    }
    return worst;
  };
}

function outcomeOf(answer: HttpAnswer): Outcome {
  const graphqlError = hasGraphQLErrors(answer.body);
  if (answer.status === 200 && !graphqlError) return { status: 200, graphqlError };
  return { status: answer.status, graphqlError, sample: `${answer.status} ${answer.body.slice(0, 300)}` };
}

interface PreparedFetch {
  url: URL;
  body: string;
  headersFor(requestId: string): Record<string, string>;
}

/**
 * The gateway's signing key from a key folder (GOVGRAPH_KEYS_DIR's layout: `<dir>/gateway/`) of a
 * running graph. Never creates one: a key the subgraphs do not trust would only sign refusals.
 */
export function loadGatewayKeys(keysDir: string): PartyKeys {
  return PartyKeys.load({ party: GATEWAY_PARTY, keysDir, trustDir: null, create: false });
}

/** A recorded fetch, ready to send again: as recorded, or signed now with the gateway's key as the gateway would. */
export function prepareFetch(fetch: ReplayFetch, gatewayKeys: PartyKeys | null): PreparedFetch {
  const url = new URL(fetch.url);
  if (!gatewayKeys) return { url, body: fetch.body, headersFor: () => fetch.headers };
  const encoded = fetch.headers[TrustHeader.claims] ?? '';
  const claims: Claims | null = encoded ? decodeClaims(encoded) : null;
  const clientAddress = fetch.headers[TrustHeader.client] || null;
  return {
    url,
    body: fetch.body,
    headersFor: (requestId) => ({ ...fetch.headers, ...signRequest(gatewayKeys, { audience: fetch.subgraph, requestId, claims, body: fetch.body, clientAddress }) }),
  };
}
