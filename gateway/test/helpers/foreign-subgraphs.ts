import type { IncomingHttpHeaders } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, GraphQLError, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { startHttpServer, type TestServer } from './http-server.js';

/**
 * Subgraphs that are not govgraph's, built with @apollo/subgraph and served over HTTP as any
 * federation subgraph would be: they know nothing of govgraph's signatures and claims.
 *
 * - `accounts` answers `me` only to a caller whose Authorization it accepts itself
 *   (`Bearer partner-token`, or a token of the partner's own issuer): the gateway must hand it on.
 * - `gateway` — a name that once read the gateway's own GATEWAY_PORT — answers `status` and
 *   an account's `nickname` by key.
 */
const ACCOUNTS_SDL = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { me: Account }
  type Account @key(fields: "id") { id: ID! name: String }
`);
const GATEWAY_SDL = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { status: String }
  type Account @key(fields: "id") { id: ID! nickname: String }
`);

export const PARTNER_TOKEN = 'partner-token';

interface ForeignContext {
  headers: IncomingHttpHeaders;
}

export interface ForeignSubgraph extends TestServer {
  graphqlUrl: string;
  /** The headers of every request it got. */
  seen: IncomingHttpHeaders[];
}

export interface ForeignSubgraphs {
  accounts: ForeignSubgraph;
  gateway: ForeignSubgraph;
  /** The composed supergraph, routed to the two, in a temporary file. */
  supergraphPath: string;
  close(): Promise<void>;
}

/** `acceptsAuthorization`: what `accounts` takes as a signed-in caller (by default only `Bearer partner-token`). */
export async function startForeignSubgraphs(
  acceptsAuthorization: (header: string | undefined) => boolean = (header) => header === `Bearer ${PARTNER_TOKEN}`,
): Promise<ForeignSubgraphs> {
  const accountsSchema = buildSubgraphSchema({
    typeDefs: ACCOUNTS_SDL,
    resolvers: {
      Query: {
        me: (_: unknown, __: unknown, context: unknown) => {
          if (!acceptsAuthorization((context as ForeignContext).headers.authorization))
            throw new GraphQLError('Sign in with the partner', { extensions: { code: 'UNAUTHENTICATED' } });
          return { id: 'acct-7', name: 'Ada' };
        },
      },
      Account: { __resolveReference: ({ id }: { id: string }) => ({ id, name: 'Ada' }) },
    },
  });
  const gatewaySchema = buildSubgraphSchema({
    typeDefs: GATEWAY_SDL,
    resolvers: {
      Query: { status: () => 'served by the subgraph named gateway' },
      Account: { __resolveReference: ({ id }: { id: string }) => ({ id, nickname: `nick-${id}` }) },
    },
  });
  const accounts = await serve(accountsSchema);
  const gateway = await serve(gatewaySchema);
  return {
    accounts,
    gateway,
    supergraphPath: writeForeignSupergraph({ accounts: accounts.graphqlUrl, gateway: gateway.graphqlUrl }),
    close: async () => {
      await accounts.close();
      await gateway.close();
    },
  };
}

/** The two composed into a supergraph routed to `urls`, in a temporary file. */
export function writeForeignSupergraph(urls: { accounts: string; gateway: string }): string {
  const { supergraphSdl, errors } = composeServices([
    { name: 'accounts', typeDefs: ACCOUNTS_SDL, url: urls.accounts },
    { name: 'gateway', typeDefs: GATEWAY_SDL, url: urls.gateway },
  ]);
  if (errors?.length) throw new Error(errors.map((error) => error.message).join('\n'));
  const path = join(mkdtempSync(join(tmpdir(), 'govgraph-foreign-')), 'supergraph.graphql');
  writeFileSync(path, supergraphSdl!);
  return path;
}

/** A plain GraphQL-over-HTTP endpoint at /graphql: no signature checked, every request's headers recorded. */
async function serve(schema: GraphQLSchema): Promise<ForeignSubgraph> {
  const seen: IncomingHttpHeaders[] = [];
  const server = await startHttpServer(async (req, res, body) => {
    seen.push(req.headers);
    const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      res.writeHead(400, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
    }
    const result = await execute({ schema, document, variableValues: variables ?? {}, contextValue: { headers: req.headers } satisfies ForeignContext });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result));
  });
  return Object.assign(server, { graphqlUrl: `${server.url}/graphql`, seen });
}
