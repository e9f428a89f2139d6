import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSharedSecret } from '@govgraph/kit/trust';
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

/**
 * The graph's shared secret: GOVGRAPH_SECRET, or the one the services generated into DATA_DIR.
 * Unlike a service, the CLI never generates one: a new secret would match nothing.
 */
export function sharedSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.GOVGRAPH_SECRET) return loadSharedSecret(dataDirectory(env), env.GOVGRAPH_SECRET);
  const dir = dataDirectory(env);
  if (!existsSync(join(dir, 'gateway-secret'))) {
    throw new UsageError(`no shared secret: set GOVGRAPH_SECRET, or DATA_DIR to the folder the services run on (nothing in ${dir}/gateway-secret)`);
  }
  return loadSharedSecret(dir, undefined);
}

/** The secret when there is one here, else undefined (a department's machine has none). */
export function sharedSecretIfAny(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    return sharedSecret(env);
  } catch {
    return undefined;
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
