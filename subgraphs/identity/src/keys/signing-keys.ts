import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, type CryptoKey } from 'jose';
import type { Kysely } from 'kysely';
import type { IdentityTables } from '../database.js';

export const TOKEN_ALGORITHM = 'EdDSA';

export interface ActiveKey {
  kid: string;
  privateKey: CryptoKey;
}

/**
 * identity's token signing keys. The newest unretired key signs; every key that is not retired
 * is published in the JWKS, so tokens signed before a rotation keep verifying.
 */
export class SigningKeys {
  private active: ActiveKey | null = null;

  constructor(private readonly db: Kysely<IdentityTables>, private readonly clock: () => Date) {}

  /** Loads the newest key, creating the first one on a fresh database. */
  async current(): Promise<ActiveKey> {
    if (this.active) return this.active;
    const row = await this.db
      .selectFrom('signing_key')
      .selectAll()
      .where('retired_at', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (row) {
      this.active = { kid: row.kid, privateKey: (await importJWK(JSON.parse(row.private_jwk) as JWK, row.algorithm)) as CryptoKey };
      return this.active;
    }
    return this.rotate();
  }

  /** Adds a new signing key; older keys stay published until retired. */
  async rotate(): Promise<ActiveKey> {
    const { publicKey, privateKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: TOKEN_ALGORITHM, use: 'sig' };
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: TOKEN_ALGORITHM };
    await this.db
      .insertInto('signing_key')
      .values({
        kid,
        algorithm: TOKEN_ALGORITHM,
        public_jwk: JSON.stringify(publicJwk),
        private_jwk: JSON.stringify(privateJwk),
        created_at: this.clock().toISOString(),
        retired_at: null,
      })
      .execute();
    this.active = { kid, privateKey };
    return this.active;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    await this.current();
    const rows = await this.db.selectFrom('signing_key').select('public_jwk').where('retired_at', 'is', null).execute();
    return { keys: rows.map((r) => JSON.parse(r.public_jwk) as JWK) };
  }
}
