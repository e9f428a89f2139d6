import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Keep-alive POSTs over node:http. Measured here against global fetch (undici) on the same
 * tiny server: node:http costs the load process less CPU per request (see docs/benchmarks.md),
 * and the load process must never be the bottleneck.
 */
export interface HttpAnswer {
  status: number;
  body: string;
  contentType?: string;
}

export interface ConnectionCounters {
  opened: number;
  dropped: number;
}

export class KeepAliveClient {
  private readonly agent: Agent;
  private readonly seen = new WeakSet<Socket>();
  readonly counters: ConnectionCounters = { opened: 0, dropped: 0 };

  constructor(maxSockets = 1024) {
    this.agent = new Agent({ keepAlive: true, maxSockets, keepAliveMsecs: 30_000 });
  }

  post(url: string | URL, body: string, headers: Record<string, string>): Promise<HttpAnswer> {
    return this.send('POST', url, body, { 'content-type': 'application/json', ...headers });
  }

  /** Any method; a body only when one is given (a GET has none). */
  send(method: string, url: string | URL, body: string | null, headers: Record<string, string>): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      let socket: Socket | undefined;
      // A request that fails on a connection: the connection died under it (reset, closed
      // mid-answer). An idle kept-alive connection the server times out fails no request.
      const fail = (error: Error) => {
        if (socket && !this.dropped.has(socket)) {
          this.dropped.add(socket);
          this.counters.dropped += 1;
        }
        reject(error);
      };
      const req = request(url, { method, agent: this.agent, headers: body === null ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), contentType: res.headers['content-type'] });
        });
        res.on('error', fail);
      });
      req.on('socket', (s: Socket) => {
        socket = s;
        if (this.seen.has(s)) return;
        this.seen.add(s);
        this.counters.opened += 1;
      });
      req.on('error', fail);
      if (body === null) req.end();
      else req.end(body);
    });
  }

  private readonly dropped = new WeakSet<Socket>();

  close(): void {
    this.agent.destroy();
  }
}

/** Does a GraphQL answer carry errors? A byte search, not a parse: the hot loop stays cheap. */
export function hasGraphQLErrors(body: string): boolean {
  return body.includes('"errors":');
}
