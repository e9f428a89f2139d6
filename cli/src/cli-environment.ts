import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GATEWAY_PARTY, PartyKeys, type KeyLocations } from '@govgraph/kit/trust';
import { findCheckout, type Checkout } from './checkout.js';
import { UsageError } from './cli-args.js';

/** Where the user ran the command: npm sets INIT_CWD when it runs us from a workspace folder. */
export function userDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD || process.cwd();
}

export function userPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(userDirectory(env), path);
}

/** The govgraph checkout the user is in, if any (see checkout.ts). */
export function currentCheckout(env: NodeJS.ProcessEnv = process.env): Checkout | null {
  return findCheckout(userDirectory(env));
}

/**
 * DATA_DIR as `npm start` uses it: set, or the checkout's `data/`. Outside a checkout without
 * DATA_DIR there is none, and `needs` says what the command wanted it for.
 */
export function dataDirectory(needs: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATA_DIR) return userPath(env.DATA_DIR, env);
  const checkout = currentCheckout(env);
  if (checkout) return checkout.dataDir;
  throw new UsageError(`${needs}: set DATA_DIR (the gateway's data folder), or run this inside a govgraph checkout, whose data/ npm start uses`);
}

/**
 * Where this machine keeps the parties' keys and the trust list: GOVGRAPH_KEYS_DIR and
 * GOVGRAPH_TRUST_DIR, else `keys/` and `trust/` under DATA_DIR (only looked for when needed).
 */
export function keyLocations(env: NodeJS.ProcessEnv = process.env): KeyLocations {
  const underDataDir = (folder: 'keys' | 'trust') => join(dataDirectory(`no ${folder} folder (GOVGRAPH_${folder.toUpperCase()}_DIR is not set)`, env), folder);
  return {
    keysDir: env.GOVGRAPH_KEYS_DIR ? userPath(env.GOVGRAPH_KEYS_DIR, env) : underDataDir('keys'),
    trustDir: env.GOVGRAPH_TRUST_DIR ? userPath(env.GOVGRAPH_TRUST_DIR, env) : underDataDir('trust'),
    production: env.NODE_ENV === 'production',
  };
}

/** What a user must provide for a command that speaks to a subgraph as the gateway does. */
const GATEWAY_KEY_HELP =
  "subgraphs answer only requests signed with the gateway's key. Run this where the gateway's keys are: " +
  'GOVGRAPH_KEYS_DIR=<folder holding gateway/> (or DATA_DIR of a running npm start, or inside the checkout that runs it). ' +
  'For a subgraph you run yourself: npx govgraph keys init gateway, with the GOVGRAPH_KEYS_DIR and GOVGRAPH_TRUST_DIR your subgraph reads';

/**
 * The gateway's own key, for the few commands that speak to a subgraph as the gateway does
 * (`introspect`, `compose --from-urls`). Only an operator's machine (or a laptop running
 * `npm start`) holds it; the CLI never creates one by itself.
 */
export function gatewayKeys(env: NodeJS.ProcessEnv = process.env): PartyKeys {
  let keysDir: string;
  try {
    keysDir = env.GOVGRAPH_KEYS_DIR ? userPath(env.GOVGRAPH_KEYS_DIR, env) : join(dataDirectory('no gateway key', env), 'keys');
  } catch {
    throw new UsageError(`no gateway key (no GOVGRAPH_KEYS_DIR or DATA_DIR, and not inside a govgraph checkout): ${GATEWAY_KEY_HELP}`);
  }
  try {
    return PartyKeys.load({ party: GATEWAY_PARTY, keysDir, trustDir: null, create: false });
  } catch {
    throw new UsageError(`no gateway key in ${join(keysDir, GATEWAY_PARTY)}: ${GATEWAY_KEY_HELP}`);
  }
}

export function gatewayUrl(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const raw = given ?? env.GOVGRAPH_GATEWAY_URL ?? `http://127.0.0.1:${env.GATEWAY_PORT || 4000}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--gateway must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--gateway must be an http(s) URL, got ${JSON.stringify(raw)}`);
  // The gateway's base: tolerate a pasted GraphQL endpoint.
  return url
    .toString()
    .replace(/\/graphql\/?$/, '')
    .replace(/\/+$/, '');
}

export function readSdlFile(path: string): string {
  const file = userPath(path);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export function httpUrl(raw: string, what: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // fall through
  }
  throw new UsageError(`${what} must be an http(s) URL, got ${JSON.stringify(raw)}`);
}
