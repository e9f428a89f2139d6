import { createHash, randomUUID, type Hash } from 'node:crypto';
import type { Claims } from './claims.js';
import { encodeClaims, GATEWAY_PARTY, readSignedClaims, TrustHeader, trustHeaderProblem } from './gateway-signature.js';
import type { PartyKeys } from './party-keys.js';
import type { TrustStore } from './trust-store.js';

/**
 * Signed HTTP routes besides GraphQL (documents), where a body may be streamed and its hash is
 * not known when the headers go out.
 *
 * The headers carry the usual trust headers, signed with the gateway's key over the subgraph it is
 * for, the timestamp, a nonce, request id, claims, client, method, exact target (path and query)
 * and a body mode instead of the body hash:
 * `none` (no body allowed) or `trailer`. In `trailer` mode the body's size and SHA-256 follow in
 * HTTP trailers with the gateway's signature over them and the header signature, so the subgraph hashes what it
 * receives and commits nothing until the trailer proves it is the body the gateway sent.
 */
export const RouteTrustHeader = {
  requestId: TrustHeader.requestId,
  claims: TrustHeader.claims,
  client: TrustHeader.client,
  timestamp: TrustHeader.timestamp,
  nonce: TrustHeader.nonce,
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
  /** The subgraph the request is for: only it accepts the signature. */
  audience: string;
  requestId: string;
  claims: Claims | null;
  clientAddress?: string | null;
  method: string;
  /** Path and query exactly as sent on the request line, e.g. `/documents?filename=a.pdf`. */
  target: string;
  body: BodyMode;
  now?: number;
  nonce?: string;
}

export type SignedRouteHeaders = Record<(typeof RouteTrustHeader)[keyof typeof RouteTrustHeader], string>;

interface RouteEnvelope {
  audience: string;
  timestamp: string;
  nonce: string;
  requestId: string;
  claims: string;
  client: string;
  method: string;
  target: string;
  body: string;
}

function routeText(e: RouteEnvelope): string {
  return `govgraph-route-v2\n${e.audience}\n${e.timestamp}\n${e.nonce}\n${e.requestId}\n${e.claims}\n${e.client}\n${e.method.toUpperCase()}\n${e.target}\n${e.body}`;
}

export function signRouteRequest(keys: PartyKeys, input: RouteRequest): SignedRouteHeaders {
  const envelope: RouteEnvelope = {
    audience: input.audience,
    timestamp: String(input.now ?? Date.now()),
    nonce: input.nonce ?? randomUUID(),
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
    [RouteTrustHeader.nonce]: envelope.nonce,
    [RouteTrustHeader.body]: envelope.body,
    [RouteTrustHeader.signature]: keys.signCompact(routeText(envelope)),
  };
}

export type VerifiedRouteRequest =
  | {
      ok: true;
      requestId: string;
      claims: Claims | null;
      clientAddress: string | null;
      body: BodyMode;
      /** Remember it (NonceStore): the same signed request twice is a replay. */
      nonce: string;
      /** The header signature, which the body trailer must name. */
      signature: string;
    }
  | { ok: false; reason: string };

type HeaderGetter = (name: string) => string | undefined;

export function verifyRouteRequest(trust: TrustStore, audience: string, header: HeaderGetter, request: { method: string; target: string }, now = Date.now()): VerifiedRouteRequest {
  const requestId = header(RouteTrustHeader.requestId);
  const claims = header(RouteTrustHeader.claims) ?? '';
  const client = header(RouteTrustHeader.client) ?? '';
  const timestamp = header(RouteTrustHeader.timestamp);
  const nonce = header(RouteTrustHeader.nonce);
  const body = header(RouteTrustHeader.body);
  const signature = header(RouteTrustHeader.signature);
  if (!requestId || !timestamp || !nonce || !signature || !body) return { ok: false, reason: 'missing gateway signature' };
  if (body !== 'none' && body !== 'trailer') return { ok: false, reason: 'unknown body mode' };
  const refusal = trustHeaderProblem({ requestId, nonce, claims, client, timestamp }, now);
  if (refusal) return { ok: false, reason: refusal };
  const text = routeText({ audience, timestamp, nonce, requestId, claims, client, method: request.method, target: request.target, body });
  const checked = trust.verify(GATEWAY_PARTY, signature, text);
  if (!checked.ok) return { ok: false, reason: `bad gateway signature (${checked.reason})` };
  const decoded = readSignedClaims(claims);
  if (decoded === undefined) return { ok: false, reason: 'unreadable claims' };
  return { ok: true, requestId, claims: decoded, clientAddress: client || null, body, nonce, signature };
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

function bodyText(seal: BodySeal): string {
  return `govgraph-body-v2\n${seal.requestId}\n${seal.signature}\n${seal.size}\n${seal.sha256}`;
}

export type BodyTrailers = Record<(typeof BodyTrailer)[keyof typeof BodyTrailer], string>;

export function signBodyTrailer(keys: PartyKeys, seal: BodySeal): BodyTrailers {
  return {
    [BodyTrailer.size]: String(seal.size),
    [BodyTrailer.sha256]: seal.sha256,
    [BodyTrailer.signature]: keys.signCompact(bodyText(seal)),
  };
}

/**
 * Checks the trailer against the body as the subgraph received it (its own count and hash), so a
 * body altered, cut short or extended on the way, or a trailer lifted from another request, fails.
 */
export function verifyBodyTrailer(trust: TrustStore, trailer: HeaderGetter, received: BodySeal): { ok: true } | { ok: false; reason: string } {
  const size = trailer(BodyTrailer.size);
  const sha256 = trailer(BodyTrailer.sha256);
  const signature = trailer(BodyTrailer.signature);
  if (size === undefined || sha256 === undefined || signature === undefined) return { ok: false, reason: 'missing body trailer' };
  if (!/^\d{1,16}$/.test(size) || !/^[0-9a-fA-F]{64}$/.test(sha256)) return { ok: false, reason: 'malformed body trailer' };
  if (!trust.verify(GATEWAY_PARTY, signature, bodyText({ ...received, size: Number(size), sha256: sha256.toLowerCase() })).ok) {
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
