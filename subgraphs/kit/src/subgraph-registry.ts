import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One department of the graph, as `subgraphs/registry.json` lists it. */
export interface RegisteredSubgraph {
  /** kebab-case; names the process, its SQLite file, its SDL file and its env prefix (HOUSING_FUND_…). */
  name: string;
  /** Default port; `<PREFIX>_PORT` overrides it. */
  port: number;
  /** The workspace package whose main export is the subgraph's `SubgraphService`. */
  package: string;
  /** Its folder, from the repository root: where `npm start` runs it. */
  dir: string;
}

/** The four departments the graph was built with; code may name them, and the registry must hold them. */
export const KNOWN_SUBGRAPHS = ['catalog', 'identity', 'licences', 'applications'] as const;
export type KnownSubgraphName = (typeof KNOWN_SUBGRAPHS)[number];
/**
 * A department's subgraph name. The known four keep their literal types (so `DEFAULT_PORTS.catalog`
 * is a number); departments added with `npm run new-subgraph` are any registered kebab-case name.
 */
export type SubgraphName = KnownSubgraphName | (string & {});

/** Lower-case letters and digits in dash-separated words, starting with a letter: `housing-fund`. */
export const SUBGRAPH_NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const GATEWAY_DEFAULT_PORT = 4000;

/** `subgraphs/registry.json`: the single list `npm start`, composition and the test harness read. */
export const SUBGRAPH_REGISTRY_FILE = fileURLToPath(new URL('../../registry.json', import.meta.url));

/** The environment prefix of a subgraph's variables: `housing-fund` -> `HOUSING_FUND` (HOUSING_FUND_PORT, …). */
export function subgraphEnvPrefix(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** Parses and checks a registry; throws naming the entry that is wrong. */
export function parseSubgraphRegistry(json: string, source = 'subgraphs/registry.json'): RegisteredSubgraph[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source} is not JSON: ${(error as Error).message}`);
  }
  const list = (parsed as { subgraphs?: unknown } | null)?.subgraphs;
  if (!Array.isArray(list)) throw new Error(`${source} must hold {"subgraphs": [...]}`);
  const entries: RegisteredSubgraph[] = [];
  const ports = new Map<number, string>([[GATEWAY_DEFAULT_PORT, 'gateway']]);
  const prefixes = new Map<string, string>();
  for (const [index, raw] of list.entries()) {
    const entry = raw as Partial<RegisteredSubgraph> | null;
    const where = `${source}: subgraphs[${index}]`;
    if (typeof entry?.name !== 'string' || !SUBGRAPH_NAME_PATTERN.test(entry.name)) {
      throw new Error(`${where}: name must be kebab-case (lower-case letters, digits, dashes), got ${JSON.stringify(entry?.name)}`);
    }
    if (typeof entry.port !== 'number' || !Number.isInteger(entry.port) || entry.port < 1 || entry.port > 65_535) {
      throw new Error(`${where} (${entry.name}): port must be 1-65535, got ${JSON.stringify(entry.port)}`);
    }
    if (typeof entry.package !== 'string' || entry.package === '') throw new Error(`${where} (${entry.name}): package is missing`);
    if (typeof entry.dir !== 'string' || entry.dir === '') throw new Error(`${where} (${entry.name}): dir is missing`);
    const prefix = subgraphEnvPrefix(entry.name);
    if (prefixes.has(prefix)) throw new Error(`${where}: ${entry.name} is listed twice`);
    const holder = ports.get(entry.port);
    if (holder) throw new Error(`${where} (${entry.name}): port ${entry.port} is already ${holder}'s`);
    prefixes.set(prefix, entry.name);
    ports.set(entry.port, entry.name);
    entries.push({ name: entry.name, port: entry.port, package: entry.package, dir: entry.dir });
  }
  const missing = KNOWN_SUBGRAPHS.filter((name) => !prefixes.has(subgraphEnvPrefix(name)));
  if (missing.length > 0) throw new Error(`${source} lacks ${missing.join(', ')}: the graph cannot run without them`);
  return entries;
}

/** Every registered department, in composition order. */
export const SUBGRAPH_REGISTRY: readonly RegisteredSubgraph[] = Object.freeze(
  parseSubgraphRegistry(readFileSync(SUBGRAPH_REGISTRY_FILE, 'utf8'), SUBGRAPH_REGISTRY_FILE).map((entry) => Object.freeze(entry)),
);

export function registeredSubgraph(name: string): RegisteredSubgraph | undefined {
  return SUBGRAPH_REGISTRY.find((entry) => entry.name === name);
}
