import { fileURLToPath } from 'node:url';
import { createLogger } from '@govgraph/kit';
import { testParties } from '@govgraph/kit/testing';
import { loadGatewayConfig } from '../../src/config.js';
import { createGateway, type CreateGatewayOptions, type RunningGateway } from '../../src/server.js';

export const FIXTURE_SUPERGRAPH = fileURLToPath(new URL('../fixtures/supergraph.graphql', import.meta.url));
/**
 * The gateway's key and a trust list for the whole test file, in a temporary folder: fake
 * subgraphs verify the gateway's signatures with TEST_TRUST, as a department would.
 */
const TEST_PARTIES = testParties(['gateway', 'catalog', 'identity']);
export const TEST_TRUST = TEST_PARTIES.gateway.trust;
/** What a gateway process needs to find its key and the trust list. */
export const TEST_KEY_ENV = { GOVGRAPH_KEYS_DIR: `${TEST_PARTIES.dir}/keys`, GOVGRAPH_TRUST_DIR: `${TEST_PARTIES.dir}/trust` } as const;

/** The gateway over the fixture supergraph, on port 0, with subgraph URLs from `env`. */
export async function startGateway(env: Record<string, string>, options: CreateGatewayOptions = {}): Promise<RunningGateway> {
  const config = loadGatewayConfig({
    SUPERGRAPH_PATH: FIXTURE_SUPERGRAPH,
    ...TEST_KEY_ENV,
    GATEWAY_PORT: '0',
    ...env,
  });
  return createGateway(config, { log: createLogger('gateway-test'), ...options }).listen();
}

export interface GraphQLAnswer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> };
  text: string;
}

export async function postGraphQL(gateway: RunningGateway, payload: unknown, headers: Record<string, string> = {}): Promise<GraphQLAnswer> {
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text), text };
}
