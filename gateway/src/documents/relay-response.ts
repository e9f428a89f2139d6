import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { ErrorCode, type Logger } from '@govgraph/kit';
import { RequestRefusal } from '../plugins/gateway-plugin.js';

/** What the applications subgraph may tell the client about a document; nothing else passes. */
const RELAYED_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'x-content-type-options',
  'content-security-policy',
  'cache-control',
  'repr-digest',
  'etag',
] as const;

/** The applications subgraph failed; the connection closes, as an upload's body may be unread. */
export function unavailable(): RequestRefusal {
  return new RequestRefusal(502, ErrorCode.DOWNSTREAM_SERVICE_ERROR, 'The applications service is unavailable', { serviceName: 'applications' }, { connection: 'close' });
}

/**
 * Streams the subgraph's answer to the client: its status, body and document headers. A refusal
 * of our signature (401) or a failure (5xx) is the gateway's problem, not the client's: it
 * becomes DOWNSTREAM_SERVICE_ERROR, with the details only in the log.
 */
export async function relayResponse(response: IncomingMessage, res: ServerResponse, options: { log: Logger; closeAfter: boolean }): Promise<void> {
  const status = response.statusCode ?? 502;
  if (status === 401 || status >= 500) {
    response.resume();
    options.log.error({ serviceName: 'applications', status }, status === 401 ? 'applications refused the gateway’s signature' : 'documents request failed');
    throw unavailable();
  }
  const headers: Record<string, string> = {};
  for (const name of RELAYED_HEADERS) {
    const value = response.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  // The client's body was not read to its end: this connection cannot carry another request.
  if (options.closeAfter) headers.connection = 'close';
  res.writeHead(status, headers);
  try {
    await pipeline(response, res);
  } catch (error) {
    // The client went away, or the subgraph did, mid-answer: the connection is gone either way.
    options.log.warn({ status, err: error }, 'document answer cut short');
  }
}
