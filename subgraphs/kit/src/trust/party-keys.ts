import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePublicKeys, type PublicKeyEntry } from './trust-store.js';

/**
 * Every party of the graph — the gateway and each department — has its own Ed25519 signing key
 * and its own sealing secret, derived from nothing shared. The party signs what it sends (the
 * gateway its requests, applications its case grants, a department its events); the others
 * verify with its public key from the trust list (trust-store.ts). Holding one department's key
 * folder lets an attacker speak as that department and no other.
 *
 * Layout of `<keysDir>/<party>/` (0700, files 0600):
 *   signing-keys.json  { party, keys: [{ kid, createdAt, activeFrom, privateKey (PKCS#8 PEM) }] }
 *   seal.key           32 random bytes, base64url: seals private keys a department keeps in its database
 */
export interface StoredSigningKey {
  kid: string;
  createdAt: string;
  /** The key signs from this moment: a rotation publishes the new public key first, then switches. */
  activeFrom: string;
  privateKey: string;
}

interface SigningKeyFile {
  party: string;
  keys: StoredSigningKey[];
}

export interface PartySignature {
  kid: string;
  /** base64url Ed25519 signature. */
  signature: string;
}

const PARTY_NAME = /^[a-z][a-z0-9-]{0,62}$/;
/** How often a running process looks at its key file for a rotation made by the command. */
const RELOAD_MS = 30_000;

export function assertPartyName(party: string): void {
  if (!PARTY_NAME.test(party)) throw new Error(`not a party name: ${JSON.stringify(party)} (lower-case letters, digits and dashes)`);
}

export function partyKeyDir(keysDir: string, party: string): string {
  assertPartyName(party);
  return join(keysDir, party);
}

/** A key's id: the first 128 bits of the SHA-256 of its public key, so it names the key and nothing else. */
export function keyIdOf(publicKey: KeyObject): string {
  const raw = publicKey.export({ format: 'jwk' }).x!;
  return createHash('sha256').update(raw).digest('base64url').slice(0, 22);
}

export function publicEntryOf(stored: StoredSigningKey): PublicKeyEntry {
  const jwk = createPublicKey(createPrivateKey(stored.privateKey)).export({ format: 'jwk' });
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x!, kid: stored.kid, use: 'sig', activeFrom: stored.activeFrom };
}

function newSigningKey(now: Date, activeFrom: Date): StoredSigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    kid: keyIdOf(publicKey),
    createdAt: now.toISOString(),
    activeFrom: activeFrom.toISOString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** Writes a file readable by its owner only, replacing any older one at once. */
export function writePrivateFile(file: string, content: string): void {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(draft, content, { mode: 0o600 });
  renameSync(draft, file);
}

/** Creates a file readable by its owner only unless it exists; true when this call created it. */
function createPrivateFileOnce(file: string, content: string): boolean {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(draft, content, { mode: 0o600 });
  try {
    // link() is atomic and fails when another process created the file first: then theirs wins.
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    rmSync(draft, { force: true });
  }
}

function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

function readKeyFile(file: string, party: string): SigningKeyFile {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<SigningKeyFile>;
  if (parsed.party !== party || !Array.isArray(parsed.keys) || parsed.keys.length === 0) {
    throw new Error(`${file} is not ${party}'s signing key file`);
  }
  return parsed as SigningKeyFile;
}

export interface PartyKeyOptions {
  party: string;
  /** Folder of every party's private key folder; this party's is `<keysDir>/<party>`. */
  keysDir: string;
  /** Where this party publishes its public keys (development); null when the operator distributes them. */
  trustDir: string | null;
  /** Create the keys on first use (development). Production refuses to start without them. */
  create: boolean;
  clock?: () => Date;
}

/**
 * A party's own keys, loaded from its key folder (created on first start in development). The
 * newest key whose activeFrom has passed signs; the file is looked at again every 30 s, so a
 * rotation by `govgraph keys rotate` reaches running processes without a restart.
 */
export class PartyKeys {
  readonly party: string;
  /** Seals the private keys this party keeps in its database (identity's token keys, licences' issuer keys). */
  readonly sealingSecret: string;
  private readonly file: string;
  private readonly clock: () => Date;
  private keys: Array<StoredSigningKey & { key: KeyObject }> = [];
  private loadedMtimeMs = -1;
  private checkedAt = 0;

  private constructor(options: PartyKeyOptions, sealingSecret: string) {
    this.party = options.party;
    this.file = join(partyKeyDir(options.keysDir, options.party), 'signing-keys.json');
    this.clock = options.clock ?? (() => new Date());
    this.sealingSecret = sealingSecret;
    this.reload();
  }

  static load(options: PartyKeyOptions): PartyKeys {
    const dir = partyKeyDir(options.keysDir, options.party);
    const keyFile = join(dir, 'signing-keys.json');
    const sealFile = join(dir, 'seal.key');
    if (!existsSync(keyFile) || !existsSync(sealFile)) {
      if (!options.create) {
        throw new Error(`no keys for ${options.party} in ${dir}: create them with \`npx govgraph keys init ${options.party}\` ` + '(production never generates keys by itself)');
      }
      initPartyKeys(options);
    }
    const keys = new PartyKeys(options, readFileSync(sealFile, 'utf8').trim());
    if (options.trustDir && options.create) writePublicKeys(options.trustDir, options.party, keys.publicEntries());
    return keys;
  }

  /** The id of the key that signs now (a document that names its signing key prints it). */
  activeKeyId(): string {
    return this.active().kid;
  }

  /** Signs bytes with the active key. */
  sign(data: string | Buffer): PartySignature {
    const active = this.active();
    return { kid: active.kid, signature: sign(null, typeof data === 'string' ? Buffer.from(data) : data, active.key).toString('base64url') };
  }

  /** `<kid>.<signature>`: the form headers, grants and events carry. */
  signCompact(data: string | Buffer): string {
    const { kid, signature } = this.sign(data);
    return `${kid}.${signature}`;
  }

  publicEntries(): PublicKeyEntry[] {
    return this.keys.map(publicEntryOf);
  }

  private active(): StoredSigningKey & { key: KeyObject } {
    const now = this.clock().getTime();
    if (now - this.checkedAt > RELOAD_MS) this.reload();
    let chosen: (StoredSigningKey & { key: KeyObject }) | undefined;
    for (const key of this.keys) {
      if (Date.parse(key.activeFrom) <= now && (!chosen || key.activeFrom > chosen.activeFrom)) chosen = key;
    }
    // Every key still waits for its activation (a fresh `init` with a delay): the oldest signs.
    return chosen ?? this.keys[0]!;
  }

  private reload(): void {
    this.checkedAt = this.clock().getTime();
    const mtime = statSync(this.file).mtimeMs;
    if (mtime === this.loadedMtimeMs) return;
    const file = readKeyFile(this.file, this.party);
    this.keys = file.keys.map((stored) => ({ ...stored, key: createPrivateKey(stored.privateKey) }));
    this.loadedMtimeMs = mtime;
  }
}

/** Creates a party's key folder: one signing key, active at once, and a sealing secret. Idempotent. */
export function initPartyKeys(options: Pick<PartyKeyOptions, 'party' | 'keysDir' | 'clock'>): { created: boolean; dir: string } {
  const dir = partyKeyDir(options.keysDir, options.party);
  makePrivateDir(dir);
  const now = (options.clock ?? (() => new Date()))();
  const sealCreated = createPrivateFileOnce(join(dir, 'seal.key'), randomBytes(32).toString('base64url'));
  const file: SigningKeyFile = { party: options.party, keys: [newSigningKey(now, now)] };
  const keyCreated = createPrivateFileOnce(join(dir, 'signing-keys.json'), `${JSON.stringify(file, null, 2)}\n`);
  return { created: sealCreated || keyCreated, dir };
}

/**
 * Adds a new signing key that starts signing `activateInMs` from now; until then the old key
 * signs, so verifiers have time to learn the new public key. Returns the new key.
 */
export function rotatePartyKey(options: Pick<PartyKeyOptions, 'party' | 'keysDir' | 'clock'> & { activateInMs: number }): StoredSigningKey {
  const file = join(partyKeyDir(options.keysDir, options.party), 'signing-keys.json');
  const current = readKeyFile(file, options.party);
  const now = (options.clock ?? (() => new Date()))();
  const added = newSigningKey(now, new Date(now.getTime() + options.activateInMs));
  writePrivateFile(file, `${JSON.stringify({ ...current, keys: [...current.keys, added] }, null, 2)}\n`);
  return added;
}

/** Removes a key for good: nothing it signed verifies once the trust list drops it too. */
export function retirePartyKey(options: Pick<PartyKeyOptions, 'party' | 'keysDir'> & { kid: string }): StoredSigningKey[] {
  const file = join(partyKeyDir(options.keysDir, options.party), 'signing-keys.json');
  const current = readKeyFile(file, options.party);
  const kept = current.keys.filter((key) => key.kid !== options.kid);
  if (kept.length === current.keys.length) throw new Error(`${options.party} has no key ${options.kid}`);
  if (kept.length === 0) throw new Error(`${options.kid} is ${options.party}'s only key: rotate first`);
  writePrivateFile(file, `${JSON.stringify({ ...current, keys: kept }, null, 2)}\n`);
  return kept;
}

/** The stored keys of a party, newest last (for `govgraph keys list` and the trust list). */
export function readPartyKeys(keysDir: string, party: string): StoredSigningKey[] {
  return readKeyFile(join(partyKeyDir(keysDir, party), 'signing-keys.json'), party).keys;
}
