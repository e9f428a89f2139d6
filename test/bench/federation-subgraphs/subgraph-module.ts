/** One benchmark subgraph: its SDL and resolvers, for `buildSubgraphSchema`. */
export interface SubgraphModule {
  name: 'accounts' | 'inventory' | 'products' | 'reviews';
  typeDefs: string;
  // Resolver maps are loosely typed by @apollo/subgraph itself.
  resolvers: Record<string, Record<string, unknown>>;
}
