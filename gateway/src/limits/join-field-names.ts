import { Kind, parse, type ConstDirectiveNode, type DocumentNode, type SelectionSetNode } from 'graphql';

/**
 * Per type of a supergraph, the names of the fields the query planner selects on its own to join
 * that type across subgraphs: every field of its keys (in any subgraph, @interfaceObject ones
 * included) and every field some subgraph @requires. The planner writes them into the entity
 * under those response names, so a client alias with one of them would share a place with it.
 */
export function joinFieldNames(supergraphSdl: string): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  const add = (type: string, fieldSet: string) => {
    let set = names.get(type);
    if (!set) names.set(type, (set = new Set()));
    for (const name of topLevelFields(fieldSet)) set.add(name);
  };
  for (const definition of (parse(supergraphSdl, { noLocation: true }) as DocumentNode).definitions) {
    if (!('fields' in definition) || !('name' in definition) || !definition.name) continue;
    const type = definition.name.value;
    for (const directive of definition.directives ?? []) {
      const key = stringArgument(directive, 'join__type', 'key');
      if (key) add(type, key);
    }
    for (const field of definition.fields ?? []) {
      for (const directive of field.directives ?? []) {
        const requires = stringArgument(directive, 'join__field', 'requires');
        if (requires) add(type, requires);
      }
    }
  }
  return names;
}

function stringArgument(directive: ConstDirectiveNode, directiveName: string, argument: string): string | undefined {
  if (directive.name.value !== directiveName) return undefined;
  const value = directive.arguments?.find((arg) => arg.name.value === argument)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

/** `id`, `sku pack { code }`, `... on Book { isbn }` → their top-level field names. */
function topLevelFields(fieldSet: string): string[] {
  const selectionSet = (parse(`{ ${fieldSet} }`, { noLocation: true }).definitions[0] as { selectionSet: SelectionSetNode }).selectionSet;
  const out: string[] = [];
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) out.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
    }
  };
  walk(selectionSet);
  return out;
}
