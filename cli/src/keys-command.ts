import { existsSync, readdirSync } from 'node:fs';
import {
  assertPartyName,
  initPartyKeys,
  publicEntryOf,
  readPartyKeys,
  retirePartyKey,
  rotatePartyKey,
  trustFile,
  writePublicKeys,
  type PartyPublicKeys,
} from '@govgraph/kit/trust';
import { readFileSync } from 'node:fs';
import { option, parseArgs, UsageError, usageError } from './cli-args.js';
import { keyLocations } from './cli-environment.js';

export const KEYS_USAGE = `govgraph keys init <party>
govgraph keys rotate <party> [--activate-in <seconds>]
govgraph keys retire <party> <kid>
govgraph keys list
govgraph keys export [<party> ...]
  A party is the gateway or a department (identity, licences, applications, catalog, …); each
  has its own Ed25519 signing key and sealing secret in GOVGRAPH_KEYS_DIR/<party> (default
  DATA_DIR/keys), and its public keys in the trust list GOVGRAPH_TRUST_DIR (default DATA_DIR/trust).
  init creates a party's keys (production never creates them by itself); rotate adds a key that
  starts signing --activate-in seconds from now (default 300: time for every replica to learn it),
  while the old one keeps verifying until retire removes it; export prints public keys to hand
  to the other parties' operators. docs/security.md.`;

const DEFAULT_ACTIVATE_IN_SECONDS = 300;

export async function keysCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['activate-in'] });
  const [verb, ...rest] = args.positionals;
  const { keysDir, trustDir } = keyLocations();
  switch (verb) {
    case 'init': {
      const party = partyArgument(rest, 1);
      const { created, dir } = initPartyKeys({ party, keysDir });
      publish(keysDir, trustDir, party);
      console.log(`${created ? 'created the' : 'kept the existing'} keys of ${party} in ${dir}; public key in ${trustFile(trustDir, party)}`);
      return 0;
    }
    case 'rotate': {
      const party = partyArgument(rest, 1);
      const seconds = activateIn(option(args, 'activate-in'));
      const added = withKeys(party, keysDir, () => rotatePartyKey({ party, keysDir, activateInMs: seconds * 1000 }));
      publish(keysDir, trustDir, party);
      console.log(
        `${party}: new key ${added.kid} published now, signs from ${added.activeFrom}; retire the old one once nothing it signed is in flight (govgraph keys retire ${party} <kid>)`,
      );
      return 0;
    }
    case 'retire': {
      const party = partyArgument(rest, 2);
      const kid = rest[1]!;
      withKeys(party, keysDir, () => retirePartyKey({ party, keysDir, kid }));
      publish(keysDir, trustDir, party);
      console.log(`${party}: key ${kid} retired; nothing it signs verifies any more`);
      return 0;
    }
    case 'list': {
      if (rest.length > 0) throw usageError(KEYS_USAGE, 'keys list takes no arguments');
      for (const list of trustLists(trustDir)) {
        const local = existsSync(`${keysDir}/${list.party}/signing-keys.json`) ? 'private key here' : 'public key only';
        console.log(`${list.party} (${local})`);
        for (const key of list.keys) console.log(`  ${key.kid}  signs from ${key.activeFrom}`);
      }
      return 0;
    }
    case 'export': {
      const wanted = new Set(rest.map((party) => (assertPartyArgument(party), party)));
      const lists = trustLists(trustDir).filter((list) => wanted.size === 0 || wanted.has(list.party));
      const missing = [...wanted].filter((party) => !lists.some((list) => list.party === party));
      if (missing.length > 0) throw new UsageError(`no public keys of ${missing.join(', ')} in ${trustDir}`);
      console.log(JSON.stringify({ parties: lists }, null, 2));
      return 0;
    }
    default:
      throw usageError(KEYS_USAGE, 'keys needs init, rotate, retire, list or export');
  }
}

function partyArgument(rest: string[], count: number): string {
  if (rest.length !== count) throw usageError(KEYS_USAGE, 'wrong number of arguments');
  assertPartyArgument(rest[0]!);
  return rest[0]!;
}

function assertPartyArgument(party: string): void {
  try {
    assertPartyName(party);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function activateIn(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_ACTIVATE_IN_SECONDS;
  const seconds = Number(raw);
  if (!Number.isSafeInteger(seconds) || seconds < 0) throw new UsageError(`--activate-in takes whole seconds, got ${JSON.stringify(raw)}`);
  return seconds;
}

/** Runs a change to a party's key file, turning "no such party" and refusals into usage errors. */
function withKeys<T>(party: string, keysDir: string, change: () => T): T {
  if (!existsSync(`${keysDir}/${party}/signing-keys.json`)) throw new UsageError(`no keys of ${party} in ${keysDir} (govgraph keys init ${party})`);
  try {
    return change();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Rewrites the party's public file in the trust list from its key file. */
function publish(keysDir: string, trustDir: string, party: string): void {
  writePublicKeys(trustDir, party, readPartyKeys(keysDir, party).map(publicEntryOf));
}

function trustLists(trustDir: string): PartyPublicKeys[] {
  if (!existsSync(trustDir)) return [];
  return readdirSync(trustDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(`${trustDir}/${file}`, 'utf8')) as PartyPublicKeys);
}
