import type { CheckReport } from '@govgraph/schema/governance';
import { UsageError } from './cli-args.js';
import { fetchFailure } from './fetch-failure.js';

/** The answer to `POST /registry/subgraphs/<name>`. */
export interface PublishAnswer {
  status: number;
  published: boolean;
  change?: CheckReport['change'];
  version?: number;
  report?: CheckReport;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function call(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    throw new UsageError(`cannot reach the gateway at ${new URL(url).origin} (${fetchFailure(error)}); is it running? (--gateway)`);
  }
}

/** The answer to `POST /registry/subgraphs/<name>/check`: the gateway's own check, nothing committed. */
export interface GatewayCheckAnswer {
  ok: boolean;
  subgraph: string;
  /** The registry version the change was checked against (0: the committed supergraph). */
  version: number;
  report: CheckReport;
}

/**
 * Has the gateway check a change against the graph it serves, with its own contract operations
 * and data policy — exactly what a publish runs. Anything but a report means the check could not
 * run (a credential, an old gateway, the registry unavailable): a usage error, exit code 2.
 */
export async function checkOnGateway(gateway: string, key: string | undefined, subgraph: string, body: { sdl: string; url?: string }): Promise<GatewayCheckAnswer> {
  const response = await call(`${gateway}/registry/subgraphs/${encodeURIComponent(subgraph)}/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status === 404) throw new UsageError(`the gateway at ${gateway} has no check endpoint (404): is it a govgraph gateway, and a recent one?`);
  if (response.status === 401) throw new UsageError(`the gateway at ${gateway} wants a credential to check (401: ${errorText(text)}): --key or GOVGRAPH_PUBLISH_KEY`);
  if (response.status !== 200) throw new UsageError(`the gateway at ${gateway} could not check (${response.status}): ${errorText(text)}`);
  try {
    return JSON.parse(text) as GatewayCheckAnswer;
  } catch {
    throw new UsageError(`the gateway at ${gateway} answered the check with no JSON: ${text.slice(0, 200)}`);
  }
}

export async function publishToRegistry(gateway: string, key: string, subgraph: string, body: { sdl: string; url: string }): Promise<PublishAnswer> {
  const response = await call(`${gateway}/registry/subgraphs/${encodeURIComponent(subgraph)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json: Omit<PublishAnswer, 'status'>;
  try {
    json = JSON.parse(text) as Omit<PublishAnswer, 'status'>;
  } catch {
    json = { published: false, errors: [{ message: `not JSON (${response.status}): ${text.slice(0, 200)}` }] };
  }
  return { ...json, published: json.published === true, status: response.status };
}

/** One version as `GET /registry/versions` lists it. */
export interface RegistryVersionSummary {
  version: number;
  at?: string;
  action: 'committed' | 'publish' | 'rollback';
  subgraph?: string;
  change?: string;
  restoredFrom?: number;
  by?: string;
  subgraphs: Array<{ name: string; url: string; sha256: string; publishedAt: string }>;
}

/** A JSON answer of the registry with its HTTP status. */
export interface RegistryAnswer<T> {
  status: number;
  body: T & { errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

/** The administrator's key: --key, else GOVGRAPH_ADMIN_KEY. */
export function adminKey(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const key = given ?? env.GOVGRAPH_ADMIN_KEY;
  if (!key) throw new UsageError('an administrator credential is needed: --key <token> or GOVGRAPH_ADMIN_KEY (issued with: govgraph credentials issue --admin)');
  return key;
}

export async function callRegistry<T>(gateway: string, key: string, path: string, body?: unknown): Promise<RegistryAnswer<T>> {
  const response = await call(`${gateway}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: { errors: [{ message: `not JSON (${response.status}): ${text.slice(0, 200)}` }] } as RegistryAnswer<T>['body'] };
  }
}

export function errorsOf(body: { errors?: Array<{ message: string }> }): string {
  return body.errors?.map((e) => e.message).join('; ') ?? 'no reason given';
}

function errorText(text: string): string {
  try {
    const json = JSON.parse(text) as { errors?: Array<{ message: string }> };
    return json.errors?.map((e) => e.message).join('; ') ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}
