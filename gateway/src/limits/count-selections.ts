import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { saturatingAdd, type MeasureBudget } from './measure-budget.js';

/**
 * Aliases and root fields as graphql collects fields (CollectFields): a selection set together
 * with the inline fragments and fragments spread into it, each fragment once however often it is
 * spread there, directly or through other fragments. So `{ ...F ...F }` requests F's fields once,
 * under the same response names, and counts them once.
 *
 * - `rootFields`: distinct response names at the operation's root.
 * - `aliases`: for each selection set so collected, its distinct aliased response names, plus
 *   those inside each of its fields' own selections. Two fields under different aliases each count
 *   what is inside them: `{ a: f { x: g } b: f { x: g } }` is 4 (a, b, a.x, b.x), the response
 *   paths it names.
 *
 * Each selection set's count is kept, so a fragment spread under many fields is looked into once
 * per field it is collected under, not once per path. Fragment cycles must have been ruled out
 * (fragment-cycles.ts).
 */
export function countSelections(root: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, budget: MeasureBudget): { aliases: number; rootFields: number } {
  const aliasesWithin = new Map<SelectionSetNode, number>();

  const collect = (set: SelectionSetNode, nesting: number) => {
    budget.nest(nesting);
    const responseNames = new Set<string>();
    const aliased = new Set<string>();
    const visited = new Set<string>();
    let below = 0;
    const stack = [set];
    while (stack.length > 0) {
      for (const selection of stack.pop()!.selections) {
        budget.spend();
        if (selection.kind === Kind.FIELD) {
          const name = (selection.alias ?? selection.name).value;
          responseNames.add(name);
          if (selection.alias) aliased.add(name);
          if (selection.selectionSet) below = saturatingAdd(below, within(selection.selectionSet, nesting + 1));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          stack.push(selection.selectionSet);
        } else if (!visited.has(selection.name.value)) {
          visited.add(selection.name.value);
          const fragment = fragments.get(selection.name.value);
          if (fragment) stack.push(fragment.selectionSet);
        }
      }
    }
    return { responseNames, aliases: saturatingAdd(aliased.size, below) };
  };

  const within = (set: SelectionSetNode, nesting: number): number => {
    let count = aliasesWithin.get(set);
    if (count === undefined) {
      count = collect(set, nesting).aliases;
      aliasesWithin.set(set, count);
    }
    return count;
  };

  const collected = collect(root, 0);
  return { aliases: collected.aliases, rootFields: collected.responseNames.size };
}
