import type { SubgraphSdl } from '../compose.js';
import type { CheckReport } from '../governance/check-subgraph.js';
import { UsageError } from './cli-args.js';

/** One subgraph as the gateway's registry lists it (`GET /registry/subgraphs`). */
export interface RegistrySubgraph extends SubgraphSdl {
  /** `committed`: from the supergraph the gateway started with; `published`: through the registry. */
  source: 'committed' | 'published';
  publishedAt?: string;
}

export interface RegistryListing {
  version: number;
  subgraphs: RegistrySubgraph[];
}

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
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new UsageError(`cannot reach the gateway at ${new URL(url).origin} (${cause}); is it running? (--gateway)`);
  }
}

/** The live graph's subgraphs, to check a change against what the gateway serves. */
export async function fetchRegistry(gateway: string, key: string | undefined): Promise<RegistryListing> {
  const response = await call(`${gateway}/registry/subgraphs`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const text = await response.text();
  if (!response.ok) throw new UsageError(`the gateway answered ${response.status} for /registry/subgraphs: ${errorText(text)}`);
  return JSON.parse(text) as RegistryListing;
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
