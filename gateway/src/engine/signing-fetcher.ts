import { randomUUID } from 'node:crypto';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { signRequest, TrustHeader, type PartyKeys } from '@govgraph/kit/trust';

/** @apollo/gateway's fetcher types, taken from the data source so no extra package is needed. */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];
export type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
export type FetcherResponse = Awaited<ReturnType<Fetcher>>;

export interface SigningFetcherOptions {
  /** The gateway's own key: subgraphs verify with its public half. */
  keys: PartyKeys;
  /** The subgraph the requests go to: the signature is good there only. */
  audience: string;
  /** Aborts a subgraph request that takes longer, so one slow department cannot stall a page. */
  timeoutMs: number;
  /** Defaults to Node's global fetch. */
  fetch?: typeof globalThis.fetch;
  /**
   * Sign and send the caller's claims and address (on by default: govgraph's departments). Off,
   * the request is signed as nobody's and those two headers are not sent at all — what a
   * subgraph that is not govgraph's gets (SUBGRAPH_<NAME>_CLAIMS).
   */
  caller?: boolean;
}

/**
 * A fetcher that signs the exact body it sends. SignedDataSource put the request id and the
 * encoded claims in the trust headers; they are signed here because only here is the final
 * body string known.
 */
export function createSigningFetcher(options: SigningFetcherOptions): Fetcher {
  const send = options.fetch ?? globalThis.fetch;
  const caller = options.caller ?? true;
  return async (url: string, init: FetcherRequestInit = {}): Promise<FetcherResponse> => {
    const headers = lowerCaseKeys(init.headers ?? {});
    const body = typeof init.body === 'string' ? init.body : (init.body?.toString('utf8') ?? '');
    const signed = signRequest(options.keys, {
      audience: options.audience,
      requestId: headers[TrustHeader.requestId] || randomUUID(),
      // Signed as SignedDataSource encoded them: no decoding and encoding again per fetch.
      claims: null,
      encodedClaims: caller ? (headers[TrustHeader.claims] ?? '') : '',
      clientAddress: caller ? headers[TrustHeader.client] || null : null,
      body,
    });
    const sent: Record<string, string> = { ...headers, ...signed };
    if (!caller) {
      // Signed as '' (kit's verifyRequest reads a missing header as ''), and not sent.
      delete sent[TrustHeader.claims];
      delete sent[TrustHeader.client];
    }
    const response = await send(url, {
      method: init.method ?? 'POST',
      headers: sent,
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    return response as unknown as FetcherResponse;
  };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
