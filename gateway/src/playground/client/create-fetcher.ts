import type { GraphiQLProps } from 'graphiql';

export type Fetcher = GraphiQLProps['fetcher'];
type FetcherResult = Record<string, unknown>;

export interface FetcherOptions {
  /** The gateway's GraphQL endpoint, relative to the page. */
  endpoint: string;
  /** The signed-in account's token at the time of the request, or null. */
  currentToken(): string | null;
}

/**
 * POSTs every operation as `application/json` (which the gateway's CSRF prevention accepts),
 * with `Authorization: Bearer <token>` while an account is signed in. Headers typed into the
 * tab's headers editor win, so a different token can still be tried by hand.
 */
export function createFetcher(options: FetcherOptions): Fetcher {
  return async (params, opts) => {
    const headers = new Headers({
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    });
    const token = options.currentToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(opts?.headers ?? {})) {
      if (value !== undefined && value !== null) headers.set(name, String(value));
    }
    const response = await fetch(options.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify(params),
      credentials: 'omit',
    });
    return readResult(response);
  };
}

/** Always a GraphQL-shaped result, so the response pane shows what went wrong. */
async function readResult(response: Response): Promise<FetcherResult> {
  const text = await response.text();
  try {
    return JSON.parse(text) as FetcherResult;
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500) || response.statusText}` }] };
  }
}
