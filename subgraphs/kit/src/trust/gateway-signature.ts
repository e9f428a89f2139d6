import * as nodeCrypto from 'node:crypto';
import { createHash, randomUUID } from 'node:crypto';
import type { Claims } from './claims.js';
import type { PartyKeys } from './party-keys.js';
import type { TrustStore } from './trust-store.js';

/**
 * The gateway signs every request it sends to a subgraph with its own Ed25519 key: the forwarded
 * claims, the request id, the subgraph it is meant for, a timestamp, a random nonce and a hash
 * of the body. A subgraph holds only the gateway's public key, so no department can make a
 * request another department accepts; the audience stops a request meant for one department
 * from being replayed to another, and the nonce (remembered across replicas, NonceStore) stops
 * it from being sent twice.
 */
export const TrustHeader = {
  requestId: 'x-govgraph-request-id',
  claims: 'x-govgraph-claims',
  /** The portal client's address as the gateway saw it, for per-address rate limits. */
  client: 'x-govgraph-client',
  timestamp: 'x-govgraph-timestamp',
  /** Random per signed request (every attempt its own): a repeat is a replay. */
  nonce: 'x-govgraph-nonce',
  /** `<kid>.<Ed25519 signature>` by the gateway. */
  signature: 'x-govgraph-signature',
} as const;

/** The party whose key signs requests to subgraphs. */
export const GATEWAY_PARTY = 'gateway';

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
  audience: string;
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
  typeof nodeCrypto.hash === 'function' ? (data) => nodeCrypto.hash('sha256', data, 'hex') : (data) => createHash('sha256').update(data).digest('hex');

function signedText(e: Envelope): string {
  return `govgraph-v4\n${e.audience}\n${e.timestamp}\n${e.nonce}\n${e.requestId}\n${e.claims}\n${e.client}\n${sha256Hex(e.body)}`;
}

export interface RequestToSign {
  /** The subgraph the request is for: only it accepts the signature. */
  audience: string;
  requestId: string;
  claims: Claims | null;
  /** The claims already encoded (encodeClaims), e.g. carried in a header: sent and signed as they are, `claims` unused. */
  encodedClaims?: string;
  body: string;
  clientAddress?: string | null;
  now?: number;
  nonce?: string;
}

export function signRequest(keys: PartyKeys, input: RequestToSign): SignedHeaders {
  const envelope: Envelope = {
    audience: input.audience,
    timestamp: String(input.now ?? Date.now()),
    nonce: input.nonce ?? randomUUID(),
    requestId: input.requestId,
    claims: input.encodedClaims ?? encodeClaims(input.claims),
    client: input.clientAddress ?? '',
    body: input.body,
  };
  return {
    [TrustHeader.requestId]: envelope.requestId,
    [TrustHeader.claims]: envelope.claims,
    [TrustHeader.client]: envelope.client,
    [TrustHeader.timestamp]: envelope.timestamp,
    [TrustHeader.nonce]: envelope.nonce,
    [TrustHeader.signature]: keys.signCompact(signedText(envelope)),
  };
}

export type VerifiedRequest = { ok: true; requestId: string; claims: Claims | null; clientAddress: string | null; nonce: string } | { ok: false; reason: string };

type HeaderGetter = (name: string) => string | undefined;

/** Checks a request's gateway signature for this subgraph (audience); the nonce is the caller's to remember. */
export function verifyRequest(trust: TrustStore, audience: string, header: HeaderGetter, body: string, now = Date.now()): VerifiedRequest {
  const requestId = header(TrustHeader.requestId);
  const claims = header(TrustHeader.claims) ?? '';
  const client = header(TrustHeader.client) ?? '';
  const timestamp = header(TrustHeader.timestamp);
  const nonce = header(TrustHeader.nonce);
  const signature = header(TrustHeader.signature);
  if (!requestId || !timestamp || !nonce || !signature) return { ok: false, reason: 'missing gateway signature' };
  const refusal = trustHeaderProblem({ requestId, nonce, claims, client, timestamp }, now);
  if (refusal) return { ok: false, reason: refusal };
  const checked = trust.verify(GATEWAY_PARTY, signature, signedText({ audience, timestamp, nonce, requestId, claims, client, body }));
  if (!checked.ok) return { ok: false, reason: `bad gateway signature (${checked.reason})` };
  const decoded = readSignedClaims(claims);
  if (decoded === undefined) return { ok: false, reason: 'unreadable claims' };
  return { ok: true, requestId, claims: decoded, clientAddress: client || null, nonce };
}

/** What is wrong with the trust headers before any signature is checked (sizes, age), or null. */
export function trustHeaderProblem(headers: { requestId: string; nonce: string; claims: string; client: string; timestamp: string }, now: number): string | null {
  if (headers.requestId.length > 128) return 'request id too long';
  if (headers.nonce.length > 64) return 'nonce too long';
  if (headers.claims.length > 4096 || headers.client.length > 64) return 'trust header too long';
  const sentAt = Number(headers.timestamp);
  if (!/^\d{1,16}$/.test(headers.timestamp) || !Number.isSafeInteger(sentAt) || Math.abs(now - sentAt) > MAX_SIGNATURE_AGE_MS) {
    return 'gateway signature expired';
  }
  return null;
}

/** Claims already read, by their signed encoding: a signed-in portal's fetches carry the same text again and again. */
const readClaims = new Map<string, Claims>();
const MAX_READ_CLAIMS = 1_000;

/**
 * The claims of a verified signature: null for anonymous, undefined when they cannot be read.
 * The same text always reads the same, so each is decoded once and handed out frozen (no request
 * can change what another one sees); at most MAX_READ_CLAIMS, forgotten all at once when full.
 */
export function readSignedClaims(encoded: string): Claims | null | undefined {
  if (!encoded) return null;
  const known = readClaims.get(encoded);
  if (known) return known;
  let claims: Claims;
  try {
    claims = decodeClaims(encoded);
  } catch {
    return undefined;
  }
  Object.freeze(claims.roles);
  Object.freeze(claims);
  if (readClaims.size >= MAX_READ_CLAIMS) readClaims.clear();
  readClaims.set(encoded, claims);
  return claims;
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
    // Only when present, so claims without one read back exactly as they were sent.
    ...(raw.authorisationId ? { authorisationId: String(raw.authorisationId) } : {}),
  };
}
