/**
 * One benchmark subgraph as its own process: `node --import tsx serve-subgraph.ts <name> [port]`.
 * Plain node:http and graphql-js over `buildSubgraphSchema`, with parsed and validated documents
 * kept (a gateway sends the same few fetches again and again), so the subgraphs stay cheap and
 * the gateway in front of them is what a benchmark measures. Prints one JSON line with its URL.
 *
 * GET /stats answers what it was asked so far: requests, requests with entity representations,
 * representations received and how many were distinct within their variable.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, specifiedRules, validate, type DocumentNode, type GraphQLError } from 'graphql';
import { FEDERATION_SUBGRAPHS } from './modules.js';
import type { SubgraphModule } from './subgraph-module.js';

const name = process.argv[2] as SubgraphModule['name'];
const module = FEDERATION_SUBGRAPHS[name];
if (!module) {
  console.error(`usage: serve-subgraph.ts <${Object.keys(FEDERATION_SUBGRAPHS).join('|')}> [port]`);
  process.exit(2);
}
const port = Number(process.argv[3] ?? 0);
const schema = buildSubgraphSchema([{ typeDefs: parse(module.typeDefs), resolvers: module.resolvers as never }]);

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const MAX_CACHED_DOCUMENTS = 500;
const documents = new Map<string, { document: DocumentNode } | { errors: readonly GraphQLError[] }>();
const stats = { requests: 0, entityRequests: 0, representations: 0, uniqueRepresentations: 0 };

function prepare(query: string): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
  let prepared = documents.get(query);
  if (!prepared) {
    try {
      const document = parse(query);
      const errors = validate(schema, document, specifiedRules);
      prepared = errors.length > 0 ? { errors } : { document };
    } catch (error) {
      prepared = { errors: [error as GraphQLError] };
    }
    if (documents.size >= MAX_CACHED_DOCUMENTS) documents.clear();
    documents.set(query, prepared);
  }
  return prepared;
}

/** Counts entity representations in any variable (batching gateways alias `_entities` per fetch). */
function count(variables: Record<string, unknown> | undefined): void {
  stats.requests += 1;
  const lists = Object.values(variables ?? {}).filter(
    (value): value is unknown[] => Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null && '__typename' in item),
  );
  if (lists.length === 0) return;
  stats.entityRequests += 1;
  for (const list of lists) {
    stats.representations += list.length;
    stats.uniqueRepresentations += new Set(list.map((r) => JSON.stringify(r))).size;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/stats') return send(res, 200, stats);
  if (req.method === 'GET' && path === '/health') return send(res, 200, { ok: true });
  if (path !== '/graphql') return send(res, 404, { errors: [{ message: 'not found' }] });
  if (req.method !== 'POST') return send(res, 405, { errors: [{ message: 'POST only' }] });
  const text = await readBody(req);
  if (text === null) return send(res, 413, { errors: [{ message: 'body too large' }] });
  let body: { query?: unknown; variables?: Record<string, unknown>; operationName?: string };
  try {
    body = JSON.parse(text);
  } catch {
    return send(res, 400, { errors: [{ message: 'body is not JSON' }] });
  }
  if (typeof body.query !== 'string') return send(res, 400, { errors: [{ message: 'query must be a string' }] });
  count(body.variables);
  const prepared = prepare(body.query);
  if ('errors' in prepared) return send(res, 400, { errors: prepared.errors.map((e) => ({ message: e.message })) });
  const result = await execute({ schema, document: prepared.document, variableValues: body.variables, operationName: body.operationName, contextValue: {} });
  send(res, 200, result);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    if (!res.headersSent) send(res, 500, { errors: [{ message: 'internal error' }] });
  });
});
// Longer than any gateway's pooled-connection idle time, so a reused socket is never closed under it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address() as AddressInfo;
  console.log(JSON.stringify({ listening: `http://127.0.0.1:${bound}/graphql`, name }));
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
