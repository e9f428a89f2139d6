import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import { seal, unseal, type Logger } from '@govgraph/kit';
import type { IdentityTables } from '../database.js';
import { TOKEN_LIFETIME_SECONDS } from './token-lifetime.js';

export const TOKEN_ALGORITHM = 'EdDSA';
const SEAL_PURPOSE = 'identity-token-signing-key';
/** How long a process trusts its cached signing key before looking for a newer one (rotation by another process). */
const REFRESH_MS = 60_000;

export interface ActiveKey {
  kid: string;
  privateKey: CryptoKey;
  createdAt: string;
}

export interface SigningKeysOptions {
  /** identity's own sealing secret (its key folder's seal.key). */
  sealingSecret: string;
  clock: () => Date;
  log: Logger;
  /** The active key is replaced once it is this old (0: never by age). */
  maxAgeDays: number;
}

/**
 * identity's token signing keys. The newest key signs. A rotation retires the older keys at
 * "now + token lifetime": they stay in the JWKS until every token they signed has expired, so
 * nobody is logged out. Private keys are sealed under identity's own sealing secret.
 */
export class SigningKeys {
  private active: (ActiveKey & { loadedAt: number }) | null = null;

  constructor(
    private readonly db: Kysely<IdentityTables>,
    private readonly options: SigningKeysOptions,
  ) {}

  async current(): Promise<ActiveKey> {
    const now = this.options.clock();
    if (this.active && now.getTime() - this.active.loadedAt < REFRESH_MS && !this.tooOld(this.active, now)) return this.active;
    const row = await this.db.selectFrom('signing_key').selectAll().where('retired_at', 'is', null).orderBy('created_at', 'desc').executeTakeFirst();
    if (row) {
      try {
        const jwk = JSON.parse(unseal(this.options.sealingSecret, SEAL_PURPOSE, row.private_jwk)) as JWK;
        const key = { kid: row.kid, privateKey: (await importJWK(jwk, row.algorithm)) as CryptoKey, createdAt: row.created_at };
        if (!this.tooOld(key, now)) {
          this.active = { ...key, loadedAt: now.getTime() };
          return this.active;
        }
      } catch (error) {
        // Sealed under another secret (a new key folder, or one from before keys per party): unusable, so start a new key.
        this.options.log.warn({ kid: row.kid, err: error }, 'token signing key cannot be opened; rotating');
      }
    }
    return this.rotate();
  }

  /** Adds a new signing key and schedules the older ones to leave the JWKS after their tokens expire. */
  async rotate(): Promise<ActiveKey> {
    const now = this.options.clock();
    const { publicKey, privateKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: TOKEN_ALGORITHM, use: 'sig' };
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: TOKEN_ALGORITHM };
    const retireAt = new Date(now.getTime() + TOKEN_LIFETIME_SECONDS * 1000).toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('signing_key').set({ retired_at: retireAt }).where('retired_at', 'is', null).execute();
      await trx
        .insertInto('signing_key')
        .values({
          kid,
          algorithm: TOKEN_ALGORITHM,
          public_jwk: JSON.stringify(publicJwk),
          private_jwk: seal(this.options.sealingSecret, SEAL_PURPOSE, JSON.stringify(privateJwk)),
          created_at: now.toISOString(),
          retired_at: null,
        })
        .execute();
    });
    this.options.log.info({ kid }, 'token signing key rotated');
    this.active = { kid, privateKey, createdAt: now.toISOString(), loadedAt: now.getTime() };
    return this.active;
  }

  /** Public keys that may still have valid tokens: the active one and those not yet retired. */
  async jwks(): Promise<{ keys: JWK[] }> {
    await this.current();
    const now = this.options.clock().toISOString();
    const rows = await this.db
      .selectFrom('signing_key')
      .select('public_jwk')
      .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', now)]))
      .orderBy('created_at', 'desc')
      .execute();
    return { keys: rows.map((r) => JSON.parse(r.public_jwk) as JWK) };
  }

  private tooOld(key: { createdAt: string }, now: Date): boolean {
    if (this.options.maxAgeDays <= 0) return false;
    return now.getTime() - Date.parse(key.createdAt) > this.options.maxAgeDays * 86_400_000;
  }
}
