import type { IncomingMessage } from 'node:http';
import { signRouteRequest, type Claims, type PartyKeys } from '@govgraph/kit/trust';
import { DOCUMENTS_AUDIENCE, upstreamRequest } from './upstream-request.js';

export interface ForwardDownloadOptions {
  /** The subgraph's URL of the document. */
  url: URL;
  /** The gateway's own key. */
  keys: PartyKeys;
  requestId: string;
  claims: Claims;
  clientAddress: string | null;
  timeoutMs: number;
}

/** Asks the applications subgraph for a document, signed (no body); resolves with its answer. */
export function forwardDownload(options: ForwardDownloadOptions): Promise<IncomingMessage> {
  const headers = signRouteRequest(options.keys, {
    audience: DOCUMENTS_AUDIENCE,
    requestId: options.requestId,
    claims: options.claims,
    clientAddress: options.clientAddress,
    method: 'GET',
    target: `${options.url.pathname}${options.url.search}`,
    body: 'none',
  });
  const { request, answer } = upstreamRequest(options.url, { method: 'GET', headers, timeoutMs: options.timeoutMs });
  request.end();
  return answer;
}
