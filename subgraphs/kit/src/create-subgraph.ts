import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { createErrorFormatter } from './format-error.js';
import type { Logger } from './logger.js';
import type { Claims } from './trust/claims.js';
import { verifyRequest } from './trust/gateway-signature.js';
import {
  BodyTooLargeError,
  closeServer,
  executeThroughApollo,
  listen,
  parseJsonBody,
  readBody,
  sendGraphQLError,
  sendJson,
} from './http/index.js';

export interface SubgraphContext<Loaders = unknown, Services = unknown> {
  /** Verified by the gateway; null for an anonymous caller. */
  claims: Claims | null;
  requestId: string;
  /** The portal client's address, as the gateway saw it (signed). */
  clientAddress: string | null;
  log: Logger;
  /** Fresh per request, so batching never leaks data between callers. */
  loaders: Loaders;
  /** Long-lived: repositories, keys, clock. Shared by every request. */
  services: Services;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface SubgraphOptions<Loaders, Services> {
  name: string;
  schema: GraphQLSchema;
  /** Shared with the gateway: verifies the signature on every GraphQL request. */
  secret: string;
  log: Logger;
  services: Services;
  /** Called per request: fresh DataLoaders, so batching never mixes callers. */
  createLoaders: (services: Services) => Loaders;
  /** Readiness: throws when a dependency (the database) is not answering. */
  checkReady?: () => Promise<void>;
  /** Public GET routes besides GraphQL and health, e.g. identity's JWKS. */
  routes?: Record<string, RouteHandler>;
  maxBodyBytes?: number;
  /** Extra Apollo Server plugins, e.g. to flush per-request records before the response. */
  plugins?: ApolloServerPlugin<SubgraphContext<Loaders, Services>>[];
  /** Graceful shutdown hook, after the HTTP server stopped (close the database). */
  onClose?: () => Promise<void>;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  graphqlUrl: string;
  close(): Promise<void>;
}

export interface Subgraph {
  listen(port: number, host: string): Promise<RunningSubgraph>;
}

const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Serves a subgraph schema over HTTP: `/graphql` for requests signed by the gateway, `/healthz`
 * and `/readyz` for operators, and any public routes the subgraph adds.
 */
export async function createSubgraph<Loaders, Services>(options: SubgraphOptions<Loaders, Services>): Promise<Subgraph> {
  const { log } = options;
  const apollo = new ApolloServer<SubgraphContext<Loaders, Services>>({
    schema: options.schema,
    formatError: createErrorFormatter(log),
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      return sendGraphQLError(res, 405, 'BAD_REQUEST', 'Subgraphs accept only POST from the gateway', { allow: 'POST' });
    }
    const raw = await readBody(req, maxBodyBytes);
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const verified = verifyRequest(options.secret, header, raw);
    if (!verified.ok) {
      log.warn({ reason: verified.reason, remote: req.socket.remoteAddress }, 'refused unsigned request');
      return sendGraphQLError(res, 401, 'UNAUTHENTICATED', `Request refused: ${verified.reason}; subgraphs answer only the gateway`);
    }
    const parsed = parseJsonBody(raw);
    if (!parsed.ok) return sendGraphQLError(res, 400, 'BAD_REQUEST', 'Body is not valid JSON');
    const context: SubgraphContext<Loaders, Services> = {
      claims: verified.claims,
      requestId: verified.requestId,
      clientAddress: verified.clientAddress,
      log: log.child({ requestId: verified.requestId }),
      loaders: options.createLoaders(options.services),
      services: options.services,
    };
    await executeThroughApollo(apollo, req, res, parsed.value, async () => context);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      if (path === '/graphql') return await handleGraphQL(req, res);
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok', service: options.name });
      if (path === '/readyz') {
        try {
          await options.checkReady?.();
          return sendJson(res, 200, { status: 'ready', service: options.name });
        } catch {
          return sendJson(res, 503, { status: 'not ready', service: options.name });
        }
      }
      const route = options.routes?.[path];
      if (route && req.method === 'GET') return await route(req, res);
      return sendJson(res, 404, { error: 'not found' });
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendGraphQLError(res, 413, 'BAD_REQUEST', `Request body exceeds ${error.limitBytes} bytes`, { connection: 'close' });
      }
      log.error({ err: error, path }, 'request failed');
      if (!res.headersSent) sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.destroy();
    }
  }

  return {
    async listen(port, host) {
      const http = createServer((req, res) => void handle(req, res));
      http.keepAliveTimeout = 65_000;
      const url = await listen(http, port, host);
      log.info({ url }, `${options.name} subgraph listening`);
      return {
        name: options.name,
        url,
        graphqlUrl: `${url}/graphql`,
        async close() {
          await closeServer(http);
          await apollo.stop();
          await options.onClose?.();
        },
      };
    },
  };
}
