import 'reflect-metadata';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { claimsAuthChecker } from './auth-checker.js';
import type { EntityReference } from './entity-reference.js';

/** The federation version every subgraph links; @interfaceObject needs 2.3 or later. */
export const FEDERATION_SPEC = 'https://specs.apollo.dev/federation/v2.5';
const FEDERATION_IMPORTS = ['@key', '@external', '@requires', '@provides', '@shareable', '@interfaceObject', '@inaccessible', '@tag', '@override'];

export interface FederatedSchemaOptions {
  /** type-graphql resolver classes. */
  // biome-ignore lint/complexity/noBannedTypes: type-graphql's buildSchema takes its classes as Function.
  resolvers: NonEmptyArray<Function>;
  /** Classes reachable only through references or unions (entity stubs, value types). */
  // biome-ignore lint/complexity/noBannedTypes: as above.
  orphanedTypes?: Function[];
  /** Each entity's reference resolver, by type name (entity-reference.ts). */
  // never: any department's representation and context types are accepted here.
  referenceResolvers?: Record<string, EntityReference<never, never, unknown>>;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL as composition sees it: what `schema/subgraphs/<name>.graphql` holds. */
  sdl: string;
}

/**
 * type-graphql classes -> a Federation 2 subgraph schema. type-graphql keeps `@Directive`
 * usages in the AST; printing with directives and re-building through @apollo/subgraph adds
 * `_service`, `_entities` and the reference resolvers.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<FederatedSchema> {
  const classSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes ?? [],
    skipCheck: true,
    validate: false,
    authChecker: claimsAuthChecker,
    // Refusals must not reveal whether the field would have had data.
    authMode: 'error',
  });
  const body = printSchemaWithDirectives(classSchema);
  const links = FEDERATION_IMPORTS.map((d) => JSON.stringify(d)).join(', ');
  const sdl = `extend schema @link(url: "${FEDERATION_SPEC}", import: [${links}])\n\n${body.trim()}\n`;

  const resolvers = createResolversMap(classSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, extra] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...extra };
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as never }]);
  return { schema, sdl };
}
