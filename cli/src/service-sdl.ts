import { randomUUID } from 'node:crypto';
import { signRequest, type PartyKeys } from '@govgraph/kit/trust';
import { UsageError } from './cli-args.js';
import { fetchFailure } from './fetch-failure.js';

/** The query @apollo/gateway itself sends to learn a subgraph's SDL. */
const SERVICE_SDL_QUERY = 'query __ApolloGetServiceDefinition__ { _service { sdl } }';

/**
 * `{ _service { sdl } }` from a running subgraph, signed as the gateway signs: subgraphs answer
 * nobody else, and the signature names the subgraph it is for (`name`).
 */
export async function fetchServiceSdl(name: string, url: string, keys: PartyKeys): Promise<string> {
  const body = JSON.stringify({ query: SERVICE_SDL_QUERY });
  const headers = signRequest(keys, { audience: name, requestId: `govgraph-cli-${randomUUID()}`, claims: null, body });
  const response = await reach(name, url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  if (response.status === 401) {
    throw new UsageError(
      `${name} at ${url} refused the signature (${errorMessage(text) ?? 401}): it must trust the gateway key the CLI signs with — ` +
        'the public key of GOVGRAPH_KEYS_DIR/gateway must be in the trust list the subgraph reads (GOVGRAPH_TRUST_DIR, or its DATA_DIR/trust), and --name must be its name',
    );
  }
  let json: { data?: { _service?: { sdl?: string } }; errors?: Array<{ message: string }> };
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${name} at ${url} answered ${response.status} with no JSON: is it a govgraph subgraph's /graphql?`);
  }
  const sdl = json.data?._service?.sdl;
  if (!sdl) throw new UsageError(`${name} at ${url} returned no SDL: ${json.errors?.map((e) => e.message).join('; ') ?? response.status}`);
  return sdl;
}

/**
 * The subgraph's name, from its unauthenticated `/healthz` (`{ status, service }`) beside the
 * GraphQL URL: what the signature must name when the user did not say (`--name`).
 */
export async function subgraphNameAt(url: string): Promise<string> {
  const health = new URL('/healthz', url).toString();
  const response = await reach('the subgraph', health, {});
  const service = response.ok ? ((await response.json().catch(() => ({}))) as { service?: unknown }).service : undefined;
  if (typeof service !== 'string' || service === '') {
    throw new UsageError(`cannot tell which subgraph answers at ${url} (${health} answered ${response.status} without a service name): pass --name <subgraph>`);
  }
  return service;
}

async function reach(name: string, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new UsageError(`cannot reach ${name} at ${url} (${fetchFailure(error)}); is it running?`);
  }
}

function errorMessage(text: string): string | undefined {
  try {
    return (JSON.parse(text) as { errors?: Array<{ message: string }> }).errors?.[0]?.message;
  } catch {
    return undefined;
  }
}
