import type { Fetcher, FetcherRequestInit, FetcherResponse } from './signing-fetcher.js';

/**
 * A fetcher for a subgraph that is sent no gateway signature (SUBGRAPH_<NAME>_SIGN=off): the
 * request as the data source built it, with the same timeout per attempt as a signed one.
 */
export function createPlainFetcher(options: { timeoutMs: number; fetch?: typeof globalThis.fetch }): Fetcher {
  const send = options.fetch ?? globalThis.fetch;
  return async (url: string, init: FetcherRequestInit = {}): Promise<FetcherResponse> => {
    const body = typeof init.body === 'string' ? init.body : (init.body?.toString('utf8') ?? '');
    const response = await send(url, {
      method: init.method ?? 'POST',
      headers: init.headers ?? {},
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    return response as unknown as FetcherResponse;
  };
}
