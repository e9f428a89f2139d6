import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import { seal, unseal } from '@govgraph/kit';
import type { LicenceTables } from '../database.js';

const SEAL_PURPOSE = 'licence-issuer-signing-key';
/** How long a process signs with its cached key before looking for a newer one (a rotation by the command). */
const REFRESH_MS = 60_000;

/**
 * Each issuing department signs its licences with its own Ed25519 key. Private keys are sealed
 * under licences' own sealing secret; public keys stay forever, so a licence signed before a rotation still
 * verifies. The newest unretired key of a department signs.
 */
export class IssuerKeys {
  private readonly signing = new Map<string, { kid: string; key: KeyObject; loadedAt: number }>();
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(
    private readonly db: Kysely<LicenceTables>,
    private readonly sealingSecret: string,
    private readonly clock: () => Date,
  ) {}

  /** Signs content as the department, creating its first key if it has none. */
  async sign(departmentCode: string, content: string): Promise<{ kid: string; signature: string }> {
    const { kid, key } = await this.signingKey(departmentCode);
    return { kid, signature: sign(null, Buffer.from(content), key).toString('base64url') };
  }

  async verify(kid: string, content: string, signature: string): Promise<boolean> {
    const key = await this.publicKey(kid);
    if (!key) return false;
    try {
      return verify(null, Buffer.from(content), key, Buffer.from(signature, 'base64url'));
    } catch {
      return false;
    }
  }

  /** A new key signs from now on; the old ones keep verifying what they signed. */
  async rotate(departmentCode: string): Promise<string> {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const kid = randomUUID();
    const now = this.clock().toISOString();
    // Inside the seed's transaction already (Kysely cannot nest them); otherwise in one of its own.
    const inTransaction = <T>(work: (trx: Kysely<LicenceTables>) => Promise<T>) => (this.db.isTransaction ? work(this.db) : this.db.transaction().execute(work));
    await inTransaction(async (trx) => {
      await trx.updateTable('issuer_key').set({ retired_at: now }).where('department_code', '=', departmentCode).where('retired_at', 'is', null).execute();
      await trx
        .insertInto('issuer_key')
        .values({
          kid,
          department_code: departmentCode,
          public_key: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
          private_key: seal(this.sealingSecret, SEAL_PURPOSE, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
          created_at: now,
          retired_at: null,
        })
        .execute();
    });
    this.signing.set(departmentCode, { kid, key: privateKey, loadedAt: this.clock().getTime() });
    this.publicKeys.set(kid, publicKey);
    return kid;
  }

  private async signingKey(departmentCode: string): Promise<{ kid: string; key: KeyObject }> {
    const now = this.clock().getTime();
    const cached = this.signing.get(departmentCode);
    if (cached && now - cached.loadedAt < REFRESH_MS) return cached;
    const row = await this.db
      .selectFrom('issuer_key')
      .select(['kid', 'private_key'])
      .where('department_code', '=', departmentCode)
      .where('retired_at', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (!row) {
      await this.rotate(departmentCode);
      return this.signing.get(departmentCode)!;
    }
    let key: KeyObject;
    try {
      key = cached?.kid === row.kid ? cached.key : createPrivateKey(unseal(this.sealingSecret, SEAL_PURPOSE, row.private_key));
    } catch {
      // Sealed under another secret (a new key folder, or one from before keys per party): the
      // key cannot sign any more; a new one does, and the old public key still verifies.
      await this.rotate(departmentCode);
      return this.signing.get(departmentCode)!;
    }
    const entry = { kid: row.kid, key, loadedAt: now };
    this.signing.set(departmentCode, entry);
    return entry;
  }

  private async publicKey(kid: string): Promise<KeyObject | null> {
    const cached = this.publicKeys.get(kid);
    if (cached) return cached;
    const row = await this.db.selectFrom('issuer_key').select('public_key').where('kid', '=', kid).executeTakeFirst();
    if (!row) return null;
    const key = createPublicKey(row.public_key);
    this.publicKeys.set(kid, key);
    return key;
  }
}
