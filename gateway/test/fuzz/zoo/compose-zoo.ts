import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import type { Zoo } from './zoo.js';

export interface ComposedZoo {
  zoo: Zoo;
  supergraphSdl: string;
  /** Each subgraph's executable schema, by name. */
  schemas: ReadonlyMap<string, GraphQLSchema>;
}

/** The zoo's subgraphs built with @apollo/subgraph and composed, routed to `urlOf(name)`. */
export function composeZoo(zoo: Zoo, urlOf: (name: string) => string): ComposedZoo {
  const { supergraphSdl, errors } = composeServices(zoo.subgraphs.map(({ name, sdl }) => ({ name, typeDefs: parse(sdl), url: urlOf(name) })));
  if (errors?.length || !supergraphSdl) throw new Error(`zoo ${zoo.name} does not compose:\n${errors?.map((error) => error.message).join('\n')}`);
  const schemas = new Map(zoo.subgraphs.map(({ name, sdl, resolvers }) => [name, buildSubgraphSchema({ typeDefs: parse(sdl), resolvers })]));
  return { zoo, supergraphSdl, schemas };
}
