import { createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One public key of a party, as a JWK (OKP/Ed25519) with when it starts signing. */
export interface PublicKeyEntry {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  use: 'sig';
  activeFrom: string;
}

/** `<trustDir>/<party>.json`: the public half of a party's keys, all a verifier needs. */
export interface PartyPublicKeys {
  party: string;
  keys: PublicKeyEntry[];
}

const KID = /^[A-Za-z0-9_-]{1,64}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;
/** A file is looked at again this often, so a retired key stops verifying without a restart. */
const RECHECK_MS = 5_000;
/** An unknown key id makes the store look again, but not more often than this per party. */
const UNKNOWN_KID_RECHECK_MS = 1_000;

export function trustFile(trustDir: string, party: string): string {
  return join(trustDir, `${party}.json`);
}

/** Publishes a party's public keys into a trust folder (development does it at first start). */
export function writePublicKeys(trustDir: string, party: string, keys: PublicKeyEntry[]): void {
  mkdirSync(trustDir, { recursive: true });
  const file = trustFile(trustDir, party);
  const content = `${JSON.stringify({ party, keys } satisfies PartyPublicKeys, null, 2)}\n`;
  try {
    if (readFileSync(file, 'utf8') === content) return;
  } catch {
    // not there yet
  }
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(draft, content, { mode: 0o644 });
  renameSync(draft, file);
}

interface LoadedParty {
  keys: Map<string, KeyObject>;
  mtimeMs: number;
  checkedAt: number;
  unknownCheckedAt: number;
}

/** Why a signature was refused, for logs and metrics (never shown to the sender beyond the word). */
export type SignatureRefusal = 'malformed' | 'unknown-key' | 'bad-signature';

/**
 * The graph's trust list: a folder with one public-key file per party. In development each party
 * writes its own at first start; in production the operator distributes the folder (a mounted
 * ConfigMap) and no process writes it. A signature verifies only under the keys of the party that
 * is supposed to have made it, so a department's key is worthless for speaking as the gateway.
 */
export class TrustStore {
  private readonly parties = new Map<string, LoadedParty>();

  constructor(
    readonly trustDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Checks `<kid>.<signature>` over data as made by party. */
  verify(party: string, compact: string, data: string | Buffer): { ok: true; kid: string } | { ok: false; reason: SignatureRefusal } {
    const dot = compact.indexOf('.');
    const kid = compact.slice(0, dot);
    const signature = compact.slice(dot + 1);
    if (dot <= 0 || !KID.test(kid) || !SIGNATURE.test(signature)) return { ok: false, reason: 'malformed' };
    const key = this.keyOf(party, kid);
    if (!key) return { ok: false, reason: 'unknown-key' };
    let good = false;
    try {
      good = verify(null, typeof data === 'string' ? Buffer.from(data) : data, key, Buffer.from(signature, 'base64url'));
    } catch {
      good = false;
    }
    // base64url has more than one spelling of some byte strings (the last character's spare bits):
    // only the canonical one is accepted, so a signature is one exact string.
    if (good && Buffer.from(signature, 'base64url').toString('base64url') !== signature) return { ok: false, reason: 'malformed' };
    return good ? { ok: true, kid } : { ok: false, reason: 'bad-signature' };
  }

  /** Whether the trust list has any key of the party (production checks what it needs at start). */
  knows(party: string): boolean {
    return (this.load(party, true)?.keys.size ?? 0) > 0;
  }

  /** The party's key ids as the list holds them now. */
  keyIds(party: string): string[] {
    return [...(this.load(party, true)?.keys.keys() ?? [])];
  }

  private keyOf(party: string, kid: string): KeyObject | undefined {
    const loaded = this.load(party, false);
    const key = loaded?.keys.get(kid);
    if (key) return key;
    const now = this.now();
    if (loaded && now - loaded.unknownCheckedAt < UNKNOWN_KID_RECHECK_MS) return undefined;
    const fresh = this.load(party, true);
    if (fresh) fresh.unknownCheckedAt = now;
    return fresh?.keys.get(kid);
  }

  private load(party: string, force: boolean): LoadedParty | undefined {
    const now = this.now();
    const cached = this.parties.get(party);
    if (cached && !force && now - cached.checkedAt < RECHECK_MS) return cached;
    const file = trustFile(this.trustDir, party);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      // No file: the party is unknown (or was removed from the list).
      this.parties.delete(party);
      return undefined;
    }
    if (cached && cached.mtimeMs === mtimeMs) {
      cached.checkedAt = now;
      return cached;
    }
    const loaded: LoadedParty = { keys: new Map(), mtimeMs, checkedAt: now, unknownCheckedAt: cached?.unknownCheckedAt ?? 0 };
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<PartyPublicKeys>;
      if (parsed.party === party && Array.isArray(parsed.keys)) {
        for (const entry of parsed.keys) {
          if (entry?.kty !== 'OKP' || entry.crv !== 'Ed25519' || typeof entry.x !== 'string' || !KID.test(String(entry.kid))) continue;
          loaded.keys.set(entry.kid, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: entry.x }, format: 'jwk' }));
        }
      }
    } catch {
      // A file being replaced or broken: keep what was loaded before, look again soon.
      if (cached) return cached;
    }
    this.parties.set(party, loaded);
    return loaded;
  }
}
