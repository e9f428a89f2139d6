import { DEFAULT_PORTS, SUBGRAPH_REGISTRY, type RegisteredSubgraph, type SubgraphName, type SubgraphService } from '@govgraph/kit';

/** `housing-fund` -> `housingFundService`: the export `npm run new-subgraph` generates (and the four have). */
export function serviceExportName(name: string): string {
  return `${name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}Service`;
}

function isServiceNamed(value: unknown, name: string): value is SubgraphService<any> {
  const service = value as Partial<SubgraphService<any>> | null;
  return typeof service === 'object' && service !== null && service.name === name && typeof service.buildSchema === 'function' && typeof service.createServer === 'function';
}

/** Imports a registered department's package and finds its SubgraphService. */
export async function loadSubgraphService(entry: RegisteredSubgraph): Promise<SubgraphService<any>> {
  let module: Record<string, unknown>;
  try {
    // Resolved first: vitest hands a bare dynamic specifier to Node, which cannot load .ts.
    module = (await import(/* @vite-ignore */ import.meta.resolve(entry.package))) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`subgraphs/registry.json lists ${entry.name}, but ${entry.package} cannot be imported (${reason}); run npm install after adding a workspace`);
  }
  const service = module[serviceExportName(entry.name)] ?? Object.values(module).find((value) => isServiceNamed(value, entry.name));
  if (!isServiceNamed(service, entry.name)) {
    throw new Error(`${entry.package} must export the SubgraphService of ${entry.name} as ${serviceExportName(entry.name)}`);
  }
  return service;
}

/** The graph's departments, in composition order: every package `subgraphs/registry.json` lists. */
export const SUBGRAPH_SERVICES: SubgraphService<any>[] = await Promise.all(SUBGRAPH_REGISTRY.map(loadSubgraphService));

/** Routing URL written into the committed supergraph; the gateway can override each one. */
export function defaultRoutingUrl(name: SubgraphName): string {
  const port = DEFAULT_PORTS[name];
  if (port === undefined) throw new Error(`${name} is not in subgraphs/registry.json`);
  return `http://127.0.0.1:${port}/graphql`;
}
