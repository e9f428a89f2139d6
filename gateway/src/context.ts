import type { Logger } from '@govgraph/kit';
import type { Claims } from '@govgraph/kit/trust';

/** Per-request state: filled by the HTTP layer and plugins, read by the subgraph data sources. */
export interface GatewayContext {
  requestId: string;
  /** Verified from the bearer token; null for an anonymous caller. */
  claims: Claims | null;
  /** The client's address as this gateway sees it (the socket's peer), for per-address limits. */
  clientAddress: string | null;
  log: Logger;
  /** Whose executor runs this request's plan (GATEWAY_EXECUTOR; execute/install-executor.ts reads it). */
  planExecutor: 'govgraph' | 'apollo';
}
