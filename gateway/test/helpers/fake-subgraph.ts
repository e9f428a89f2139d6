import { verifyRequest, type Claims } from '@govgraph/kit/trust';
import { TEST_TRUST } from './start-gateway.js';
import { startHttpServer, type TestServer } from './http-server.js';

export interface SeenRequest {
  query: string;
  variables: Record<string, unknown>;
  requestId: string;
  claims: Claims | null;
  headers: Record<string, string | string[] | undefined>;
}

export type Answer = (request: SeenRequest) => { status?: number; body: unknown } | Promise<{ status?: number; body: unknown }>;

/**
 * Stands in for a department subgraph: refuses unsigned requests like kit's createSubgraph
 * does, records what it was sent, and answers with canned GraphQL responses.
 */
export async function startFakeSubgraph(/** The subgraph name the gateway signs for. */ name: string, answer: Answer): Promise<TestServer & { seen: SeenRequest[] }> {
  const seen: SeenRequest[] = [];
  const server = await startHttpServer(async (req, res, body) => {
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const verified = verifyRequest(TEST_TRUST, name, header, body);
    if (!verified.ok) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: verified.reason, extensions: { code: 'UNAUTHENTICATED' } }] }));
      return;
    }
    const parsed = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
    const request: SeenRequest = {
      query: parsed.query,
      variables: parsed.variables ?? {},
      requestId: verified.requestId,
      claims: verified.claims,
      headers: req.headers,
    };
    seen.push(request);
    const { status = 200, body: responseBody } = await answer(request);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(responseBody));
  });
  return Object.assign(server, { seen });
}
