import { Readable } from 'node:stream';
import { BodyDigest, verifyBodyTrailer, type BodySeal } from '../trust/route-signature.js';
import type { TrustStore } from '../trust/trust-store.js';
import { BodyTooLargeError } from './node-http.js';

/** The body is not the one the gateway signed (altered, cut short, or its trailer is missing or forged). */
export class BodySignatureError extends Error {
  constructor(readonly reason: string) {
    super(`body refused: ${reason}`);
    this.name = 'BodySignatureError';
  }
}

export interface VerifiedBodyOptions {
  /** Holds the gateway's public key, which signed the trailer. */
  trust: TrustStore;
  /** The verified header signature and request id the trailer must name. */
  seal: Pick<BodySeal, 'requestId' | 'signature'>;
  /** The trailers, read once the source has ended (IncomingMessage.trailers). */
  trailers: () => Record<string, string | string[] | undefined>;
  maxBytes: number;
}

/**
 * The source's bytes, passed through as they arrive while counted and hashed; when the source
 * ends, the gateway's trailer is checked, and the stream fails with BodySignatureError instead
 * of ending if it does not match. A consumer that commits only after the stream ended (a file
 * renamed into place, a row inserted) therefore never commits a body the gateway did not send.
 * More than maxBytes fails with BodyTooLargeError as soon as the limit is passed.
 *
 * Nothing is read before the consumer asks, and the source is not owned: a consumer that stops
 * early does not destroy it, so the subgraph can still answer on the same connection.
 */
export function verifiedBody(source: Readable, options: VerifiedBodyOptions): Readable {
  async function* verify(): AsyncGenerator<Buffer> {
    const digest = new BodyDigest();
    try {
      for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        if (digest.size + chunk.length > options.maxBytes) throw new BodyTooLargeError(options.maxBytes);
        digest.update(chunk);
        yield chunk;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') throw new Error('request closed before its body ended');
      throw error;
    }
    const trailers = options.trailers();
    const checked = verifyBodyTrailer(options.trust, (name) => first(trailers[name]), {
      ...options.seal,
      size: digest.size,
      sha256: digest.sha256(),
    });
    if (!checked.ok) throw new BodySignatureError(checked.reason);
  }
  return Readable.from(verify(), { objectMode: false });
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
