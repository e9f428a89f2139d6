import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';

/**
 * One gateway feature: every one (observability, auth, ended authorisations, limits, rate limits,
 * trusted documents, the response cache, and `CreateGatewayOptions.plugins`) is written against
 * this contract alone, and takes only the hooks it needs. plugins/plugin-pipeline.ts runs them in
 * the order of the list, each stage before the next (docs/architecture.md draws it):
 *
 * 1. `onRequest` — the raw HTTP request, before its body is read (GraphQL and /documents);
 * 2. `onOperations` — the GraphQL parameters, read and parsed as JSON but not yet seen by Apollo;
 *    `bodyTooLarge` words the refusal of a body that could not be read for its size;
 * 3. `apollo` — Apollo Server's own hooks, around parsing, validation and execution;
 * 4. `onSubgraphFetch` — every attempt of every fetch the query plan sends to a subgraph.
 *
 * `start` runs once the supergraph is loaded and before the gateway reports ready; `close` at
 * shutdown, after HTTP has drained and Apollo has stopped, in the reverse order of `start`.
 */
export interface GatewayPlugin {
  readonly name: string;
  /** May fill the context (claims, logger bindings); refuses the whole request by throwing a RequestRefusal. */
  onRequest?(req: IncomingMessage, context: GatewayContext): void | Promise<void>;
  /** Sees what a GraphQL request asks before anything parses a document; refuses by throwing a RequestRefusal. */
  onOperations?(operations: ParsedOperations, context: GatewayContext): void | Promise<void>;
  /**
   * The refusal of a body over `limitBytes` (which the HTTP layer enforces while reading);
   * `declaredBytes` is its Content-Length when sent. The first plugin to answer wins; without
   * one the answer is a plain 413.
   */
  bodyTooLarge?(limitBytes: number, declaredBytes: number | undefined): RequestRefusal | undefined;
  /** Apollo Server's plugin hooks: parsing, validation, execution, the response. */
  apollo?: ApolloServerPlugin<GatewayContext>;
  /** Called as an attempt starts; what it returns hears how the attempt ended. Not for health checks. */
  onSubgraphFetch?(fetch: SubgraphFetch): SubgraphFetchWatch | void;
  /** Opens what the feature needs (connections, feeds); the gateway is not ready until every start has returned. */
  start?(): void | Promise<void>;
  /** Releases what `start` (or the factory) opened. */
  close?(): void | Promise<void>;
}

/** What one GraphQL HTTP request asks, as the client sent it (unchecked JSON). */
export interface ParsedOperations {
  /**
   * Each operation's parameters — `{ query?, operationName?, variables?, extensions?, documentId? }`
   * from the POST body, or a GET's query parameters — not checked for shape: anything JSON can be.
   */
  readonly operations: readonly unknown[];
  /** The POST body was a JSON array (a batch, even of one). */
  readonly batch: boolean;
}

/** One attempt of one fetch to a subgraph, planned from a client request. */
export interface SubgraphFetch {
  readonly subgraph: string;
  /** The fetch's own operation type (a mutation's plan also fetches `_entities` queries). */
  readonly operationType: string | undefined;
  readonly context: GatewayContext;
}

/** A plugin's part in one attempt. */
export interface SubgraphFetchWatch {
  /** Headers to add to the attempt (e.g. `traceparent`); never trust headers nor Authorization, which the engine sets. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The subgraph answered with JSON (GraphQL errors inside still count as an answer). */
  succeeded?(): void;
  /** The attempt threw: refused, unreachable, timed out, 5xx, not GraphQL. */
  failed?(error: unknown): void;
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
