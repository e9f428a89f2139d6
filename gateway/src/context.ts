import type { Logger } from '@govgraph/kit';
import type { Claims } from '@govgraph/kit/trust';

/** Per-request state: filled by the HTTP layer and plugins, read by the subgraph data sources. */
export interface GatewayContext {
  requestId: string;
  /** Verified from the bearer token; null for an anonymous caller (and for every caller with GATEWAY_TOKEN_VERIFICATION=off). */
  claims: Claims | null;
  /** The client's address as this gateway sees it (the socket's peer), for per-address limits. */
  clientAddress: string | null;
  log: Logger;
  /** Whose executor runs this request's plan (GATEWAY_EXECUTOR; engine/execute/install-executor.ts reads it). */
  planExecutor: 'govgraph' | 'apollo';
  /**
   * The client's Authorization header as sent, kept only when some subgraph is configured to
   * receive it (SUBGRAPH_<NAME>_FORWARD_AUTHORIZATION=on); handed to those subgraphs alone.
   */
  authorization?: string;
}

/**
 * Nothing about the caller reaches a subgraph: no verified claims, no Authorization handed on.
 * Only such a request's answers may be shared with other callers (the response cache, shared fetches).
 */
export function isAnonymous(context: Pick<GatewayContext, 'claims' | 'authorization'>): boolean {
  return context.claims === null && context.authorization === undefined;
}
