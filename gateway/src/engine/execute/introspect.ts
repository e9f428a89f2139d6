import type { FieldSelection } from '@apollo/federation-internals';
import {
  executeSync,
  Kind,
  OperationTypeNode,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** The parts of @apollo/gateway's OperationContext the executor reads. */
export interface OperationContextLike {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
}

/**
 * `__schema` or `__type` as asked (subgraphs are never asked): run on the API schema as a query
 * of that one field, with the variables it uses, and its value returned.
 */
export function introspect(operationContext: OperationContextLike, selection: FieldSelection, variables: Record<string, unknown> | undefined): unknown {
  const field = selection.expandFragments().toSelectionNode() as FieldNode;
  const used = new Set<string>();
  visit(field, { Variable: (node) => void used.add(node.name.value) });
  const definitions = operationContext.operation.variableDefinitions?.filter((definition) => used.has(definition.variable.name.value));
  if (used.size !== (definitions?.length ?? 0)) throw new Error(`Should have found all used variables ${[...used].join(', ')} in the operation's definitions`);
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      { kind: Kind.OPERATION_DEFINITION, operation: OperationTypeNode.QUERY, variableDefinitions: definitions, selectionSet: { kind: Kind.SELECTION_SET, selections: [field] } },
    ],
  };
  const { data, errors } = executeSync({ schema: operationContext.schema, document, rootValue: {}, variableValues: variables });
  if (errors?.length || !data) throw new Error(`Introspection query for ${field.name.value} should not have failed: ${JSON.stringify(errors)}`);
  const responseName = field.alias?.value ?? field.name.value;
  return Object.hasOwn(data, responseName) ? data[responseName] : undefined;
}
