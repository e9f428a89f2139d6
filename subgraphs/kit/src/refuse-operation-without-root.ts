import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLObjectType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/** The root type an operation runs on, or null when the schema has none for it (a subscription here). */
export function rootTypeOf(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLObjectType | null | undefined {
  return operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
}

/**
 * A `subscription` (or a `mutation` on a subgraph without mutations) passes validation, then
 * graphql-js fails to execute it and Apollo answers INTERNAL_SERVER_ERROR. It is the client's
 * mistake: refuse it as BAD_REQUEST before execution.
 */
export function refuseOperationWithoutRoot<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation }) {
          if (!operation) return;
          if (!rootTypeOf(schema, operation)) {
            throw new GraphQLError(`This service has no ${operation.operation} operations`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
