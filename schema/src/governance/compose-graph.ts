import { composeServices } from '@apollo/composition';
import { GraphQLError, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { SubgraphSdl } from '../compose.js';

/** A set of subgraphs that composes: the supergraph the gateway plans with and the API schema clients see. */
export interface ComposedGraph {
  subgraphs: SubgraphSdl[];
  supergraphSdl: string;
  /** The schema portal operations are validated against (no join__/link__ machinery, no @inaccessible). */
  apiSchema: GraphQLSchema;
}

export type CompositionOutcome = { ok: true; graph: ComposedGraph } | { ok: false; errors: string[] };

/** Parses one subgraph's SDL, naming the subgraph and the line when it does not parse. */
export function parseSubgraphSdl(name: string, sdl: string): { ok: true; document: DocumentNode } | { ok: false; error: string } {
  try {
    return { ok: true, document: parse(sdl) };
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : String(error);
    const line = error instanceof GraphQLError && error.locations?.[0] ? ` (line ${error.locations[0].line})` : '';
    return { ok: false, error: `subgraph "${name}": the SDL does not parse: ${message}${line}` };
  }
}

/**
 * Composes subgraphs with @apollo/composition (as `npm run compose` does) and derives the API
 * schema; never throws for a bad subgraph, it reports why instead.
 */
export function composeGraph(subgraphs: SubgraphSdl[]): CompositionOutcome {
  const errors: string[] = [];
  const services = [];
  for (const subgraph of subgraphs) {
    const parsed = parseSubgraphSdl(subgraph.name, subgraph.sdl);
    if (!parsed.ok) errors.push(parsed.error);
    else services.push({ name: subgraph.name, url: subgraph.url, typeDefs: parsed.document });
  }
  if (errors.length > 0) return { ok: false, errors };
  const result = composeServices(services);
  if (result.errors) return { ok: false, errors: result.errors.map((error) => error.message) };
  return {
    ok: true,
    graph: {
      subgraphs: subgraphs.map((s) => ({ ...s })),
      supergraphSdl: result.supergraphSdl,
      apiSchema: result.schema.toAPISchema().toGraphQLJSSchema(),
    },
  };
}

/** The routing URL of every subgraph named in a supergraph's `join__Graph` enum, in order. */
export function supergraphRoutingUrls(supergraphSdl: string): Record<string, string> {
  const urls: Record<string, string> = {};
  const pattern = /@join__graph\(\s*name:\s*"([^"]+)"\s*,\s*url:\s*"([^"]*)"\s*\)/g;
  for (const match of supergraphSdl.matchAll(pattern)) urls[match[1]!] = match[2]!;
  return urls;
}
