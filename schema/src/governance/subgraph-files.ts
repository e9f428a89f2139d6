import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubgraphSdl } from '../compose.js';
import { supergraphRoutingUrls } from './compose-graph.js';

/** Names of the `<name>.graphql` SDL files in a folder, sorted. */
export function subgraphFileNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => file.slice(0, -'.graphql'.length))
    .sort();
}

/**
 * The subgraphs a supergraph was composed from: every subgraph its `join__Graph` names, with its
 * routing URL, and its SDL from `<subgraphsDir>/<name>.graphql`. Throws naming a missing file.
 */
export function subgraphsOfSupergraph(supergraphSdl: string, subgraphsDir: string): SubgraphSdl[] {
  const routing = supergraphRoutingUrls(supergraphSdl);
  const names = Object.keys(routing);
  if (names.length === 0) throw new Error('the supergraph names no subgraph (no @join__graph)');
  return names.map((name) => {
    const file = join(subgraphsDir, `${name}.graphql`);
    if (!existsSync(file)) throw new Error(`the supergraph names subgraph "${name}", but ${file} does not exist`);
    return { name, url: routing[name]!, sdl: readFileSync(file, 'utf8') };
  });
}
