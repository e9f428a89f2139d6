import { Kind, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionNode, type SelectionSetNode } from 'graphql';

/** The introspection fields of the query root; `__typename` stays, a leaf like any other. */
const INTROSPECTION_ROOT_FIELDS = new Set(['__schema', '__type']);

/**
 * The operation without its introspection root fields, for the depth and cost limits; undefined
 * when it has none.
 * Introspection is answered from the gateway's own memory; its lists cannot nest more than three
 * deep (graphql's MaxIntrospectionDepthRule, part of validation), and the token limit bounds its
 * length. Its `ofType { ofType { … } }` chain makes GraphiQL's own introspection query 15 deep,
 * twice what any portal operation needs, so counting it would mean a depth limit that limits
 * nothing. Aliases and root fields are still counted on the whole operation.
 */
export function withoutIntrospection(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): { operation: OperationDefinitionNode; fragments: Record<string, FragmentDefinitionNode> } | undefined {
  const root = schema.getQueryType()?.name;
  if (operation.operation !== 'query' || !root) return undefined;

  let removed = 0;
  const strip = (set: SelectionSetNode): SelectionSetNode => ({
    ...set,
    selections: set.selections.flatMap((selection): SelectionNode[] => {
      if (selection.kind === Kind.FIELD) {
        if (!INTROSPECTION_ROOT_FIELDS.has(selection.name.value)) return [selection];
        removed += 1;
        return [];
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return [{ ...selection, selectionSet: strip(selection.selectionSet) }];
      return [selection];
    }),
  });

  // A fragment on the query root type can only be spread where the root's fields are.
  const stripped: Record<string, FragmentDefinitionNode> = Object.create(null);
  for (const [name, fragment] of Object.entries(fragments)) {
    stripped[name] = fragment.typeCondition.name.value === root ? { ...fragment, selectionSet: strip(fragment.selectionSet) } : fragment;
  }
  const strippedOperation = { ...operation, selectionSet: strip(operation.selectionSet) };
  return removed > 0 ? { operation: strippedOperation, fragments: stripped } : undefined;
}
