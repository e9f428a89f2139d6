import type { GraphQLResolveInfo } from 'graphql';

/**
 * How a subgraph resolves an entity the gateway hands it by key (`_entities`): every department
 * writes one per entity it resolves, `<entity>Reference` in `<entity>/<entity>.reference.ts`.
 * `_entities` is an entry point like any query, so the resolver checks the representation and who
 * asks, and loads through the request's DataLoaders (`ctx.loaders`): a plan that hands over a
 * hundred representations costs one query, not a hundred.
 */
export interface EntityReference<Representation, Context, Entity> {
  /** The entity, or null when there is none the caller may have (the plan passes null on). */
  __resolveReference(representation: Representation, context: Context, info?: GraphQLResolveInfo): Entity | null | Promise<Entity | null>;
}
