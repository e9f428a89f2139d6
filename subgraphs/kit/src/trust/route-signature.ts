import { createHash, createHmac, timingSafeEqual, type Hash } from 'node:crypto';
import type { Claims } from './claims.js';
import { decodeClaims, encodeClaims, MAX_SIGNATURE_AGE_MS, TrustHeader } from './gateway-signature.js';

/**
 * Signed HTTP routes besides GraphQL (documents), where a body may be streamed and its hash is
 * not known when the headers go out.
 *
 * The headers carry the usual trust headers, signed over the timestamp, request id, claims,
 * client, method, exact target (path and query) and a body mode instead of the body hash:
 * `none` (no body allowed) or `trailer`. In `trailer` mode the body's size and SHA-256 follow in
 * HTTP trailers with an HMAC over them and the header signature, so the subgraph hashes what it
 * receives and commits nothing until the trailer proves it is the body the gateway sent.
 */
export const RouteTrustHeader = {
  requestId: TrustHeader.requestId,
  claims: TrustHeader.claims,
  client: TrustHeader.client,
  timestamp: TrustHeader.timestamp,
  signature: TrustHeader.signature,
  /** `none` or `trailer`: how the body is covered by the signature. */
  body: 'x-govgraph-body',
} as const;

export const BodyTrailer = {
  size: 'x-govgraph-body-size',
  sha256: 'x-govgraph-body-sha256',
  signature: 'x-govgraph-body-signature',
} as const;

export type BodyMode = 'none' | 'trailer';

export interface RouteRequest {
  requestId: string;
  claims: Claims | null;
  clientAddress?: string | null;
  method: string;
  /** Path and query exactly as sent on the request line, e.g. `/documents?filename=a.pdf`. */
  target: string;
  body: BodyMode;
  now?: number;
}

export type SignedRouteHeaders = Record<(typeof RouteTrustHeader)[keyof typeof RouteTrustHeader], string>;

interface RouteEnvelope {
  timestamp: string;
  requestId: string;
  claims: string;
  client: string;
  method: string;
  target: string;
  body: string;
}

function routeMac(secret: string, e: RouteEnvelope): Buffer {
  return createHmac('sha256', secret)
    .update(`govgraph-route-v1\n${e.timestamp}\n${e.requestId}\n${e.claims}\n${e.client}\n${e.method.toUpperCase()}\n${e.target}\n${e.body}`)
    .digest();
}

export function signRouteRequest(secret: string, input: RouteRequest): SignedRouteHeaders {
  const envelope: RouteEnvelope = {
    timestamp: String(input.now ?? Date.now()),
    requestId: input.requestId,
    claims: encodeClaims(input.claims),
    client: input.clientAddress ?? '',
    method: input.method,
    target: input.target,
    body: input.body,
  };
  return {
    [RouteTrustHeader.requestId]: envelope.requestId,
    [RouteTrustHeader.claims]: envelope.claims,
    [RouteTrustHeader.client]: envelope.client,
    [RouteTrustHeader.timestamp]: envelope.timestamp,
    [RouteTrustHeader.body]: envelope.body,
    [RouteTrustHeader.signature]: routeMac(secret, envelope).toString('base64url'),
  };
}

export type VerifiedRouteRequest =
  | {
      ok: true;
      requestId: string;
      claims: Claims | null;
      clientAddress: string | null;
      body: BodyMode;
      /** The header signature, which the body trailer must name. */
      signature: string;
    }
  | { ok: false; reason: string };

type HeaderGetter = (name: string) => string | undefined;

export function verifyRouteRequest(
  secret: string,
  header: HeaderGetter,
  request: { method: string; target: string },
  now = Date.now(),
): VerifiedRouteRequest {
  const requestId = header(RouteTrustHeader.requestId);
  const claims = header(RouteTrustHeader.claims) ?? '';
  const client = header(RouteTrustHeader.client) ?? '';
  const timestamp = header(RouteTrustHeader.timestamp);
  const body = header(RouteTrustHeader.body);
  const signature = header(RouteTrustHeader.signature);
  if (!requestId || !timestamp || !signature || !body) return { ok: false, reason: 'missing gateway signature' };
  if (requestId.length > 128) return { ok: false, reason: 'request id too long' };
  if (body !== 'none' && body !== 'trailer') return { ok: false, reason: 'unknown body mode' };
  const sentAt = Number(timestamp);
  if (!Number.isSafeInteger(sentAt) || Math.abs(now - sentAt) > MAX_SIGNATURE_AGE_MS) {
    return { ok: false, reason: 'gateway signature expired' };
  }
  const expected = routeMac(secret, { timestamp, requestId, claims, client, method: request.method, target: request.target, body });
  if (!sameBytes(signature, expected)) return { ok: false, reason: 'bad gateway signature' };
  return { ok: true, requestId, claims: claims ? decodeClaims(claims) : null, clientAddress: client || null, body, signature };
}

/** What the trailer vouches for: this many bytes with this hash, sent under that header signature. */
export interface BodySeal {
  requestId: string;
  /** The header signature of the same request. */
  signature: string;
  size: number;
  /** Hex SHA-256 of the body. */
  sha256: string;
}

function bodyMac(secret: string, seal: BodySeal): Buffer {
  return createHmac('sha256', secret)
    .update(`govgraph-body-v1\n${seal.requestId}\n${seal.signature}\n${seal.size}\n${seal.sha256}`)
    .digest();
}

export type BodyTrailers = Record<(typeof BodyTrailer)[keyof typeof BodyTrailer], string>;

export function signBodyTrailer(secret: string, seal: BodySeal): BodyTrailers {
  return {
    [BodyTrailer.size]: String(seal.size),
    [BodyTrailer.sha256]: seal.sha256,
    [BodyTrailer.signature]: bodyMac(secret, seal).toString('base64url'),
  };
}

/**
 * Checks the trailer against the body as the subgraph received it (its own count and hash), so a
 * body altered, cut short or extended on the way, or a trailer lifted from another request, fails.
 */
export function verifyBodyTrailer(
  secret: string,
  trailer: HeaderGetter,
  received: BodySeal,
): { ok: true } | { ok: false; reason: string } {
  const size = trailer(BodyTrailer.size);
  const sha256 = trailer(BodyTrailer.sha256);
  const signature = trailer(BodyTrailer.signature);
  if (size === undefined || sha256 === undefined || signature === undefined) return { ok: false, reason: 'missing body trailer' };
  if (!sameBytes(signature, bodyMac(secret, { ...received, size: Number(size), sha256: sha256.toLowerCase() }))) {
    return { ok: false, reason: 'bad body signature' };
  }
  if (Number(size) !== received.size || sha256.toLowerCase() !== received.sha256) {
    return { ok: false, reason: 'body differs from the one the gateway signed' };
  }
  return { ok: true };
}

/** Size and SHA-256 of a body as it streams past, for either end of the trailer. */
export class BodyDigest {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private hex: string | undefined;

  update(chunk: Uint8Array): void {
    if (this.hex !== undefined) throw new Error('BodyDigest already finished');
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }

  get size(): number {
    return this.bytes;
  }

  /** Ends the hash; later calls return the same value. */
  sha256(): string {
    this.hex ??= this.hash.digest('hex');
    return this.hex;
  }
}

function sameBytes(given: string, expected: Buffer): boolean {
  const bytes = Buffer.from(given, 'base64url');
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}
