import { HeaderMap, type GraphQLRequest, type GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@govgraph/kit';
import { documentId, type TrustedDocument } from '@govgraph/schema/governance';
import type { GatewayContext } from '../context.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import type { ApqStore } from '../trusted-documents/apq-store.js';
import type { TrustedDocumentsMode } from '../trusted-documents/trusted-documents-config.js';
import type { GatewayPlugin } from './gateway-plugin.js';

export interface UseTrustedDocumentsOptions {
  /** `only`: trusted documents alone; `allow`: ids, APQ and free-form documents; `off`: the plugin does nothing. */
  mode: TrustedDocumentsMode;
  /** The manifest's documents (config.trustedDocuments.documents). */
  documents: readonly TrustedDocument[];
  /**
   * Where automatic persisted queries are registered and looked up. Absent: nothing is
   * registered (production, mode `only`) and ids resolve to trusted documents only.
   * Closed when the gateway stops.
   */
  apq?: ApqStore;
  /** `persistedQueries` counts results: hit | miss | registered | refused. */
  metrics?: Pick<GatewayMetrics, 'persistedQueries'>;
}

/** Apollo's own message for an unknown hash: APQ clients (Apollo Client's link) look for it. */
export const PERSISTED_QUERY_NOT_FOUND_MESSAGE = 'PersistedQueryNotFound';
export const TRUSTED_DOCUMENT_REQUIRED_MESSAGE =
  'Only trusted documents are served here: send the id of a document in the manifest (extensions.persistedQuery.sha256Hash or documentId)';

/** What a refused request is parsed and validated as: it names no field, so it costs and reveals nothing. */
const PLACEHOLDER = '{ __typename }';
const HEX_ID = /^[0-9a-f]{64}$/;

type Result = 'hit' | 'miss' | 'registered' | 'refused';

/**
 * Trusted documents and automatic persisted queries (Apollo's APQ protocol), in one place.
 *
 * A client sends an id instead of a document — `extensions.persistedQuery.sha256Hash` (APQ,
 * `version: 1`) or a top-level `documentId` (`<hex>` or `sha256:<hex>`; POST body or GET
 * parameter) — and the plugin fills in the document before Apollo reads it. The id is the SHA-256
 * of the document's text as sent. Trusted documents come from the manifest; with `allow`, an id
 * sent together with its document is registered (after the document validated) in `apq`, and
 * later requests may send the id alone.
 *
 * Refusals keep their codes stable: an unknown id is PERSISTED_QUERY_NOT_FOUND (HTTP 200, as in
 * Apollo's APQ, so a client resends with the document); with `only`, a document that is not
 * trusted is FORBIDDEN (HTTP 403); an id that does not match the document sent, or a malformed
 * id, is BAD_REQUEST (HTTP 400). A refused request is never parsed: Apollo sees a placeholder
 * and the refusal is raised from didResolveOperation, the first hook whose errors Apollo answers
 * with their code (errors in earlier hooks become a 500).
 *
 * Apollo Server's own APQ must be off (`persistedQueries: false`): this is the one implementation.
 */
export function useTrustedDocuments(options: UseTrustedDocumentsOptions): GatewayPlugin {
  if (options.mode === 'off') return { name: 'trusted-documents', close: async () => options.apq?.close() };
  const trusted = new Map(options.documents.map((document) => [document.id, document]));
  const only = options.mode === 'only';
  // With `only` nothing is registered, so nothing is looked up beyond the manifest either.
  const apq = only ? undefined : options.apq;
  const count = (result: Result) => options.metrics?.persistedQueries.inc({ result });

  function refuse(request: GraphQLRequest, result: Result, error: GraphQLError): GraphQLRequestListener<GatewayContext> {
    count(result);
    request.query = PLACEHOLDER;
    request.operationName = undefined;
    return {
      async didResolveOperation() {
        throw error;
      },
    };
  }

  return {
    name: 'trusted-documents',
    async close() {
      await options.apq?.close();
    },
    apollo: {
      async requestDidStart({ request, contextValue }): Promise<GraphQLRequestListener<GatewayContext> | void> {
        const log = contextValue.log;
        const asked = requestedId(request);
        if (asked.kind === 'invalid') {
          stripPersistedQuery(request);
          return refuse(request, 'refused', badRequest(asked.message));
        }
        const query = request.query;

        if (asked.kind === 'none') {
          // A document in full: free-form, unless only trusted ones are served.
          if (!only || query === undefined) return;
          const id = documentId(query);
          if (trusted.has(id)) {
            count('hit');
            return;
          }
          log.info({ documentId: id }, 'trusted documents: refused a document that is not trusted');
          return refuse(request, 'refused', forbidden());
        }

        const id = asked.id;
        stripPersistedQuery(request);
        if (query === undefined) {
          const source = trusted.get(id)?.source ?? (await apq?.get(id));
          if (source === undefined) {
            log.debug({ documentId: id }, 'trusted documents: unknown id');
            return refuse(request, 'miss', notFound());
          }
          count('hit');
          request.query = source;
          return;
        }

        // The id with its document: APQ's second step, or a client that sends both.
        if (documentId(query) !== id) {
          log.info({ documentId: id }, 'trusted documents: the id does not match the document sent');
          return refuse(request, 'refused', badRequest('provided sha does not match query'));
        }
        if (trusted.has(id)) {
          count('hit');
          return;
        }
        if (only) {
          log.info({ documentId: id }, 'trusted documents: refused to register a document that is not trusted');
          return refuse(request, 'refused', forbidden());
        }
        const store = apq;
        if (!store) return;
        return {
          // Registered only once it parsed and validated, as Apollo's APQ does.
          async didResolveOperation() {
            await store.set(id, query);
            count('registered');
          },
        };
      },
    },
  };
}

type RequestedId = { kind: 'none' } | { kind: 'id'; id: string } | { kind: 'invalid'; message: string };

/** The id a request names, from the APQ extension or `documentId`; both must agree when both are sent. */
function requestedId(request: GraphQLRequest): RequestedId {
  const ids: string[] = [];
  const persisted: unknown = request.extensions?.persistedQuery;
  if (persisted !== undefined && persisted !== null) {
    const { version, sha256Hash } = (typeof persisted === 'object' ? persisted : {}) as { version?: unknown; sha256Hash?: unknown };
    if (version !== 1) return { kind: 'invalid', message: 'Unsupported persisted query version' };
    if (typeof sha256Hash !== 'string' || !HEX_ID.test(sha256Hash.toLowerCase())) {
      return { kind: 'invalid', message: 'extensions.persistedQuery.sha256Hash must be a SHA-256 in hex' };
    }
    ids.push(sha256Hash.toLowerCase());
  }
  const field = documentIdField(request);
  if (field !== undefined) {
    const id = typeof field === 'string' ? field.replace(/^sha256:/i, '').toLowerCase() : '';
    if (!HEX_ID.test(id)) return { kind: 'invalid', message: 'documentId must be a SHA-256 in hex, optionally prefixed with "sha256:"' };
    ids.push(id);
  }
  if (ids.length === 0) return { kind: 'none' };
  if (ids.length === 2 && ids[0] !== ids[1]) {
    return { kind: 'invalid', message: 'documentId and extensions.persistedQuery.sha256Hash name different documents' };
  }
  return { kind: 'id', id: ids[0]! };
}

/** `documentId` from a POST body's top level or a GET parameter; Apollo itself ignores it. */
function documentIdField(request: GraphQLRequest): unknown {
  const http = request.http;
  if (!http) return undefined;
  if (http.method === 'GET') {
    const values = new URLSearchParams(http.search).getAll('documentId');
    return values.length > 1 ? null : values[0];
  }
  const body = http.body;
  if (body && typeof body === 'object' && !Array.isArray(body) && 'documentId' in body) {
    return (body as { documentId?: unknown }).documentId;
  }
  return undefined;
}

/** The plugin answers persisted queries; Apollo's own APQ (off) would refuse the extension. */
function stripPersistedQuery(request: GraphQLRequest): void {
  if (!request.extensions || !('persistedQuery' in request.extensions)) return;
  const { persistedQuery: _handled, ...rest } = request.extensions;
  request.extensions = rest;
}

function notFound(): GraphQLError {
  return new GraphQLError(PERSISTED_QUERY_NOT_FOUND_MESSAGE, {
    extensions: {
      code: ErrorCode.PERSISTED_QUERY_NOT_FOUND,
      http: { status: 200, headers: new HeaderMap([['cache-control', 'private, no-cache, must-revalidate']]) },
    },
  });
}

function forbidden(): GraphQLError {
  return new GraphQLError(TRUSTED_DOCUMENT_REQUIRED_MESSAGE, {
    extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403, headers: new HeaderMap() } },
  });
}

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400, headers: new HeaderMap() } } });
}
