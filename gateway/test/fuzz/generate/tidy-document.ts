import { Kind, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

/**
 * Drops what nothing uses any more — variable definitions (and their values) and fragments —
 * after the generator discarded a field or the shrinker removed one: graphql's validation
 * refuses unused ones. Uses are followed from the operation, so a fragment only an unused
 * fragment spreads goes too.
 */
export function tidyDocument(document: DocumentNode, variables: Record<string, unknown>): { document: DocumentNode; variables: Record<string, unknown> } {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const usedFragments = new Set<string>();
  const usedVariables = new Set<string>();
  const pending: Array<FragmentDefinitionNode | OperationDefinitionNode> = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!.selectionSet, {
      FragmentSpread(spread) {
        if (usedFragments.has(spread.name.value)) return;
        usedFragments.add(spread.name.value);
        const fragment = fragments.get(spread.name.value);
        if (fragment) pending.push(fragment);
      },
      Variable(variable) {
        usedVariables.add(variable.name.value);
      },
    });
  }
  const definitions = document.definitions.flatMap((definition): DefinitionNode[] => {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) return usedFragments.has(definition.name.value) ? [definition] : [];
    if (definition !== operation) return [definition];
    return [{ ...operation, variableDefinitions: operation.variableDefinitions?.filter((v) => usedVariables.has(v.variable.name.value)) }];
  });
  return {
    document: { ...document, definitions },
    variables: Object.fromEntries(Object.entries(variables).filter(([name]) => usedVariables.has(name))),
  };
}
