import { readFileSync } from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import { composeGraph, subgraphsOfSupergraph, SUBGRAPHS_DIR, SUPERGRAPH_FILE } from '@govgraph/schema/governance';

let cached: GraphQLSchema | undefined;

/** The schema portals see (the supergraph without its join machinery), composed from the committed subgraphs. */
export function apiSchema(): GraphQLSchema {
  if (cached) return cached;
  const outcome = composeGraph(subgraphsOfSupergraph(readFileSync(SUPERGRAPH_FILE, 'utf8'), SUBGRAPHS_DIR));
  if (!outcome.ok) throw new Error(`the committed subgraphs do not compose: ${outcome.errors.join('; ')}`);
  cached = outcome.graph.apiSchema;
  return cached;
}
