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

interface ClassSchema {
  // biome-ignore lint/complexity/noBannedTypes: as above.
  classes: readonly Function[];
  sdl: string;
  resolvers: Record<string, Record<string, unknown>>;
}

/**
 * type-graphql's part (building from the classes and printing) is the costly one and depends only
 * on the classes, so it is done once per process for the same classes: a test run starting a
 * hundred graphs in one worker builds each department's once. Every call still gets a schema of
 * its own, since a service wraps its root resolvers in place (tracing).
 */
// biome-ignore lint/complexity/noBannedTypes: keyed by the first resolver class.
const classSchemas = new WeakMap<Function, Promise<ClassSchema>>();

async function classSchemaOf(options: FederatedSchemaOptions): Promise<ClassSchema> {
  const classes = [...options.resolvers, ...(options.orphanedTypes ?? [])];
  const known = classSchemas.get(options.resolvers[0]);
  if (known) {
    const cached = await known.catch(() => undefined);
    if (cached && cached.classes.length === classes.length && cached.classes.every((c, i) => c === classes[i])) return cached;
  }
  const building = (async (): Promise<ClassSchema> => {
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
    return { classes, sdl, resolvers: createResolversMap(classSchema) as Record<string, Record<string, unknown>> };
  })();
  classSchemas.set(options.resolvers[0], building);
  return building;
}

/**
 * type-graphql classes -> a Federation 2 subgraph schema. type-graphql keeps `@Directive`
 * usages in the AST; printing with directives and re-building through @apollo/subgraph adds
 * `_service`, `_entities` and the reference resolvers.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<FederatedSchema> {
  const { sdl, resolvers: classResolvers } = await classSchemaOf(options);
  // The map is the cached one's: entries merged with reference resolvers are new objects, the rest shared as they are.
  const resolvers: Record<string, Record<string, unknown>> = { ...classResolvers };
  for (const [typeName, extra] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...extra };
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as never }]);
  return { schema, sdl };
}
