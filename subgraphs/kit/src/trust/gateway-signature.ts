import * as nodeCrypto from 'node:crypto';
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Claims } from './claims.js';

/**
 * The gateway signs every request it sends to a subgraph: the forwarded claims, the request id,
 * a timestamp and a hash of the body. A subgraph accepts only requests with a valid signature,
 * so nobody reaches `_entities` or a resolver by going around the gateway, and a captured
 * request cannot be replayed later or with another body. A random nonce, signed too, lets a
 * subgraph refuse the same signed request twice within the signature's lifetime (ReplayGuard).
 */
export const TrustHeader = {
  requestId: 'x-govgraph-request-id',
  claims: 'x-govgraph-claims',
  /** The portal client's address as the gateway saw it, for per-address rate limits. */
  client: 'x-govgraph-client',
  timestamp: 'x-govgraph-timestamp',
  /** Random per signed request (every attempt its own): a repeat is a replay. */
  nonce: 'x-govgraph-nonce',
  signature: 'x-govgraph-signature',
} as const;

/** How far the subgraph's clock may be from the gateway's, and how long a signature lives. */
export const MAX_SIGNATURE_AGE_MS = 60_000;

export interface SignedHeaders {
  [TrustHeader.requestId]: string;
  [TrustHeader.claims]: string;
  [TrustHeader.client]: string;
  [TrustHeader.timestamp]: string;
  [TrustHeader.nonce]: string;
  [TrustHeader.signature]: string;
}

export function encodeClaims(claims: Claims | null): string {
  return claims ? Buffer.from(JSON.stringify(claims)).toString('base64url') : '';
}

interface Envelope {
  timestamp: string;
  nonce: string;
  requestId: string;
  claims: string;
  client: string;
  body: string;
}

/**
 * SHA-256 of a body in hex, for every signed fetch and every check of one: Node's one-shot
 * crypto.hash (20.12+) skips building a Hash object; older Node 20 has only createHash.
 */
const sha256Hex: (data: string) => string =
  typeof nodeCrypto.hash === 'function'
    ? (data) => nodeCrypto.hash('sha256', data, 'hex')
    : (data) => createHash('sha256').update(data).digest('hex');

function mac(secret: string, e: Envelope): Buffer {
  const bodyHash = sha256Hex(e.body);
  return createHmac('sha256', secret)
    .update(`govgraph-v3\n${e.timestamp}\n${e.nonce}\n${e.requestId}\n${e.claims}\n${e.client}\n${bodyHash}`)
    .digest();
}

export function signRequest(
  secret: string,
  input: { requestId: string; claims: Claims | null; body: string; clientAddress?: string | null; now?: number; nonce?: string },
): SignedHeaders {
  const envelope: Envelope = {
    timestamp: String(input.now ?? Date.now()),
    nonce: input.nonce ?? randomUUID(),
    requestId: input.requestId,
    claims: encodeClaims(input.claims),
    client: input.clientAddress ?? '',
    body: input.body,
  };
  return {
    [TrustHeader.requestId]: envelope.requestId,
    [TrustHeader.claims]: envelope.claims,
    [TrustHeader.client]: envelope.client,
    [TrustHeader.timestamp]: envelope.timestamp,
    [TrustHeader.nonce]: envelope.nonce,
    [TrustHeader.signature]: mac(secret, envelope).toString('base64url'),
  };
}

export type VerifiedRequest =
  | { ok: true; requestId: string; claims: Claims | null; clientAddress: string | null; nonce: string }
  | { ok: false; reason: string };

type HeaderGetter = (name: string) => string | undefined;

export function verifyRequest(
  secret: string,
  header: HeaderGetter,
  body: string,
  now = Date.now(),
): VerifiedRequest {
  const requestId = header(TrustHeader.requestId);
  const claims = header(TrustHeader.claims) ?? '';
  const client = header(TrustHeader.client) ?? '';
  const timestamp = header(TrustHeader.timestamp);
  const nonce = header(TrustHeader.nonce);
  const signature = header(TrustHeader.signature);
  if (!requestId || !timestamp || !nonce || !signature) return { ok: false, reason: 'missing gateway signature' };
  if (requestId.length > 128) return { ok: false, reason: 'request id too long' };
  if (nonce.length > 64) return { ok: false, reason: 'nonce too long' };

  const sentAt = Number(timestamp);
  if (!Number.isSafeInteger(sentAt) || Math.abs(now - sentAt) > MAX_SIGNATURE_AGE_MS) {
    return { ok: false, reason: 'gateway signature expired' };
  }
  const expected = mac(secret, { timestamp, nonce, requestId, claims, client, body });
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad gateway signature' };
  }
  return { ok: true, requestId, claims: claims ? decodeClaims(claims) : null, clientAddress: client || null, nonce };
}

/** Inverse of encodeClaims, for claims whose signature was checked. */
export function decodeClaims(encoded: string): Claims {
  // Signed by the gateway, so the shape is trusted; parse defensively all the same.
  const raw = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<Claims>;
  return {
    accountId: String(raw.accountId ?? ''),
    personId: raw.personId ? String(raw.personId) : null,
    applicantId: raw.applicantId ? String(raw.applicantId) : null,
    roles: Array.isArray(raw.roles) ? raw.roles.map(String) : [],
    department: raw.department ? String(raw.department) : null,
  };
}
