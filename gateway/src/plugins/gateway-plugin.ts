import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';

/**
 * One gateway feature. `onRequest` runs on the raw HTTP request before GraphQL (auth, rate
 * limits); `apollo` hooks into operations (persisted queries, caching).
 */
export interface GatewayPlugin {
  name: string;
  /** May fill the context; refuses the whole request by throwing a RequestRefusal. */
  onRequest?(req: IncomingMessage, context: GatewayContext): void | Promise<void>;
  apollo?: ApolloServerPlugin<GatewayContext>;
}

/** Thrown by a plugin to answer the HTTP request with a GraphQL-shaped error and no execution. */
export class RequestRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'RequestRefusal';
  }
}
