/**
 * Stock Apollo: `@apollo/gateway` in `@apollo/server` with default options, served by
 * startStandaloneServer. Env: SUPERGRAPH_PATH, PORT, HOST; with BENCH_GLUE_* (portal mix) the
 * shared glue verifies the token and signs each subgraph request — added as headers around
 * the data source's own default fetcher (make-fetch-happen), so its HTTP stack stays stock.
 * Prints `{"listening": url}` once it serves.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { decodeClaims, encodeClaims, TrustHeader, type Claims } from '@govgraph/kit/trust';
import { GraphQLError } from 'graphql';
import { portalGlueFromEnv, type PortalGlue } from './portal-glue.js';

interface Context {
  claims: Claims | null;
}

const supergraphSdl = readFileSync(process.env.SUPERGRAPH_PATH ?? 'supergraph.graphql', 'utf8');
const glue = portalGlueFromEnv();

/** The stock data source; with the glue, its default fetcher gets the trust headers and nothing else. */
class GluedDataSource extends RemoteGraphQLDataSource<Context> {
  constructor(url: string, portalGlue: PortalGlue) {
    super({ url });
    const stockFetcher = this.fetcher;
    this.fetcher = (input, init = {}) => {
      const headers = { ...(init.headers as Record<string, string>) };
      const body = typeof init.body === 'string' ? init.body : String(init.body ?? '');
      const encoded = headers[TrustHeader.claims];
      const signed = portalGlue.sign(url, body, encoded ? decodeClaims(encoded) : null);
      return stockFetcher(input, { ...init, headers: { ...headers, ...signed } });
    };
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<Context>): void {
    if (!('incomingRequestContext' in options)) return;
    options.request.http?.headers.set(TrustHeader.claims, encodeClaims(options.context.claims));
  }
}

const gateway = new ApolloGateway({
  supergraphSdl,
  ...(glue ? { buildService: ({ url }: { url?: string }) => new GluedDataSource(url!, glue) } : {}),
});
const server = new ApolloServer<Context>({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' },
  context: async ({ req }) => {
    if (!glue) return { claims: null };
    try {
      return { claims: await glue.claimsFor(req.headers.authorization) };
    } catch {
      throw new GraphQLError('Invalid or expired token', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
  },
});
console.log(JSON.stringify({ listening: url.endsWith('/') ? url : `${url}/` }));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void server.stop().then(() => process.exit(0)));
