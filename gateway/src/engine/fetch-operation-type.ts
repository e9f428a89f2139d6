import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Kind, type OperationTypeNode } from 'graphql';

/**
 * The operation type of one subgraph fetch of a query plan — not of the client's operation: a
 * mutation's plan sends the mutation to one subgraph and may then fetch `_entities` (queries)
 * from others. Read from the fetch's parsed document, or the start of its text when there is
 * none; undefined when neither says (treated as not safe to repeat).
 */
export function fetchOperationType(options: GraphQLDataSourceProcessOptions<Record<string, any>>): OperationTypeNode | undefined {
  const document = 'document' in options ? options.document : undefined;
  const definition = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (definition?.kind === Kind.OPERATION_DEFINITION) return definition.operation;
  const text = options.request.query ?? '';
  const keyword = /^\s*(query|mutation|subscription)\b/.exec(text)?.[1];
  if (keyword) return keyword as OperationTypeNode;
  return /^\s*\{/.test(text) ? ('query' as OperationTypeNode) : undefined;
}
