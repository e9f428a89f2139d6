import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { PooledHeaders, PooledResponse } from './pooled-response.js';

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

  // One subgraph has one or two URLs (GraphQL, readiness): parse each once.
  const urls = new Map<string, URL>();
  const parsedUrl = (input: string | URL): URL => {
    if (input instanceof URL) return input;
    let url = urls.get(input);
    if (!url) {
      url = new URL(input);
      if (urls.size < 16) urls.set(input, url);
    }
    return url;
  };

  const fetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (typeof input !== 'string' && !(input instanceof URL)) {
      return Promise.reject(new TypeError('The subgraph pool fetches a URL, not a Request'));
    }
    const url = parsedUrl(input);
    const secure = url.protocol === 'https:';
    const body = bodyBytes(init.body);
    const headers = plainHeaders(init.headers);
    const method = init.method ?? 'GET';
    if (body !== undefined || (method !== 'GET' && method !== 'HEAD')) headers['content-length'] = String(body?.length ?? 0);
    const signal = init.signal ?? undefined;

    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const request = (secure ? httpsRequest : httpRequest)(url, {
        method,
        headers,
        agent: secure ? https : http,
      });
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      };
      // Until a connection is free the fetch waits in the agent's queue: the subgraph has not seen it.
      let connected = false;
      const onAbort = () => {
        request.destroy();
        fail(connected ? signal!.reason : new PoolQueueTimeout(signal!.reason));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      request.once('socket', (socket: Socket) => {
        connected = true;
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

/**
 * The timeout ran out while the fetch was still waiting for one of the pool's connections: the
 * gateway is saturated, the subgraph never saw the request, so it says nothing about the subgraph.
 */
export class PoolQueueTimeout extends Error {
  override readonly name = 'PoolQueueTimeout';
  constructor(readonly reason: unknown) {
    super('no free connection to the subgraph before the timeout');
  }
}

function bodyBytes(body: RequestInit['body']): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('The subgraph pool sends a string or bytes as the body');
}

/** Lower-cased names in a plain object, as node:http takes them; a Headers or list is read as fetch would. */
function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  const plain: Record<string, string> = {};
  if (!headers) return plain;
  const entries = headers instanceof Headers || Array.isArray(headers) ? new Headers(headers).entries() : Object.entries(headers);
  for (const [name, value] of entries) plain[name.toLowerCase()] = String(value);
  return plain;
}

/**
 * The whole answer as the part of a Response that its readers use (pooled-response.ts): no
 * WHATWG Response, Headers and body stream per fetch. Carries the URL, which @apollo/gateway
 * puts in an error's (masked) extensions.
 */
function toResponse(url: URL, response: IncomingMessage, body: Buffer): Response {
  const answer = new PooledResponse(url.href, response.statusCode ?? 502, response.statusMessage ?? '', new PooledHeaders(response.headers), body);
  return answer as unknown as Response;
}
