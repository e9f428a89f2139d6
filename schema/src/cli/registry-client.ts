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

function errorText(text: string): string {
  try {
    const json = JSON.parse(text) as { errors?: Array<{ message: string }> };
    return json.errors?.map((e) => e.message).join('; ') ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}
