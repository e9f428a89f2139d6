import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GATEWAY_PARTY, keyLocationsFrom, PartyKeys, type KeyLocations } from '@govgraph/kit/trust';
import { SCHEMA_DIR } from '../paths.js';
import { UsageError } from './cli-args.js';

/** Where the user ran the command: npm sets INIT_CWD when it runs us from a workspace folder. */
export function userDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD || process.cwd();
}

export function userPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(userDirectory(env), path);
}

/** DATA_DIR as `npm start` uses it: the repository's `data/` unless set. */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATA_DIR ? userPath(env.DATA_DIR, env) : resolve(SCHEMA_DIR, '..', 'data');
}

/** Where this machine keeps the parties' keys and the trust list: GOVGRAPH_KEYS_DIR, GOVGRAPH_TRUST_DIR, else under DATA_DIR. */
export function keyLocations(env: NodeJS.ProcessEnv = process.env): KeyLocations {
  return keyLocationsFrom(env, dataDirectory(env));
}

/**
 * The gateway's own key, for the few commands that speak to a subgraph as the gateway does
 * (`compose --from-urls` asks a running subgraph for its SDL). Only an operator's machine (or a
 * laptop running `npm start`) holds it; the CLI never creates one.
 */
export function gatewayKeys(env: NodeJS.ProcessEnv = process.env): PartyKeys {
  const { keysDir } = keyLocations(env);
  try {
    return PartyKeys.load({ party: GATEWAY_PARTY, keysDir, trustDir: null, create: false });
  } catch {
    throw new UsageError(`no gateway key in ${keysDir}/${GATEWAY_PARTY}: run this where the gateway's keys are (GOVGRAPH_KEYS_DIR, or DATA_DIR of a running npm start)`);
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
  return url.toString().replace(/\/graphql\/?$/, '').replace(/\/+$/, '');
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
