import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeepAliveClient } from '../../load/http-client.js';
import type { RecordedFetch } from './waves.js';

/** Headers that belong to one connection, not to the request; never recorded or replayed. */
const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'te',
  'upgrade',
  'proxy-connection',
  'proxy-authorization',
  'accept-encoding',
]);

export interface RecordingProxy {
  name: string;
  /** The proxy's GraphQL URL (same path as the subgraph's). */
  url: string;
  targetUrl: string;
  fetches: RecordedFetch[];
  close(): Promise<void>;
}

/**
 * A reverse proxy on 127.0.0.1 in front of one subgraph that records each fetch (headers, body,
 * answer, start and end). It holds every answer `holdMs` before passing it on, so fetches a
 * gateway runs in parallel overlap in time even when the subgraph answers in microseconds.
 */
export async function startRecordingProxy(name: string, targetUrl: string, holdMs = 25, port = 0): Promise<RecordingProxy> {
  const client = new KeepAliveClient(64);
  const fetches: RecordedFetch[] = [];
  const server = createServer((req, res) => {
    const startMs = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    const relay = async (): Promise<void> => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = forwardable(req.headers);
      try {
        const method = req.method ?? 'GET';
        const hasBody = method !== 'GET' && method !== 'HEAD';
        const answer = await client.send(method, new URL(req.url ?? '/', targetUrl), hasBody ? body : null, headers);
        // Only GraphQL POSTs are plan fetches; anything else (the identity JWKS the gateway reads
        // to verify tokens) passes through unrecorded and undelayed.
        const isFetch = method === 'POST';
        if (isFetch) await new Promise((resolve) => setTimeout(resolve, holdMs));
        res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json', 'content-length': Buffer.byteLength(answer.body) });
        res.end(answer.body, () => {
          if (isFetch)
            fetches.push({
              subgraph: name,
              url: new URL(req.url ?? '/', targetUrl).href,
              body,
              headers,
              startMs,
              endMs: performance.now(),
              status: answer.status,
              responseBody: answer.body,
            });
        });
      } catch (error) {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: `recording proxy: ${(error as Error).message}` }] }));
      }
    };
    // Not awaited: relay() answers its own failures (502), so it does not reject.
    req.on('end', () => void relay());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const target = new URL(targetUrl);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${target.pathname}${target.search}`;
  return {
    name,
    url,
    targetUrl,
    fetches,
    async close() {
      client.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function forwardable(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (HOP_BY_HOP.has(key) || value === undefined) continue;
    kept[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}
