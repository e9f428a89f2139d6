import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { ApolloGateway } from '@apollo/gateway';
import type { Logger } from '@govgraph/kit';
import type { GatewayConfig } from '../config.js';
import type { GatewayContext } from '../context.js';
import { createGatewayErrorFormatter } from '../format-gateway-error.js';
import { contextualLogger } from '../observability/request-scope.js';

/** Apollo Server 5 over the engine's gateway, with the plugins' execution hooks; nothing sent anywhere else. */
export function createApolloServer(
  config: Pick<GatewayConfig, 'nodeEnv'>,
  deps: { gateway: ApolloGateway; plugins: ApolloServerPlugin<GatewayContext>[]; log: Logger },
): ApolloServer<GatewayContext> {
  const { log } = deps;
  return new ApolloServer<GatewayContext>({
    gateway: deps.gateway,
    formatError: createGatewayErrorFormatter(contextualLogger(log)),
    includeStacktraceInErrorResponses: false,
    // Persisted queries are use-trusted-documents' (Redis-shared APQ, trusted ids, refusals).
    persistedQueries: false,
    // Arrays are admitted here and sized by use-limits (GATEWAY_MAX_BATCH_SIZE, 1 by default).
    allowBatchedHttpRequests: true,
    introspection: config.nodeEnv !== 'production',
    nodeEnv: config.nodeEnv,
    logger: contextualLogger(log.child({ component: 'apollo-server' }), { component: 'apollo-server' }),
    // index.ts owns the signals: it drains HTTP before Apollo stops.
    stopOnTerminationSignals: false,
    plugins: [
      // Apollo's landing page loads from a CDN; the request handler serves the offline playground.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...deps.plugins,
    ],
  });
}
