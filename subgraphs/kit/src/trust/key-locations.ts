import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PartyKeys } from './party-keys.js';
import { TrustStore } from './trust-store.js';

/** Where a process finds its own private keys and the graph's trust list. */
export interface KeyLocations {
  /** `<keysDir>/<party>/` holds a party's private keys (GOVGRAPH_KEYS_DIR, default DATA_DIR/keys). */
  keysDir: string;
  /** One public-key file per party (GOVGRAPH_TRUST_DIR, default DATA_DIR/trust). */
  trustDir: string;
  /** Development creates a missing key and publishes its public half; production never does. */
  production: boolean;
}

export function keyLocationsFrom(env: NodeJS.ProcessEnv, dataDir: string): KeyLocations {
  const base = env.INIT_CWD || process.cwd();
  return {
    keysDir: env.GOVGRAPH_KEYS_DIR ? resolve(base, env.GOVGRAPH_KEYS_DIR) : resolve(dataDir, 'keys'),
    trustDir: env.GOVGRAPH_TRUST_DIR ? resolve(base, env.GOVGRAPH_TRUST_DIR) : resolve(dataDir, 'trust'),
    production: env.NODE_ENV === 'production',
  };
}

/** A party's own keys and the trust list it verifies others with. */
export interface PartyCredentials {
  keys: PartyKeys;
  trust: TrustStore;
}

/**
 * Loads a party's keys and trust list. In development a missing key is created and its public
 * half written into the trust folder, so `npm start` needs no key step. In production a missing
 * key, trust folder, or public key of a party this one must verify (`trusts`) stops the start
 * with a message naming the command that makes it.
 */
export function loadPartyCredentials(party: string, locations: KeyLocations, trusts: readonly string[] = []): PartyCredentials {
  const keys = PartyKeys.load({
    party,
    keysDir: locations.keysDir,
    trustDir: locations.production ? null : locations.trustDir,
    create: !locations.production,
  });
  if (locations.production && !existsSync(locations.trustDir)) {
    throw new Error(`no trust list at ${locations.trustDir}: set GOVGRAPH_TRUST_DIR to the folder of the parties' public keys (npx govgraph keys export)`);
  }
  const trust = new TrustStore(locations.trustDir);
  if (locations.production) {
    const missing = trusts.filter((other) => !trust.knows(other));
    if (missing.length > 0) {
      throw new Error(`the trust list at ${locations.trustDir} has no public key of ${missing.join(', ')}: ${party} cannot verify what they sign (npx govgraph keys export)`);
    }
  }
  return { keys, trust };
}
