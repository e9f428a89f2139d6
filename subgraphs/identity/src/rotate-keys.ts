import 'reflect-metadata';
import { withServiceDatabase } from '@govgraph/kit';
import { SigningKeys } from './keys/signing-keys.js';
import { identityService } from './server.js';

/**
 * `npm run rotate-keys -w @govgraph/identity`: a new token signing key starts signing now; the old
 * ones stay in the JWKS until the tokens they signed have expired, so nobody is logged out.
 */
const message = await withServiceDatabase(identityService, async (database, { party, log }) => {
  const keys = new SigningKeys(database.db, { sealingSecret: party.keys.sealingSecret, clock: () => new Date(), log, maxAgeDays: 0 });
  const { kid } = await keys.rotate();
  const published = (await keys.jwks()).keys.map((k) => k.kid);
  return `identity now signs with key ${kid}; the JWKS publishes ${published.length} key(s): ${published.join(', ')}`;
});
console.log(message);
