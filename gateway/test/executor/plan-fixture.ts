import { composeServices } from '@apollo/composition';
import type { GraphQLDataSource, ServiceMap } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { createLogger } from '@govgraph/kit';
import { execute, parse, type GraphQLSchema } from 'graphql';
import type { ExecuteQueryPlan } from '../../src/engine/execute/plan-executor.js';
import { planDocument, planningSchemas } from '../fuzz/plan-document.js';

/**
 * Three small subgraphs run in-process (no ports): `shop` lists products and renames them,
 * `stock` needs a product's price (@requires) for its shipping cost, `reviews` lists reviews.
 * Product "p3" has no stock record, reviews of "p2" fail, "p4" breaks its price.
 */
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])';
export const SUBGRAPH_SDL = {
  shop: `${LINK}
    type Query { products: [Product] product(id: ID!): Product }
    type Mutation { rename(id: ID!, name: String!): Product }
    type Product @key(fields: "id") { id: ID! name: String price: Int }`,
  stock: `${LINK}
    type Product @key(fields: "id") { id: ID! price: Int @external inStock: Boolean shippingCost: Int @requires(fields: "price") }`,
  reviews: `${LINK}
    type Product @key(fields: "id") { id: ID! reviews: [Review!] }
    type Review { id: ID! body: String! }`,
} as const;
export type SubgraphName = keyof typeof SUBGRAPH_SDL;

const PRICES: Record<string, number> = { p1: 10, p2: 250, p3: 40 };
const names = (): Record<string, string> => ({ p1: 'Lamp', p2: 'Desk', p3: 'Chair', p4: 'Shelf' });

/** Fresh subgraph state (names change under mutations), one per executor run so both see the same. */
export function subgraphSchemas(): Record<SubgraphName, GraphQLSchema> {
  const productNames = names();
  const product = (id: string) => (id in productNames ? { id } : null);
  return {
    shop: buildSubgraphSchema({
      typeDefs: parse(SUBGRAPH_SDL.shop),
      resolvers: {
        Query: { products: () => Object.keys(productNames).map(product), product: (_: unknown, { id }: { id: string }) => product(id) },
        Mutation: {
          rename: (_: unknown, { id, name }: { id: string; name: string }) => {
            if (!(id in productNames)) throw new Error(`no product ${id}`);
            productNames[id] = name;
            return product(id);
          },
        },
        Product: {
          __resolveReference: ({ id }: { id: string }) => product(id),
          name: ({ id }: { id: string }) => productNames[id],
          price: ({ id }: { id: string }) => {
            if (id === 'p4') throw new Error('price list unavailable');
            return PRICES[id];
          },
        },
      },
    }),
    stock: buildSubgraphSchema({
      typeDefs: parse(SUBGRAPH_SDL.stock),
      resolvers: {
        Product: {
          __resolveReference: (reference: { id: string; price?: number }) => (reference.id === 'p3' ? null : reference),
          inStock: ({ id }: { id: string }) => id !== 'p2',
          shippingCost: ({ price }: { price: number | null }) => (price === null || price === undefined ? null : price > 100 ? 0 : 5),
        },
      },
    }),
    reviews: buildSubgraphSchema({
      typeDefs: parse(SUBGRAPH_SDL.reviews),
      resolvers: {
        Product: {
          __resolveReference: ({ id }: { id: string }) => ({ id }),
          reviews: ({ id }: { id: string }) => {
            if (id === 'p2') throw new Error('reviews store down');
            return [{ id: `${id}-r1`, body: `good ${id}` }];
          },
        },
      },
    }),
  };
}

const composed = composeServices(Object.entries(SUBGRAPH_SDL).map(([name, sdl]) => ({ name, typeDefs: parse(sdl), url: `http://${name}.invalid/graphql` })));
if (composed.errors?.length) throw new Error(composed.errors.map((error) => error.message).join('\n'));
// Planned as ApolloGateway plans (the differential fuzzer's planning, fuzz/plan-document.ts).
const schemas = planningSchemas(composed.supergraphSdl!);

export interface PlannedOperation {
  query: string;
  plan: QueryPlan;
  run(executor: ExecuteQueryPlan, serviceMap: ServiceMap, options?: { variables?: Record<string, unknown>; captureTraces?: boolean }): ReturnType<ExecuteQueryPlan>;
}

/** Plans `query` once, as ApolloGateway would, and runs that fixed plan with any executor. */
export function planOperation(query: string): PlannedOperation {
  const document = parse(query);
  const { queryPlan: plan, operationContext } = planDocument(schemas, document);
  const log = createLogger('executor-test', 'silent');
  return {
    query,
    plan,
    run(executor, serviceMap, options = {}) {
      const requestContext = {
        request: { query, variables: options.variables ?? {} },
        document,
        operation: operationContext.operation,
        operationName: null,
        context: { requestId: 'r', claims: null, clientAddress: null, log, planExecutor: 'govgraph' },
        metrics: options.captureTraces ? { captureTraces: true } : {},
        logger: log,
        cache: undefined,
        overallCachePolicy: undefined,
      } as unknown as GatewayGraphQLRequestContext;
      return executor(plan, serviceMap, requestContext, operationContext, schemas.supergraphSchema, schemas.apiSchema);
    },
  };
}

export interface SentFetch {
  subgraph: SubgraphName;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * Fake subgraphs that run the fixture schemas in-process, answers passed through JSON as over the
 * wire; `tamper` may replace an answer (malformed or failing subgraphs). Records every fetch in order.
 */
export function fakeSubgraphs(tamper?: (fetch: SentFetch, answer: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>): {
  serviceMap: ServiceMap;
  sent: SentFetch[];
} {
  const schemas = subgraphSchemas();
  const sent: SentFetch[] = [];
  const serviceMap: ServiceMap = Object.create(null);
  for (const subgraph of Object.keys(schemas) as SubgraphName[]) {
    const source: GraphQLDataSource = {
      async process({ request }) {
        const fetch = { subgraph, query: request.query!, variables: (request.variables ?? {}) as Record<string, unknown> };
        sent.push(fetch);
        const result = await execute({ schema: schemas[subgraph], document: parse(fetch.query), variableValues: fetch.variables });
        const answer = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
        return (tamper ? await tamper(fetch, answer) : answer) as Awaited<ReturnType<GraphQLDataSource['process']>>;
      },
    };
    serviceMap[subgraph] = source;
  }
  return { serviceMap, sent };
}

/** What a client would receive, in a comparable form. */
export function asAnswer(result: Awaited<ReturnType<ExecuteQueryPlan>>): unknown {
  return JSON.parse(
    JSON.stringify({
      data: result.data,
      errors: result.errors?.map((error) => ({ message: error.message, path: error.path, code: error.extensions?.code })),
      extensions: result.extensions,
    }),
  );
}
