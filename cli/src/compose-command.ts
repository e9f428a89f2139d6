import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { signRequest, type PartyKeys } from '@govgraph/kit/trust';
import type { SubgraphSdl } from '../compose.js';
import { composeGraph, supergraphRoutingUrls } from '../governance/compose-graph.js';
import { subgraphFileNames } from '../governance/subgraph-files.js';
import { SCHEMA_DIR, SUBGRAPHS_DIR, SUPERGRAPH_FILE, subgraphFile } from '../paths.js';
import { option, parseArgs, UsageError } from './cli-args.js';
import { gatewayKeys, httpUrl, userDirectory, userPath } from './cli-environment.js';

export const COMPOSE_USAGE = `govgraph compose [--from-urls <name>=<url> ...] [--out <file>|-]
  Composes the supergraph from schema/subgraphs/*.graphql. Each --from-urls subgraph is read from
  its running service instead ({ _service { sdl } }, signed with the gateway's key from
  GOVGRAPH_KEYS_DIR or DATA_DIR/keys) and routed at that URL; a name without a file is added.
  Writes schema/supergraph.graphql, or --out (- for stdout; the default with --from-urls).`;

/** The query @apollo/gateway itself sends to learn a subgraph's SDL. */
const SERVICE_SDL_QUERY = 'query __ApolloGetServiceDefinition__ { _service { sdl } }';

export async function composeCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['out'], multi: ['from-urls'] });
  if (args.positionals.length > 0) throw new UsageError(`compose takes no arguments, got ${args.positionals.join(' ')}`);
  const fromUrls = parseNameUrls(args.options.get('from-urls') ?? []);
  const committed = existsSync(SUPERGRAPH_FILE) ? supergraphRoutingUrls(readFileSync(SUPERGRAPH_FILE, 'utf8')) : {};
  const ordered = [...new Set([...Object.keys(committed), ...subgraphFileNames(SUBGRAPHS_DIR)])].filter((name) => existsSync(subgraphFile(name)));

  const keys = fromUrls.size > 0 ? gatewayKeys() : null;
  const subgraphs: SubgraphSdl[] = [];
  // The committed order first, so an unchanged graph composes to an identical file.
  for (const name of [...new Set([...ordered, ...fromUrls.keys()])]) {
    const url = fromUrls.get(name);
    if (url) {
      subgraphs.push({ name, url, sdl: await fetchServiceSdl(name, url, keys!) });
      console.error(`read ${name} from ${url}`);
      continue;
    }
    const routing = committed[name] ?? registeredUrl(name);
    if (!routing) throw new UsageError(`no routing URL for ${name}: it is not in the committed supergraph nor subgraphs/registry.json; pass --from-urls ${name}=<url>`);
    subgraphs.push({ name, url: routing, sdl: readFileSync(subgraphFile(name), 'utf8') });
  }
  if (subgraphs.length === 0) throw new UsageError(`no subgraph SDL in ${SUBGRAPHS_DIR} and no --from-urls`);

  const composed = composeGraph(subgraphs);
  if (!composed.ok) {
    console.error(`composition failed:\n${composed.errors.map((e) => `  - ${e}`).join('\n')}`);
    return 1;
  }
  const out = option(args, 'out') ?? (fromUrls.size > 0 ? '-' : SUPERGRAPH_FILE);
  if (out === '-') {
    process.stdout.write(composed.graph.supergraphSdl);
  } else {
    const file = userPath(out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, composed.graph.supergraphSdl);
    const shown = relative(userDirectory(), file);
    console.error(`composed ${subgraphs.map((s) => s.name).join(', ')} → ${shown && !shown.startsWith('..') ? shown : file}`);
  }
  return 0;
}

function parseNameUrls(values: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0) throw new UsageError(`--from-urls takes <name>=<url>, got ${JSON.stringify(value)}`);
    map.set(value.slice(0, at), httpUrl(value.slice(at + 1), `--from-urls ${value.slice(0, at)}`));
  }
  return map;
}

/** A subgraph's default URL from subgraphs/registry.json (`npm run new-subgraph` writes it), when listed. */
function registeredUrl(name: string): string | undefined {
  const file = resolve(SCHEMA_DIR, '..', 'subgraphs', 'registry.json');
  if (!existsSync(file)) return undefined;
  try {
    const registry = JSON.parse(readFileSync(file, 'utf8')) as { subgraphs?: Array<{ name?: string; port?: number }> };
    const port = registry.subgraphs?.find((s) => s.name === name)?.port;
    return port ? `http://127.0.0.1:${port}/graphql` : undefined;
  } catch {
    return undefined;
  }
}

/** `{ _service { sdl } }` from a running subgraph, signed as the gateway signs (subgraphs answer nobody else). */
export async function fetchServiceSdl(name: string, url: string, keys: PartyKeys): Promise<string> {
  const body = JSON.stringify({ query: SERVICE_SDL_QUERY });
  const headers = signRequest(keys, { audience: name, requestId: `govgraph-cli-${randomUUID()}`, claims: null, body });
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new UsageError(`cannot reach ${name} at ${url} (${cause})`);
  }
  const text = await response.text();
  if (response.status === 401) {
    throw new UsageError(`${name} at ${url} refused the signature: the subgraph's trust list must hold this gateway key (GOVGRAPH_KEYS_DIR, GOVGRAPH_TRUST_DIR)`);
  }
  let json: { data?: { _service?: { sdl?: string } }; errors?: Array<{ message: string }> };
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${name} at ${url} answered ${response.status} with no JSON`);
  }
  const sdl = json.data?._service?.sdl;
  if (!sdl) throw new UsageError(`${name} at ${url} returned no SDL: ${json.errors?.map((e) => e.message).join('; ') ?? response.status}`);
  return sdl;
}
