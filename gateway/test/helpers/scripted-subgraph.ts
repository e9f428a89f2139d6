import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from '@govgraph/kit';
import { TrustHeader, verifyRequest } from '@govgraph/kit/trust';
import { TEST_TRUST } from './start-gateway.js';

export interface ScriptedRequest {
  /** 1-based, over the subgraph's life. */
  n: number;
  query: string;
  variables: Record<string, unknown>;
  requestId: string;
  signature: string | undefined;
}

/** What the subgraph does with one request: answer, answer after a pause, hang, or drop the connection. */
export type Action = { status?: number; body: unknown; delayMs?: number } | 'hang' | 'reset';

export interface ScriptedSubgraph {
  url: string;
  graphqlUrl: string;
  requests: ScriptedRequest[];
  /** TCP connections accepted so far (a kept-alive connection counts once). */
  connections(): number;
  /** Connections open right now. */
  openConnections(): number;
  /** GET /readyz answers so far. */
  probes(): number;
  /** What GET /readyz answers (200 by default). */
  readyStatus: number;
  close(): Promise<void>;
}

/**
 * A subgraph whose every answer the test decides: checks the gateway's signature like a kit
 * subgraph (unsigned: 401), records each request, and counts the connections it accepts.
 */
export async function startScriptedSubgraph(/** The subgraph name the gateway signs for. */ name: string, script: (request: ScriptedRequest) => Action): Promise<ScriptedSubgraph> {
  const requests: ScriptedRequest[] = [];
  let connections = 0;
  let open = 0;
  let probes = 0;
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString('utf8');
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/readyz') {
      probes += 1;
      res.writeHead(subgraph.readyStatus, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ status: subgraph.readyStatus === 200 ? 'ready' : 'not ready' }));
    }
    const verified = verifyRequest(TEST_TRUST, name, header, body);
    if (!verified.ok) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ errors: [{ message: verified.reason, extensions: { code: 'UNAUTHENTICATED' } }] }));
    }
    const parsed = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
    const request: ScriptedRequest = {
      n: requests.length + 1,
      query: parsed.query,
      variables: parsed.variables ?? {},
      requestId: verified.requestId,
      signature: header(TrustHeader.signature),
    };
    requests.push(request);
    const action = script(request);
    if (action === 'hang') return;
    if (action === 'reset') return void req.socket.destroy();
    if (action.delayMs) await new Promise((resolve) => setTimeout(resolve, action.delayMs));
    res.writeHead(action.status ?? 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(action.body));
  };
  // Not awaited: a throw in answer() (a script's) is an unhandled rejection, which vitest reports as an error of the run.
  const server = createServer((req, res) => void answer(req, res));
  server.keepAliveTimeout = 65_000;
  server.on('connection', (socket) => {
    connections += 1;
    open += 1;
    socket.once('close', () => (open -= 1));
  });
  const url = await listen(server, 0, '127.0.0.1');
  const subgraph: ScriptedSubgraph = {
    url,
    graphqlUrl: `${url}/graphql`,
    requests,
    connections: () => connections,
    openConnections: () => open,
    probes: () => probes,
    readyStatus: 200,
    close: () => closeServer(server, 0),
  };
  return subgraph;
}
