import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

const NOT_DATA = new Set(['__typename', 'id', 'kind']);

/**
 * The fields of a person or enterprise that this `_entities` call asks for — what an officer is
 * about to read, logged before the data leaves identity.
 */
export function requestedFields(info: GraphQLResolveInfo | undefined, typeNames: readonly string[]): string[] {
  const fields = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined, applies: boolean): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (applies && !NOT_DATA.has(selection.name.value)) fields.add(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition?.name.value;
        visit(selection.selectionSet, type === undefined ? applies : typeNames.includes(type));
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = info?.fragments[selection.name.value];
        if (fragment && typeNames.includes(fragment.typeCondition.name.value)) visit(fragment.selectionSet, true);
      }
    }
  };
  for (const node of info?.fieldNodes ?? []) visit(node.selectionSet, false);
  return [...fields].sort();
}
