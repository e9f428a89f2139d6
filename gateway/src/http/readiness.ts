import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '@govgraph/kit';

export interface ServedSubgraph {
  name: string;
  /** Where the gateway sends this subgraph's GraphQL fetches. */
  url: string;
}

export interface ReadinessOptions {
  /** The supergraph is loaded and the gateway is not shutting down. */
  isReady(): boolean;
  /** The subgraphs of the graph served now. */
  subgraphs(): ServedSubgraph[];
  /** The connections to use for a subgraph's probe (its pool); the global fetch when absent. */
  fetchFor?(name: string): typeof globalThis.fetch;
  /** Shared state: reported, never a reason for 503 (the gateway serves from memory meanwhile). */
  redis?(): 'ready' | 'unavailable';
  /** A subgraph that has not answered its /readyz by then counts as down. Default 1 s. */
  probeTimeoutMs?: number;
  /** Probe results are reused for this long, however often /readyz is asked. Default 1 s. */
  cacheMs?: number;
}

type Probed = { subgraphs: Record<string, 'ready' | 'down'>; down: string[] };

/**
 * GET /readyz: 200 when the supergraph is loaded and every subgraph answers its own /readyz;
 * 503 naming the ones that do not (no answer in time, or a 5xx such as a subgraph whose database
 * is not ready), while starting, and while draining at shutdown. Any other answer (a 404 from a
 * subgraph without /readyz) counts as answering.
 *
 * `GET /readyz?scope=gateway` checks the gateway alone (loaded, not draining): for a load
 * balancer, which should keep a gateway that serves partial results while one department is down.
 */
export function createReadinessHandler(options: ReadinessOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const probeTimeoutMs = options.probeTimeoutMs ?? 1_000;
  const cacheMs = options.cacheMs ?? 1_000;
  let cached: { at: number; result: Promise<Probed> } | undefined;

  async function probe(subgraph: ServedSubgraph): Promise<'ready' | 'down'> {
    const send = options.fetchFor?.(subgraph.name) ?? globalThis.fetch;
    try {
      const response = await send(readyzUrl(subgraph.url), { method: 'GET', signal: AbortSignal.timeout(probeTimeoutMs) });
      await response.arrayBuffer();
      return response.status >= 500 ? 'down' : 'ready';
    } catch {
      return 'down';
    }
  }

  async function probeAll(): Promise<Probed> {
    const subgraphs = options.subgraphs();
    const states = await Promise.all(subgraphs.map(probe));
    const result: Probed = { subgraphs: {}, down: [] };
    subgraphs.forEach((subgraph, i) => {
      result.subgraphs[subgraph.name] = states[i]!;
      if (states[i] === 'down') result.down.push(subgraph.name);
    });
    return result;
  }

  return async (req, res) => {
    const headers = { 'cache-control': 'no-store' };
    if (!options.isReady()) return sendJson(res, 503, { status: 'not ready', service: 'gateway' }, headers);
    const scope = new URL(req.url ?? '/', 'http://localhost').searchParams.get('scope');
    if (scope === 'gateway') return sendJson(res, 200, { status: 'ready', service: 'gateway' }, headers);
    const now = Date.now();
    if (!cached || now - cached.at >= cacheMs) cached = { at: now, result: probeAll() };
    const probed = await cached.result;
    const redis = options.redis?.();
    const ready = probed.down.length === 0 && options.isReady();
    const body = {
      status: ready ? 'ready' : 'not ready',
      service: 'gateway',
      ...(probed.down.length > 0 ? { down: probed.down } : {}),
      subgraphs: probed.subgraphs,
      ...(redis ? { redis } : {}),
    };
    return sendJson(res, ready ? 200 : 503, body, headers);
  };
}

/** http://host:4003/graphql -> http://host:4003/readyz */
function readyzUrl(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = `${url.pathname.replace(/\/graphql\/?$/, '').replace(/\/+$/, '')}/readyz`;
  url.search = '';
  return url.toString();
}
