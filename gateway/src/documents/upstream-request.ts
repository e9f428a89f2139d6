import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Documents live in the applications subgraph: the signature is good there only. */
export const DOCUMENTS_AUDIENCE = 'applications';

/**
 * A request to the applications subgraph with node:http, which (unlike fetch) streams a body
 * with HTTP trailers. The answer promise never rejects unobserved; a request that shows no
 * progress for timeoutMs is destroyed.
 */
export function upstreamRequest(
  url: URL,
  init: { method: string; headers: Record<string, string>; timeoutMs: number },
): { request: ClientRequest; answer: Promise<IncomingMessage> } {
  const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method: init.method, headers: init.headers });
  request.setTimeout(init.timeoutMs, () => request.destroy(new Error(`no progress for ${init.timeoutMs} ms`)));
  const answer = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
    request.once('close', () => reject(new Error('closed before answering')));
  });
  answer.catch(() => undefined);
  return { request, answer };
}

/** Waits until the request can take more (backpressure), failing if it goes away meanwhile. */
export function drained(request: ClientRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      request.off('drain', onDrain);
      request.off('close', onClose);
      request.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('upstream closed'));
    request.once('drain', onDrain);
    request.once('close', onClose);
    request.once('error', settle);
  });
}
