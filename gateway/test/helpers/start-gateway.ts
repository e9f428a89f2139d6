import { fileURLToPath } from 'node:url';
import { createLogger } from '@govgraph/kit';
import { loadGatewayConfig } from '../../src/config.js';
import { createGateway, type CreateGatewayOptions, type RunningGateway } from '../../src/server.js';

export const FIXTURE_SUPERGRAPH = fileURLToPath(new URL('../fixtures/supergraph.graphql', import.meta.url));
export const TEST_SECRET = 'test-secret-'.padEnd(40, 'x');

/** The gateway over the fixture supergraph, on port 0, with subgraph URLs from `env`. */
export async function startGateway(env: Record<string, string>, options: CreateGatewayOptions = {}): Promise<RunningGateway> {
  const config = loadGatewayConfig({
    SUPERGRAPH_PATH: FIXTURE_SUPERGRAPH,
    GOVGRAPH_SECRET: TEST_SECRET,
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

export async function postGraphQL(
  gateway: RunningGateway,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLAnswer> {
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text), text };
}
