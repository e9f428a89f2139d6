import { randomBytes } from 'node:crypto';
import { credentialTokenHash, newCredentialToken, readCredentialToken, sameTokenHash, type CredentialRole } from './publish-credential.js';
import { subgraphNameProblem } from './subgraph-names.js';

/** One credential as stored: the token's hash, never the token. */
export interface CredentialRecord {
  /** Shown in lists and logs, e.g. `pub-3f2a9b1c0d4e`. */
  id: string;
  role: CredentialRole;
  /** The subgraph a publisher credential publishes; null for an administrator. */
  subgraph: string | null;
  /** SHA-256 of the token, hex. */
  sha256: string;
  createdAt: string;
  revokedAt: string | null;
  note?: string;
}

/** What may be shown of a credential. */
export type CredentialInfo = Omit<CredentialRecord, 'sha256'>;

/**
 * Where credentials live: one store for every gateway process and the administrator's CLI —
 * a hash in Redis (REDIS_URL), or a 0600 file in the gateway's data folder.
 */
export interface CredentialStore {
  readonly kind: 'file' | 'redis';
  /** The file, or the Redis key, for messages. */
  readonly location: string;
  records(): Promise<CredentialRecord[]>;
  add(record: CredentialRecord): Promise<void>;
  /** Marks one revoked (keeping the first revocation time); undefined when no such id. */
  revoke(id: string, at: string): Promise<CredentialRecord | undefined>;
  close(): Promise<void>;
}

export type CredentialCheck = { ok: true; credential: CredentialInfo } | { ok: false; reason: 'missing' | 'malformed' | 'unknown' | 'revoked' };

export function credentialInfo(record: CredentialRecord): CredentialInfo {
  const { sha256: _hash, ...info } = record;
  return info;
}

/** Makes a new credential; the token is returned once and stored only as its hash. */
export async function issueCredential(
  store: CredentialStore,
  request: { role: 'publisher'; subgraph: string; note?: string } | { role: 'admin'; note?: string },
  now: Date = new Date(),
): Promise<{ token: string; credential: CredentialInfo }> {
  const subgraph = request.role === 'publisher' ? request.subgraph : null;
  if (subgraph !== null) {
    const problem = subgraphNameProblem(subgraph);
    if (problem) throw new Error(problem);
  }
  const token = newCredentialToken(request.role, subgraph ?? undefined);
  const record: CredentialRecord = {
    id: `${request.role === 'admin' ? 'adm' : 'pub'}-${randomBytes(6).toString('hex')}`,
    role: request.role,
    subgraph,
    sha256: credentialTokenHash(token),
    createdAt: now.toISOString(),
    revokedAt: null,
    ...(request.note ? { note: request.note } : {}),
  };
  await store.add(record);
  return { token, credential: credentialInfo(record) };
}

/**
 * Which credential a presented token is. Every stored hash of the same role and subgraph is
 * compared, in constant time each, so the answer's timing says nothing about near misses.
 */
export async function verifyCredential(store: CredentialStore, token: string | undefined): Promise<CredentialCheck> {
  if (!token) return { ok: false, reason: 'missing' };
  const claimed = readCredentialToken(token);
  if (!claimed) return { ok: false, reason: 'malformed' };
  const hash = credentialTokenHash(token);
  let match: CredentialRecord | undefined;
  for (const record of await store.records()) {
    if (record.role !== claimed.role || record.subgraph !== claimed.subgraph) continue;
    if (sameTokenHash(record.sha256, hash)) match = record;
  }
  if (!match) return { ok: false, reason: 'unknown' };
  if (match.revokedAt) return { ok: false, reason: 'revoked' };
  return { ok: true, credential: credentialInfo(match) };
}

/** Checks one stored record's shape (a hand-edited file or key must not crash a gateway). */
export function readCredentialRecord(value: unknown): CredentialRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  if (typeof r.id !== 'string' || (r.role !== 'publisher' && r.role !== 'admin')) return undefined;
  if (r.role === 'publisher' ? typeof r.subgraph !== 'string' : r.subgraph !== null) return undefined;
  if (typeof r.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(r.sha256) || typeof r.createdAt !== 'string') return undefined;
  if (r.revokedAt !== null && typeof r.revokedAt !== 'string') return undefined;
  return r as unknown as CredentialRecord;
}
