import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Logger } from '@govgraph/kit';
import { encodeClaims, TrustHeader, type PartyKeys } from '@govgraph/kit/trust';
import { isAnonymous, type GatewayContext } from '../context.js';
import { clientErrorFrom, downstreamError } from '../downstream-error.js';
import { combineEntityFetches } from './fetch/entity-batch.js';
import { dedupeRepresentations, fanOutEntities } from './fetch/entity-dedupe.js';
import { FetchBatcher } from './fetch/fetch-batcher.js';
import { SharedFetches } from './fetch/shared-fetches.js';
import type { SubgraphFetchObserver } from './fetch-observer.js';
import { fetchOperationType } from './fetch-operation-type.js';
import { classifyFailure, withFailure } from '../resilience/subgraph-failure.js';
import type { SubgraphLink } from '../resilience/subgraph-link.js';
import { createPlainFetcher } from './plain-fetcher.js';
import { errorFromResponse, readBody, restrictCachePolicy } from './read-subgraph-answer.js';
import { createSigningFetcher, type Fetcher, type FetcherResponse } from './signing-fetcher.js';

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource<GatewayContext>['process']>>;
type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type PlannedFetch = Extract<ProcessOptions, { incomingRequestContext: unknown }>;

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
 *
 * It implements @apollo/gateway's public GraphQLDataSource contract (`process`) itself rather
 * than extending RemoteGraphQLDataSource, whose request sending is private: what it sends and how
 * it reads the answer (read-subgraph-answer.ts) is all here, on one page.
 */
export class SignedDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly serviceName: string;
  private readonly url: string;
  private readonly fetcher: Fetcher;
  private readonly log: Logger;
  private readonly link: SubgraphLink;
  private readonly observer: SubgraphFetchObserver | undefined;
  /** Per client request (its context), the `_entities` fetches waiting to go together. */
  private readonly entityBatches: FetchBatcher<ProcessOptions, SubgraphResponse> | null;
  /** Anonymous query fetches in flight, by body: public answers that do not depend on who asks. */
  private readonly publicFetches: SharedFetches<FetcherResponse> | null;
  private readonly dedupe: boolean;
  private readonly sign: boolean;
  private readonly forwardClaims: boolean;
  private readonly forwardAuthorization: boolean;

  constructor(options: SignedDataSourceOptions) {
    this.serviceName = options.name;
    this.url = options.url;
    this.fetcher = fetcherFor(options);
    this.sign = options.sign ?? true;
    this.forwardClaims = this.sign && (options.forwardClaims ?? true);
    this.forwardAuthorization = options.forwardAuthorization ?? false;
    this.log = options.log;
    this.link = options.link;
    this.observer = options.observer;
    this.entityBatches = options.batchEntityFetches ? new FetchBatcher((batch) => this.processEntityBatch(batch)) : null;
    this.publicFetches = options.sharePublicFetches ? new SharedFetches() : null;
    this.dedupe = options.dedupeRepresentations ?? true;
  }

  /**
   * Every attempt is signed anew; only a query fetch is ever sent twice. An `_entities` fetch
   * sends each distinct representation once and its answer is fanned back out
   * (fetch/entity-dedupe.ts); with batching on, it first waits for the other `_entities` fetches
   * its request sends here at the same moment, to go with them as one request.
   */
  async process(options: ProcessOptions): Promise<SubgraphResponse> {
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
    const log = isPlanned(sent) ? sent.context.log : this.log;
    return this.link.run({ retryable: fetchOperationType(sent) === 'query', log }, () => this.attempt(sent));
  }

  /** One attempt, seen by the plugins' `onSubgraphFetch` hooks (not health checks: they carry no request context). */
  private async attempt(options: ProcessOptions): Promise<SubgraphResponse> {
    const observed = this.observer && isPlanned(options) ? this.observer.start(this.serviceName, options.context, fetchOperationType(options)) : undefined;
    try {
      const response = await this.send(options, observed?.headers);
      observed?.succeeded();
      return response;
    } catch (error) {
      observed?.failed(error);
      throw error;
    }
  }

  private async send(options: ProcessOptions, pluginHeaders: Readonly<Record<string, string>> | undefined): Promise<SubgraphResponse> {
    const { http: _ignored, query, ...rest } = options.request;
    if (!query) throw new Error('Missing query');
    const init = { method: 'POST', headers: this.headersFor(options, pluginHeaders), body: JSON.stringify({ query, ...rest }) };
    let response: FetcherResponse | undefined;
    try {
      response =
        this.publicFetches && isPlanned(options) && isPublicQuery(options)
          ? (await this.publicFetches.share(`${this.url}\n${init.body}`, () => this.fetcher(this.url, init))).clone()
          : await this.fetcher(this.url, init);
      if (!response.ok) throw await errorFromResponse(response);
      const body = await readBody(response);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
      restrictCachePolicy(options, response);
      return { ...(body as SubgraphResponse), http: response } as SubgraphResponse;
    } catch (error) {
      throw this.failure(error, response);
    }
  }

  /** What this subgraph is sent besides the body; the signing fetcher signs the trust headers. */
  private headersFor(options: ProcessOptions, pluginHeaders: Readonly<Record<string, string>> | undefined): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [name, value] of options.request.http?.headers ?? []) headers[name.toLowerCase()] = value;
    headers['content-type'] = 'application/json';
    // Only operations planned from a client request carry our context (not health checks).
    if (!isPlanned(options)) return headers;
    // The plugins' headers for this attempt, e.g. W3C trace context for its span (plugin-pipeline.ts keeps out trust headers).
    Object.assign(headers, pluginHeaders);
    const { requestId, claims, clientAddress, authorization } = options.context;
    // Without signing no govgraph header is sent at all.
    if (this.sign) headers[TrustHeader.requestId] = requestId;
    if (this.forwardClaims) {
      headers[TrustHeader.claims] = encodedClaimsOf(claims);
      headers[TrustHeader.client] = clientAddress ?? '';
    }
    if (this.forwardAuthorization && authorization !== undefined) headers.authorization = authorization;
    return headers;
  }

  /** A client's input error stays the client's; anything else is this department failing (the link logs and may retry). */
  private failure(error: unknown, response: FetcherResponse | undefined): Error {
    return clientErrorFrom(error, this.serviceName) ?? withFailure(downstreamError(this.serviceName), classifyFailure(error as Error, response));
  }
}

/** Each request's claims encoded once for all its fetches (the claims object is the request's own, never changed). */
const encodedClaims = new WeakMap<object, string>();

function encodedClaimsOf(claims: GatewayContext['claims']): string {
  if (!claims) return encodeClaims(null);
  let encoded = encodedClaims.get(claims);
  if (encoded === undefined) encodedClaims.set(claims, (encoded = encodeClaims(claims)));
  return encoded;
}

/** A query fetch planned from a client request that resolves entities by representation. */
function isEntityQuery(options: ProcessOptions): options is PlannedFetch {
  return isPlanned(options) && Array.isArray(options.request.variables?.representations) && fetchOperationType(options) === 'query';
}

/**
 * A query sent for nobody in particular (an anonymous caller, no Authorization handed on): its
 * answer is the same for every anonymous caller, so identical ones in flight together can share a
 * fetch. Never a mutation, never a signed-in caller's fetch (each of those is the caller's own,
 * logged under its request id), never a health check (no request context).
 */
function isPublicQuery(options: PlannedFetch): boolean {
  return isAnonymous(options.context) && fetchOperationType(options) === 'query';
}

/** A fetch of a query plan run for a client request (not a health check or schema load). */
function isPlanned(options: ProcessOptions): options is PlannedFetch {
  return 'incomingRequestContext' in options;
}

/** Signed (by default) or plain, over the link's pooled connections with its timeout per attempt. */
function fetcherFor(options: SignedDataSourceOptions): Fetcher {
  const transport = { timeoutMs: options.link.timeoutMs, fetch: options.fetch ?? options.link.pool.fetch };
  if (options.sign === false) return createPlainFetcher(transport);
  return createSigningFetcher({ ...transport, keys: options.keys, audience: options.name, caller: options.forwardClaims ?? true });
}
