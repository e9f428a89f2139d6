import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Logger } from '@govgraph/kit';
import { encodeClaims, TrustHeader, type PartyKeys } from '@govgraph/kit/trust';
import { isAnonymous, type GatewayContext } from '../context.js';
import { clientErrorFrom, downstreamError } from '../downstream-error.js';
import { combineEntityFetches } from './fetch/entity-batch.js';
import { dedupeRepresentations, fanOutEntities } from './fetch/entity-dedupe.js';
import { FetchBatcher } from './fetch/fetch-batcher.js';
import { SharedFetches } from './fetch/shared-fetches.js';
import type { ObservedFetch, SubgraphFetchObserver } from './fetch-observer.js';
import { fetchOperationType } from './fetch-operation-type.js';
import { classifyFailure, withFailure } from '../resilience/subgraph-failure.js';
import type { SubgraphLink } from '../resilience/subgraph-link.js';
import { createPlainFetcher } from './plain-fetcher.js';
import { createSigningFetcher, type Fetcher, type FetcherResponse } from './signing-fetcher.js';

type SubgraphRequest = GraphQLDataSourceProcessOptions<GatewayContext>['request'];
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;
type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;

export interface SignedDataSourceOptions {
  name: string;
  url: string;
  /** The gateway's own signing key. */
  keys: PartyKeys;
  /** This subgraph's pooled connections, timeout, retries and circuit breaker (src/resilience/). */
  link: SubgraphLink;
  log: Logger;
  /** Replaces the link's pooled connections (tests). */
  fetch?: typeof globalThis.fetch;
  /** Sees each attempt: the plugins' `onSubgraphFetch` hooks (metrics, trace span and traceparent). */
  observer?: SubgraphFetchObserver;
  /** Sign each request with `keys` (x-govgraph-signature and its headers); on by default (SUBGRAPH_<NAME>_SIGN). */
  sign?: boolean;
  /**
   * The caller's verified claims and address, in the signed headers; on by default here, as for
   * govgraph's departments (SUBGRAPH_<NAME>_CLAIMS). Never sent unsigned: ignored with `sign` off.
   */
  forwardClaims?: boolean;
  /** The client's Authorization header as sent (context.authorization); off by default (SUBGRAPH_<NAME>_FORWARD_AUTHORIZATION). */
  forwardAuthorization?: boolean;
  /** Send a request's simultaneous `_entities` fetches as one (fetch/entity-batch.ts); off by default here. */
  batchEntityFetches?: boolean;
  /** Identical anonymous queries in flight at once share one subgraph fetch (fetch/shared-fetches.ts); off by default here. */
  sharePublicFetches?: boolean;
  /** An `_entities` fetch sends each distinct representation once (fetch/entity-dedupe.ts); on by default here. */
  dedupeRepresentations?: boolean;
}

/**
 * One subgraph as the gateway calls it. A department's gets the claims and request id in signed
 * headers and no Authorization header; one that is not govgraph's gets what its settings allow
 * (subgraph-config/subgraph-settings.ts). Failures are turned into DOWNSTREAM_SERVICE_ERROR naming the
 * department, with the details only in the log. Each fetch goes through the subgraph's link:
 * kept-alive connections, a timeout per attempt, retries for queries only, a circuit breaker.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly serviceName: string;
  private readonly log: Logger;
  private readonly link: SubgraphLink;
  private readonly observer: SubgraphFetchObserver | undefined;
  private readonly attempts = new WeakMap<object, ObservedFetch>();
  /** Per client request (its context), the `_entities` fetches waiting to go together. */
  private readonly entityBatches: FetchBatcher<ProcessOptions, SubgraphResponse> | null;
  /** Anonymous query fetches in flight, by body: public answers that do not depend on who asks. */
  private readonly publicFetches: SharedFetches<FetcherResponse> | null;
  private readonly dedupe: boolean;
  private readonly sign: boolean;
  private readonly forwardClaims: boolean;
  private readonly forwardAuthorization: boolean;

  constructor(options: SignedDataSourceOptions) {
    super({ url: options.url, fetcher: fetcherFor(options) });
    this.sign = options.sign ?? true;
    this.forwardClaims = this.sign && (options.forwardClaims ?? true);
    this.forwardAuthorization = options.forwardAuthorization ?? false;
    this.serviceName = options.name;
    this.log = options.log;
    this.link = options.link;
    this.observer = options.observer;
    this.entityBatches = options.batchEntityFetches ? new FetchBatcher((batch) => this.processEntityBatch(batch)) : null;
    this.publicFetches = options.sharePublicFetches ? new SharedFetches() : null;
    this.dedupe = options.dedupeRepresentations ?? true;
    // RemoteGraphQLDataSource's sendRequest is private to its typings, so it is replaced here.
    (this as unknown as { sendRequest: SignedDataSource['send'] }).sendRequest = (request, context) => this.send(request, context);
  }

  /**
   * What RemoteGraphQLDataSource's sendRequest does, less the node-fetch Request it builds on
   * every fetch (headers copied and validated, the body made a stream) only to pass to parseBody
   * and didEncounterError, neither of which reads it here.
   */
  private async send(request: SubgraphRequest, context: GatewayContext): Promise<SubgraphResponse> {
    const { http, ...withoutHttp } = request;
    if (!http) throw new Error("Internal error: Only 'http' requests are supported.");
    const init = { method: http.method, headers: Object.fromEntries(http.headers), body: JSON.stringify(withoutHttp) };
    let response: FetcherResponse | undefined;
    try {
      response = this.publicFetches && isPublicQuery(request, context)
        ? (await this.publicFetches.share(`${http.url}\n${init.body}`, () => this.fetcher(http.url, init))).clone()
        : await this.fetcher(http.url, init);
      if (!response.ok) throw await this.errorFromResponse(response);
      const body = await this.parseBody(response, undefined, context);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`Expected JSON response body, but received: ${body}`);
      return { ...body, http: response };
    } catch (error) {
      this.didEncounterError(error as Error, undefined, response);
      throw error;
    }
  }

  /**
   * Every attempt is signed anew; only a query fetch is ever sent twice. An `_entities` fetch
   * sends each distinct representation once and its answer is fanned back out
   * (fetch/entity-dedupe.ts); with batching on, it first waits for the other `_entities` fetches
   * its request sends here at the same moment, to go with them as one request.
   */
  override async process(options: ProcessOptions): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    if (this.entityBatches && isEntityQuery(options)) return this.entityBatches.add(options.context, options);
    return this.processAlone(options);
  }

  private async processAlone(options: ProcessOptions): Promise<SubgraphResponse> {
    const deduped = this.dedupe ? dedupeRepresentations(options.request) : null;
    const sent = deduped ? { ...options, request: deduped.request } : options;
    const response = await this.sendWithLink(sent);
    return deduped ? fanOutEntities(response, deduped) : response;
  }

  /** Several fetches as one operation with a field per fetch, its answer split back (fetch/entity-batch.ts). */
  private async processEntityBatch(batch: ProcessOptions[]): Promise<SubgraphResponse[]> {
    const combined = batch.length > 1 ? combineEntityFetches(batch.map((options) => options.request)) : null;
    if (!combined) return Promise.all(batch.map((options) => this.processAlone(options)));
    const first = batch[0]!;
    const response = await this.sendWithLink({ ...first, request: { ...first.request, ...combined.request }, document: combined.document } as ProcessOptions);
    // A subgraph that fails a whole `_entities` field nulls the answer's data, and so every
    // fetch's part: those fetches are sent again one by one, so only the failing one fails.
    if (response.data === null || response.data === undefined) return Promise.all(batch.map((options) => this.processAlone(options)));
    return combined.split(response);
  }

  private sendWithLink(sent: ProcessOptions): Promise<SubgraphResponse> {
    const log = 'incomingRequestContext' in sent ? sent.context.log : this.log;
    return this.link.run({ retryable: fetchOperationType(sent) === 'query', log }, () => this.observed(sent, () => super.process(sent)));
  }

  /** One attempt, seen by the observer (not health checks: they carry no request context). */
  private async observed<T>(options: GraphQLDataSourceProcessOptions<GatewayContext>, attempt: () => Promise<T>): Promise<T> {
    if (!this.observer || !('incomingRequestContext' in options)) return attempt();
    const observed = this.observer.start(this.serviceName, options.context, fetchOperationType(options));
    this.attempts.set(options.request, observed);
    try {
      const result = await attempt();
      observed.succeeded();
      return result;
    } catch (error) {
      observed.failed(error);
      throw error;
    }
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = options.request.http?.headers;
    // Only operations planned from a client request carry our context (not health checks).
    if (!headers || !('incomingRequestContext' in options)) return;
    const { requestId, claims, clientAddress, authorization } = options.context;
    // The signing fetcher signs these; without signing no govgraph header is sent at all.
    if (this.sign) headers.set(TrustHeader.requestId, requestId);
    if (this.forwardClaims) {
      headers.set(TrustHeader.claims, encodeClaims(claims));
      headers.set(TrustHeader.client, clientAddress ?? '');
    }
    if (this.forwardAuthorization && authorization !== undefined) headers.set('authorization', authorization);
    // The plugins' headers for this attempt, e.g. W3C trace context for its span (plugin-pipeline.ts keeps out trust headers).
    for (const [name, value] of Object.entries(this.attempts.get(options.request)?.headers ?? {})) headers.set(name, value);
  }

  override didEncounterError(error: Error, _request: unknown, response?: FetcherResponse): void {
    const clientError = clientErrorFrom(error, this.serviceName);
    if (clientError) throw clientError;
    // The link logs it (once per attempt, with the kind of failure) and decides on a retry.
    throw withFailure(downstreamError(this.serviceName), classifyFailure(error, response));
  }
}

/** A query fetch planned from a client request that resolves entities by representation. */
function isEntityQuery(options: ProcessOptions): options is ProcessOptions & { context: GatewayContext } {
  return 'incomingRequestContext' in options && Array.isArray(options.request.variables?.representations) && fetchOperationType(options) === 'query';
}

/**
 * A query sent for nobody in particular (an anonymous caller, no Authorization handed on): its
 * answer is the same for every anonymous caller, so identical ones in flight together can share a
 * fetch. Never a mutation, never a signed-in caller's fetch (each of those is the caller's own,
 * logged under its request id), never a health check (no request context).
 */
function isPublicQuery(request: SubgraphRequest, context: GatewayContext): boolean {
  return isAnonymous(context) && fetchOperationType({ request } as ProcessOptions) === 'query';
}

/** Signed (by default) or plain, over the link's pooled connections with its timeout per attempt. */
function fetcherFor(options: SignedDataSourceOptions): Fetcher {
  const transport = { timeoutMs: options.link.timeoutMs, fetch: options.fetch ?? options.link.pool.fetch };
  if (options.sign === false) return createPlainFetcher(transport);
  return createSigningFetcher({ ...transport, keys: options.keys, audience: options.name, caller: options.forwardClaims ?? true });
}
