import { TrustHeader } from '@govgraph/kit/trust';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { startHttpServer } from '../../helpers/http-server.js';
import type { ZooContext } from '../zoo/zoo.js';

export interface ServedZoo {
  /** Where subgraph `name` answers. */
  urlOf(name: string): string;
  close(): Promise<void>;
}

/**
 * A zoo's subgraphs over real HTTP, each at `/<name>` of one server. Signatures are not checked
 * (stock @apollo/gateway sends none; other tests check govgraph's). A mutation's serial counts
 * per client request, told apart by the request id header both kinds of gateway forward.
 */
export async function serveZoo(schemas: ReadonlyMap<string, GraphQLSchema>): Promise<ServedZoo> {
  const serials = new Map<string, number>();
  const server = await startHttpServer(async (req, res, body) => {
    const schema = schemas.get((req.url ?? '').slice(1));
    if (!schema) {
      res.writeHead(404).end();
      return;
    }
    const requestId = String(req.headers[TrustHeader.requestId] ?? '');
    const context: ZooContext = {
      serial: () => {
        const serial = (serials.get(requestId) ?? 0) + 1;
        serials.set(requestId, serial);
        return serial;
      },
    };
    const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
    const result = await execute({ schema, document: parse(query), variableValues: variables ?? {}, contextValue: context });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  });
  return { urlOf: (name) => `${server.url}/${name}`, close: server.close };
}
