import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { FetcherResponse } from './signing-fetcher.js';

/**
 * A subgraph's HTTP answer read as @apollo/gateway's RemoteGraphQLDataSource reads it, so that
 * errors, codes and cache hints stay what clients and the executor expect.
 */

/** JSON when the content type says so (application/json or application/graphql-response+json), else text. */
export async function readBody(response: FetcherResponse): Promise<unknown> {
  const type = response.headers.get('content-type');
  if (type && (type.startsWith('application/json') || type.startsWith('application/graphql-response+json'))) return response.json();
  return response.text();
}

/** A non-2xx answer: `<status>: <statusText>`, the body kept in extensions.response (the gateway logs it, never shows it). */
export async function errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
  const body = await readBody(response);
  const extensions: Record<string, unknown> = { response: { url: response.url, status: response.status, statusText: response.statusText, body } };
  if (response.status === 401) extensions.code = 'UNAUTHENTICATED';
  else if (response.status === 403) extensions.code = 'FORBIDDEN';
  return new GraphQLError(`${response.status}: ${response.statusText}`, { extensions });
}

interface CachePolicyLike {
  restrict(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void;
}

/** The subgraph's Cache-Control narrows the client operation's cache policy, as RemoteGraphQLDataSource does. */
export function restrictCachePolicy(options: GraphQLDataSourceProcessOptions<any>, response: FetcherResponse): void {
  if (!('incomingRequestContext' in options)) return;
  const policy = (options.incomingRequestContext as { overallCachePolicy?: Partial<CachePolicyLike> }).overallCachePolicy;
  if (typeof policy?.restrict !== 'function') return;
  const directives = parseCacheControl(response.headers.get('cache-control'));
  const maxAge = directives.get('max-age');
  const hint: { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' } = { maxAge: typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0 };
  if (directives.get('private') === true) hint.scope = 'PRIVATE';
  if (directives.get('public') === true) hint.scope = 'PUBLIC';
  policy.restrict(hint);
}

function parseCacheControl(header: string | null): Map<string, string | true> {
  const directives = new Map<string, string | true>();
  for (const part of (header ?? '').split(',')) {
    const [name, value] = part.trim().split('=', 2);
    if (name) directives.set(name.toLowerCase(), value === undefined ? true : value.replace(/^"|"$/g, ''));
  }
  return directives;
}
