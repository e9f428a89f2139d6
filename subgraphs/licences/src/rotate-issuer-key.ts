import 'reflect-metadata';
import { CITY_DEPARTMENTS, withServiceDatabase } from '@govgraph/kit';
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
const kid = await withServiceDatabase(licencesService, (database, { party }) => new IssuerKeys(database.db, party.keys.sealingSecret, () => new Date()).rotate(department.code));
console.log(`${department.name} now signs licences with key ${kid}; earlier licences keep verifying with their own keys`);
