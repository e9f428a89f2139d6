import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { MeasureBudget } from './measure-budget.js';

/**
 * A fragment the operation reaches that spreads itself, directly or through others, as the list
 * of fragments around the cycle (`['A', 'B', 'A']`); undefined when there is none.
 * graphql's validation refuses such a document (NoFragmentCyclesRule), but the measure must not
 * rely on having run after it: its memoised walks would never finish on a cycle. Iterative, so a
 * long chain of fragments cannot exhaust the stack either; each fragment is looked into once.
 */
export function findFragmentCycle(root: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, budget: MeasureBudget): string[] | undefined {
  const spreadsOf = new Map<string, string[]>();
  const spreads = (name: string): string[] => {
    let names = spreadsOf.get(name);
    if (!names) {
      const fragment = fragments.get(name);
      names = fragment ? spreadNames(fragment.selectionSet, budget) : [];
      spreadsOf.set(name, names);
    }
    return names;
  };

  // Grey while on the current path, black once everything below it is known to be acyclic.
  const state = new Map<string, 'grey' | 'black'>();
  const path: Array<{ name: string; next: number }> = [];
  for (const start of spreadNames(root, budget)) {
    if (state.has(start)) continue;
    state.set(start, 'grey');
    path.push({ name: start, next: 0 });
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const children = spreads(top.name);
      if (top.next === children.length) {
        state.set(top.name, 'black');
        path.pop();
        continue;
      }
      const child = children[top.next++]!;
      budget.spend();
      const seen = state.get(child);
      if (seen === 'grey') return [...path.slice(path.findIndex((entry) => entry.name === child)).map((entry) => entry.name), child];
      if (seen === 'black') continue;
      state.set(child, 'grey');
      path.push({ name: child, next: 0 });
    }
  }
  return undefined;
}

/** The names of every fragment spread anywhere in a selection set (inside fields too), each once. */
function spreadNames(set: SelectionSetNode, budget: MeasureBudget): string[] {
  const names = new Set<string>();
  const stack = [set];
  while (stack.length > 0) {
    for (const selection of stack.pop()!.selections) {
      budget.spend();
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.add(selection.name.value);
      else if (selection.selectionSet) stack.push(selection.selectionSet);
    }
  }
  return [...names];
}
