import 'reflect-metadata';
import { CITY_DEPARTMENTS, createLogger, loadSharedSecret, openDatabase, prepareDatabase, subgraphConfig } from '@govgraph/kit';
import type { LicenceTables } from './database.js';
import { licencesService } from './server.js';
import { IssuerKeys } from './signing/issuer-keys.js';

/**
 * `npm run rotate-issuer-key -w @govgraph/licences -- <department key or code>`: the department
 * signs new licences with a new key; licences signed before keep verifying with the old one.
 */
const wanted = process.argv[2];
const department = CITY_DEPARTMENTS.find((d) => d.key === wanted || d.code === wanted);
if (!department) {
  console.error(`usage: npm run rotate-issuer-key -w @govgraph/licences -- <department>\n  one of: ${CITY_DEPARTMENTS.map((d) => d.key).join(' ')}`);
  process.exit(2);
}
const config = subgraphConfig('licences');
const log = createLogger('licences', process.env.LOG_LEVEL ?? 'warn');
const database = openDatabase<LicenceTables>({ name: 'licences', dataDir: config.dataDir, url: config.databaseUrl });
try {
  const secret = loadSharedSecret(config.dataDir);
  await prepareDatabase(licencesService, database, log, { secret });
  const kid = await new IssuerKeys(database.db, secret, () => new Date()).rotate(department.code);
  console.log(`${department.name} now signs licences with key ${kid}; earlier licences keep verifying with their own keys`);
} finally {
  await database.close();
}
