import { randomUUID } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ForwardingRequestId } from '../engines.js';

/**
 * Stock Apollo Server + ApolloGateway over `supergraphSdl`, with @apollo/gateway's own
 * RemoteGraphQLDataSource (forwarding a request id, for the subgraphs' mutation serials),
 * on port 0, sending nothing anywhere else.
 */
export async function startStockGateway(supergraphSdl: string): Promise<{ graphqlUrl: string; close(): Promise<void> }> {
  // ApolloGateway reads this in its constructor and would otherwise export telemetry.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({ supergraphSdl, buildService: ({ url }) => new ForwardingRequestId({ url }) });
  const server = new ApolloServer({
    gateway,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' }, context: async () => ({ requestId: randomUUID() }) });
  return { graphqlUrl: url, close: () => server.stop() };
}
