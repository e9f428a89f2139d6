import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Logger } from '@govgraph/kit';
import { encodeClaims, TrustHeader } from '@govgraph/kit/trust';
import type { GatewayContext } from './context.js';
import { clientErrorFrom, downstreamError } from './downstream-error.js';
import { createSigningFetcher, type FetcherResponse } from './signing-fetcher.js';

export interface SignedDataSourceOptions {
  name: string;
  url: string;
  secret: string;
  timeoutMs: number;
  log: Logger;
  fetch?: typeof globalThis.fetch;
}

/**
 * One department's subgraph as the gateway calls it: claims and request id forwarded in signed
 * headers (no Authorization header), failures turned into DOWNSTREAM_SERVICE_ERROR naming the
 * department, with the details only in the log.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly serviceName: string;
  private readonly log: Logger;

  constructor(options: SignedDataSourceOptions) {
    super({
      url: options.url,
      fetcher: createSigningFetcher({ secret: options.secret, timeoutMs: options.timeoutMs, fetch: options.fetch }),
    });
    this.serviceName = options.name;
    this.log = options.log;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = options.request.http?.headers;
    // Only operations planned from a client request carry our context (not health checks).
    if (!headers || !('incomingRequestContext' in options)) return;
    const { requestId, claims, clientAddress } = options.context;
    headers.set(TrustHeader.requestId, requestId);
    headers.set(TrustHeader.claims, encodeClaims(claims));
    headers.set(TrustHeader.client, clientAddress ?? '');
  }

  override didEncounterError(error: Error, _request: unknown, response?: FetcherResponse, context?: GatewayContext): void {
    const log = context?.log ?? this.log;
    const clientError = clientErrorFrom(error, this.serviceName);
    if (clientError) throw clientError;
    log.error(
      { serviceName: this.serviceName, status: response?.status, err: causeOf(error) },
      'subgraph request failed',
    );
    throw downstreamError(this.serviceName);
  }
}

/** fetch hides the useful part (ECONNREFUSED, timeout) in `cause`. */
function causeOf(error: Error): unknown {
  return error.cause ?? error;
}
