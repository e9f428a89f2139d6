import { buildOperationContext } from '@apollo/gateway';
import federation, { type Schema } from '@apollo/federation-internals';
import queryPlanner, { type QueryPlan } from '@apollo/query-planner';
import type { DocumentNode, GraphQLSchema } from 'graphql';

const { Supergraph, operationFromDocument } = federation;
const { QueryPlanner } = queryPlanner;

export type OperationContext = ReturnType<typeof buildOperationContext>;

/** What ApolloGateway builds once per supergraph (index.js, updateWithSchemaAndNotify). */
export interface PlanningSchemas {
  /** The client-facing schema (federation-internals), which the executors are handed. */
  apiSchema: Schema;
  /** The same as graphql-js: documents are generated and validated against it. */
  apiGraphQLSchema: GraphQLSchema;
  /** The supergraph as graphql-js, for the executors' rewrites and type checks. */
  supergraphSchema: GraphQLSchema;
  planner: InstanceType<typeof QueryPlanner>;
}

export function planningSchemas(supergraphSdl: string): PlanningSchemas {
  const supergraph = Supergraph.build(supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  return {
    apiSchema,
    apiGraphQLSchema: apiSchema.toGraphQLJSSchema(),
    supergraphSchema: supergraph.schema.toGraphQLJSSchema(),
    planner: new QueryPlanner(supergraph),
  };
}

export interface PlannedDocument {
  queryPlan: QueryPlan;
  operationContext: OperationContext;
}

/** Plans a (validated) document as ApolloGateway's executor does before it runs the plan. */
export function planDocument(schemas: PlanningSchemas, document: DocumentNode, operationName?: string): PlannedDocument {
  const operationContext = buildOperationContext({ schema: schemas.apiGraphQLSchema, operationDocument: document, operationName });
  const operation = operationFromDocument(schemas.apiSchema, document, { operationName });
  return { queryPlan: schemas.planner.buildQueryPlan(operation), operationContext };
}
