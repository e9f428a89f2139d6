import 'reflect-metadata';
import { createLogger, loadSharedSecret, openDatabase, prepareDatabase, subgraphConfig } from '@govgraph/kit';
import type { IdentityTables } from './database.js';
import { SigningKeys } from './keys/signing-keys.js';
import { identityService } from './server.js';

/**
 * `npm run rotate-keys -w @govgraph/identity`: a new token signing key starts signing now; the old
 * ones stay in the JWKS until the tokens they signed have expired, so nobody is logged out.
 */
const config = subgraphConfig('identity');
const log = createLogger('identity', process.env.LOG_LEVEL ?? 'warn');
const database = openDatabase<IdentityTables>({ name: 'identity', dataDir: config.dataDir, url: config.databaseUrl });
try {
  await prepareDatabase(identityService, database, log, { seed: false });
  const keys = new SigningKeys(database.db, { secret: loadSharedSecret(config.dataDir), clock: () => new Date(), log, maxAgeDays: 0 });
  const { kid } = await keys.rotate();
  const published = (await keys.jwks()).keys.map((k) => k.kid);
  console.log(`identity now signs with key ${kid}; the JWKS publishes ${published.length} key(s): ${published.join(', ')}`);
} finally {
  await database.close();
}
