import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPartyCredentials, type PartyCredentials } from '../trust/key-locations.js';

/**
 * Keys for tests: each named party gets its own key folder under one temporary directory, and all
 * publish into one trust folder, as `npm start` does on a fresh DATA_DIR.
 */
export function testParties<P extends string>(parties: readonly P[], dir = mkdtempSync(join(tmpdir(), 'govgraph-keys-'))): Record<P, PartyCredentials> & { dir: string } {
  const locations = { keysDir: join(dir, 'keys'), trustDir: join(dir, 'trust'), production: false };
  const credentials = Object.fromEntries(parties.map((party) => [party, loadPartyCredentials(party, locations)])) as Record<P, PartyCredentials>;
  return Object.assign(credentials, { dir });
}
