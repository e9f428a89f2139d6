import { persistedExchange } from '@urql/exchange-persisted';
import { Client, cacheExchange, fetchExchange } from 'urql';
import { trustedDocumentId } from './document-ids.js';

export interface GovgraphClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** The bearer token to send, read at every request (it changes on sign-in and act-as). */
  token: () => string | undefined;
  /** A name and version the gateway logs and counts requests by. */
  clientName?: string;
  clientVersion?: string;
  /** A fetch to use instead of the global one (server-side rendering, tests that record requests). */
  fetch?: typeof fetch;
}

/**
 * An urql client that sends trusted-document ids only, never a document's text: what a gateway
 * with NODE_ENV=production (trusted documents only) accepts. Queries go as GET when the URL stays
 * short (cacheable by the browser and any HTTP cache in between), mutations as POST.
 */
export function createGovgraphClient(options: GovgraphClientOptions): Client {
  return new Client({
    url: options.url,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    exchanges: [
      cacheExchange,
      persistedExchange({
        enforcePersistedQueries: true,
        enableForMutation: true,
        // POST, also for queries: a cross-origin request with a token is preflighted, and browsers
        // cache the preflight per URL, so one URL needs one preflight while every distinct GET URL
        // would need its own. Nothing is lost: the gateway's answers are `no-store`, so no GET
        // would be HTTP-cached (docs/benchmarks.md, "The reference portal").
        preferGetForPersistedQueries: false,
        generateHash: async (_query, document) => trustedDocumentId(document),
      }),
      fetchExchange,
    ],
    fetchOptions: () => {
      const token = options.token();
      const headers: Record<string, string> = {
        // Apollo's CSRF protection wants a header a simple cross-site form cannot send.
        'apollo-require-preflight': 'true',
        'apollographql-client-name': options.clientName ?? 'govgraph-portal',
        'apollographql-client-version': options.clientVersion ?? '0.1.0',
      };
      if (token) headers.authorization = `Bearer ${token}`;
      return { headers };
    },
  });
}
