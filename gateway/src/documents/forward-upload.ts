import type { IncomingMessage } from 'node:http';
import { BodyDigest, BodyTrailer, RouteTrustHeader, signBodyTrailer, signRouteRequest, type Claims, type PartyKeys } from '@govgraph/kit/trust';
import { DOCUMENTS_AUDIENCE, drained, upstreamRequest } from './upstream-request.js';

/** The client sent more than the limit: cut off, nothing committed upstream. */
export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`upload larger than ${limitBytes} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

export interface ForwardUploadOptions {
  /** The subgraph's upload URL, query included (the filename). */
  url: URL;
  /** The gateway's own key. */
  keys: PartyKeys;
  requestId: string;
  claims: Claims;
  clientAddress: string | null;
  maxBytes: number;
  timeoutMs: number;
}

export interface ForwardedUpload {
  response: IncomingMessage;
  /** False when the subgraph answered (refused) before the whole body was passed on. */
  complete: boolean;
  /** Ends the upstream exchange once the answer is relayed (an incomplete request is cut). */
  finish(): void;
}

/**
 * Streams the client's body to the applications subgraph as it arrives, never holding more than
 * a chunk: signed headers first (body mode `trailer`), then the body, counted and hashed on the
 * way, then its size and SHA-256 with their HMAC in HTTP trailers. Past maxBytes the upstream
 * request is cut (the subgraph drops its temp file) and UploadTooLargeError is thrown.
 */
export async function forwardUpload(source: IncomingMessage, options: ForwardUploadOptions): Promise<ForwardedUpload> {
  const target = `${options.url.pathname}${options.url.search}`;
  const signed = signRouteRequest(options.keys, {
    audience: DOCUMENTS_AUDIENCE,
    requestId: options.requestId,
    claims: options.claims,
    clientAddress: options.clientAddress,
    method: 'POST',
    target,
    body: 'trailer',
  });
  const { request, answer } = upstreamRequest(options.url, {
    method: 'POST',
    timeoutMs: options.timeoutMs,
    headers: {
      ...signed,
      'content-type': 'application/octet-stream',
      'transfer-encoding': 'chunked',
      trailer: Object.values(BodyTrailer).join(', '),
    },
  });

  let answered = false;
  async function pump(): Promise<void> {
    const digest = new BodyDigest();
    // destroyOnReturn: false — stopping early must not tear down the client's connection.
    for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      if (answered) return;
      if (digest.size + chunk.length > options.maxBytes) throw new UploadTooLargeError(options.maxBytes);
      digest.update(chunk);
      if (!request.write(chunk)) await drained(request);
    }
    if (answered) return;
    request.addTrailers(
      signBodyTrailer(options.keys, {
        requestId: options.requestId,
        signature: signed[RouteTrustHeader.signature],
        size: digest.size,
        sha256: digest.sha256(),
      }),
    );
    request.end();
  }

  const pumping = pump();
  pumping.catch(() => undefined);
  try {
    const first = await Promise.race([pumping.then(() => 'sent' as const), answer.then(() => 'answered' as const)]);
    answered = true;
    const response = await answer;
    const complete = first === 'sent';
    return { response, complete, finish: () => (complete ? undefined : void request.destroy()) };
  } catch (error) {
    answered = true;
    request.destroy();
    throw error;
  }
}
