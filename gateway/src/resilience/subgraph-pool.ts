import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';

export interface SubgraphPoolOptions {
  /** Most connections open to this subgraph at once; further fetches wait for a free one. */
  maxConnections: number;
  /** An idle connection is closed after this long (or sooner, when the subgraph's Keep-Alive hint says so). */
  idleMs: number;
  /** Called for every new TCP connection (not for a reused one). */
  onConnection?: () => void;
}

export interface PoolStats {
  /** Connections opened since the pool was made. */
  opened: number;
  /** Connections carrying a request now. */
  active: number;
  /** Open connections waiting for the next request. */
  idle: number;
  /** Fetches waiting for a connection because all `maxConnections` are busy. */
  queued: number;
}

export interface SubgraphPool {
  /** Enough of `fetch` for the signing fetcher: string or URL, method, headers, a string body, a signal. */
  fetch: typeof globalThis.fetch;
  stats(): PoolStats;
  /** Closes every connection; fetches after this open new ones. */
  close(): void;
}

/** Statuses whose answers have no body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * The connections to one subgraph: kept alive and reused (most recently used first, so the
 * spare ones idle out), never more than `maxConnections`. Built on node:http's Agent, which
 * bounds and counts per host; the global fetch shares one unbounded pool across the process.
 *
 * The whole answer is read before the promise resolves, so the caller's signal (the timeout)
 * covers the body too; a fetch cut off by it rejects with the signal's reason (TimeoutError)
 * and its connection is destroyed, never reused.
 */
export function createSubgraphPool(options: SubgraphPoolOptions): SubgraphPool {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxConnections,
    maxFreeSockets: options.maxConnections,
    // For a free socket this is its idle timeout; Node takes the smaller of it and the server's
    // `Keep-Alive: timeout=` hint, so the gateway lets a connection go before the subgraph does.
    timeout: options.idleMs,
    scheduling: 'lifo' as const,
  };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);
  let opened = 0;
  const seen = new WeakSet<Socket>();

  const fetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (typeof input !== 'string' && !(input instanceof URL)) {
      return Promise.reject(new TypeError('The subgraph pool fetches a URL, not a Request'));
    }
    const url = new URL(input);
    const secure = url.protocol === 'https:';
    const body = bodyBytes(init.body);
    const headers = new Headers(init.headers);
    const method = init.method ?? 'GET';
    if (body !== undefined || (method !== 'GET' && method !== 'HEAD')) headers.set('content-length', String(body?.length ?? 0));
    const signal = init.signal ?? undefined;

    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const request = (secure ? httpsRequest : httpRequest)(url, {
        method,
        headers: Object.fromEntries(headers),
        agent: secure ? https : http,
      });
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      };
      const onAbort = () => {
        request.destroy();
        fail(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      request.once('socket', (socket: Socket) => {
        // A queued request handed a freed socket is not marked reusedSocket: remember sockets instead.
        if (seen.has(socket)) return;
        seen.add(socket);
        opened += 1;
        options.onConnection?.();
      });
      // `on`, not `once`: a destroyed request may report more than one error; all but the first are moot.
      request.on('error', fail);
      request.once('response', (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.once('close', () => {
          if (!response.complete) fail(Object.assign(new Error('the subgraph closed the connection mid-answer'), { code: 'ECONNRESET' }));
        });
        response.once('end', () => {
          if (settled) return;
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          try {
            resolve(toResponse(url, response, Buffer.concat(chunks)));
          } catch (error) {
            reject(error);
          }
        });
      });
      request.end(body);
    });
  };

  return {
    fetch: fetch as typeof globalThis.fetch,
    stats() {
      const count = (table: NodeJS.ReadOnlyDict<unknown[]>) => Object.values(table).reduce((sum, list) => sum + (list?.length ?? 0), 0);
      return {
        opened,
        active: count(http.sockets) + count(https.sockets),
        idle: count(http.freeSockets) + count(https.freeSockets),
        queued: count(http.requests) + count(https.requests),
      };
    },
    close() {
      http.destroy();
      https.destroy();
    },
  };
}

function bodyBytes(body: RequestInit['body']): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('The subgraph pool sends a string or bytes as the body');
}

function toResponse(url: URL, response: IncomingMessage, body: Buffer): Response {
  const headers = new Headers();
  const raw = response.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const status = response.statusCode ?? 502;
  const answer = new Response(NULL_BODY_STATUSES.has(status) || body.length === 0 ? null : body, {
    status,
    statusText: response.statusMessage ?? '',
    headers,
  });
  // A constructed Response has no URL; @apollo/gateway puts it in an error's (masked) extensions.
  Object.defineProperty(answer, 'url', { value: url.href });
  return answer;
}
