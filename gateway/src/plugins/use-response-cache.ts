import { HeaderMap } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import type { Logger } from '@govgraph/kit';
import { responseCacheKey, schemaId } from '../cache/cache-key.js';
import { publicMaxAgeSeconds, PUBLIC_QUERY_FIELDS } from '../cache/cache-policy.js';
import { isCurrent, type CacheLookup, type ResponseCacheStore } from '../cache/response-cache-store.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { isAnonymous } from '../context.js';
import { observationOf } from '../observability/request-scope.js';
import type { GatewayPlugin } from './gateway-plugin.js';

export interface UseResponseCacheOptions {
  store: ResponseCacheStore;
  metrics: GatewayMetrics;
  /** Departments whose generation every lookup reads (the supergraph's subgraphs); others are added as seen. */
  departments: () => readonly string[];
  /** Public root fields and their TTLs in seconds; default PUBLIC_QUERY_FIELDS. */
  publicFields?: Readonly<Record<string, number>>;
  /** For failures of the store itself (Redis unreachable), outside any request. */
  log: Logger;
}

/** `Cache-Control: no-cache` (or no-store, max-age=0) from the client: answer fresh, then keep that answer. */
function wantsFresh(header: string | undefined): boolean {
  return header !== undefined && /(?:^|,)\s*(?:no-cache|no-store|max-age\s*=\s*0)\s*(?:,|$)/i.test(header);
}

/**
 * The response cache for public operations (SearchCatalog, MatterGuide, VerifyLicence,
 * HallStatistics, …), in Redis when REDIS_URL is set (every gateway process shares it), in
 * memory otherwise.
 *
 * - **What is cached**: a query from an anonymous caller (no verified claims, no Authorization
 *   header handed on to a subgraph: context.ts's isAnonymous) whose every root
 *   field is public (cache/cache-policy.ts), answered without any error. A signed-in caller, a
 *   mutation, any other root field, an error or a partial result: never. An anonymous answer is
 *   the same for every anonymous caller, so nothing personal can be served to someone else.
 * - **Key**: the schema, the document, the operation name and the variables (sha256).
 * - **TTL**: the shortest among the root fields' (cache-policy.ts).
 * - **Invalidation**: each entry records the generation of every department (subgraph) it was
 *   read from; a mutation sent to a department through the gateway raises that department's
 *   generation before the mutation's answer goes out, and so does the catalog's
 *   `catalog-changed` event (cache/catalog-invalidation.ts). A stale entry is a miss.
 * - **Observability**: `x-cache: HIT | MISS | BYPASS` on the answer (with `age` on a hit) and
 *   `govgraph_response_cache_lookups_total{result}` for every query.
 *
 * Limits and rate limits still apply to a hit: they run before the operation is answered.
 */
export function useResponseCache(options: UseResponseCacheOptions): GatewayPlugin {
  const { store, metrics, log } = options;
  const fields = options.publicFields ?? PUBLIC_QUERY_FIELDS;
  const seen = new Set<string>();
  let failing = false;

  const departments = () => [...new Set([...options.departments(), ...seen])];
  const storeFailed = (error: unknown, action: string) => {
    // Once per outage: a Redis that is down would otherwise log on every request.
    if (!failing) log.warn({ err: error, action }, 'response cache unavailable; answering without it');
    failing = true;
  };
  const storeAnswered = () => {
    if (failing) log.info('response cache available again');
    failing = false;
  };

  return {
    name: 'response-cache',
    apollo: {
      async requestDidStart() {
        let pending: { key: string; ttlMs: number; lookup: CacheLookup } | undefined;
        return {
          async responseForOperation(requestContext) {
            const { operation, document, contextValue, request } = requestContext;
            if (operation?.operation !== 'query') return null;
            const observation = observationOf(contextValue);
            const fragments = new Map<string, FragmentDefinitionNode>();
            for (const definition of document.definitions) {
              if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
            }
            const maxAge = isAnonymous(contextValue) ? publicMaxAgeSeconds(operation, fragments, fields) : null;
            const fresh = wantsFresh(request.http?.headers.get('cache-control'));
            const bypass = () => {
              observation.cache = 'bypass';
              metrics.cacheLookups.inc({ result: 'bypass' });
              return null;
            };
            if (maxAge === null || !requestContext.source) return bypass();
            const key = responseCacheKey({
              schemaId: schemaId(requestContext.schema),
              document: requestContext.source,
              operationName: requestContext.operationName,
              variables: request.variables,
            });
            let lookup: CacheLookup;
            try {
              lookup = await store.lookup(key, departments());
              storeAnswered();
            } catch (error) {
              storeFailed(error, 'lookup');
              return bypass();
            }
            // Asked to answer fresh: skip the entry, but keep the fresh answer for the next caller.
            pending = { key, ttlMs: maxAge * 1000, lookup };
            if (fresh) return bypass();
            const entry = lookup.entry;
            if (entry && isCurrent(entry, lookup.generations)) {
              pending = undefined;
              observation.cache = 'hit';
              metrics.cacheLookups.inc({ result: 'hit' });
              const age = Math.max(0, Math.floor((Date.now() - entry.storedAt) / 1000));
              return {
                http: { headers: new HeaderMap([['age', String(age)]]) },
                body: { kind: 'single', singleResult: { data: entry.data } },
              };
            }
            observation.cache = 'miss';
            metrics.cacheLookups.inc({ result: 'miss' });
            return null;
          },

          async willSendResponse(requestContext) {
            const { contextValue, response, operation } = requestContext;
            const observation = observationOf(contextValue);
            if (observation.cache) response.http.headers.set('x-cache', observation.cache.toUpperCase());
            // A write to a department makes what was cached from it stale, before the writer hears back.
            if (operation?.operation === 'mutation' && observation.written.size > 0) {
              try {
                await store.invalidate([...observation.written]);
                storeAnswered();
              } catch (error) {
                storeFailed(error, 'invalidate');
              }
            }
            if (!pending) return;
            const body = response.body;
            if (body.kind !== 'single') return;
            const { data, errors } = body.singleResult;
            if ((errors?.length ?? 0) > 0 || !data || (response.http.status ?? 200) !== 200) return;
            const read = [...observation.fetched];
            for (const name of read) seen.add(name);
            // The generations from before the request ran: a change meanwhile leaves this entry stale.
            const generations: Record<string, number> = {};
            for (const name of read) {
              const generation = pending.lookup.generations[name];
              // A department the lookup did not read (new since) cannot be vouched for: do not keep it.
              if (generation === undefined) return;
              generations[name] = generation;
            }
            try {
              await store.save(pending.key, { data: data as Record<string, unknown>, generations, storedAt: Date.now() }, pending.ttlMs);
              storeAnswered();
            } catch (error) {
              storeFailed(error, 'save');
            }
          },
        };
      },
    },
  };
}
