import type { FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { countSelections } from './count-selections.js';
import { estimateCost, type CostOptions } from './estimate-cost.js';
import { findFragmentCycle } from './fragment-cycles.js';
import { MeasureBudget, MeasureRefusal } from './measure-budget.js';

/** What the limits look at in one operation. */
export interface OperationMeasure {
  /** Deepest field nesting; `{ a { b } }` is 2. Introspection counts like anything else. */
  depth: number;
  /**
   * Fields requested under another response name: distinct aliases of each selection set as
   * graphql collects it (a fragment spread twice into one selection set counts once), and the
   * aliases inside each aliased or plain field's selections (count-selections.ts).
   */
  aliases: number;
  /** Distinct response names at the operation's root, fragments counted once (count-selections.ts). */
  rootFields: number;
  /**
   * Estimated work: every field costs 1, times the size of every list around it. A list's size
   * is its `first` / `last` / `limit` argument when given (or that argument's default in the
   * schema), else the assumed default. On a Relay connection, which is not a list itself, the
   * argument sizes the connection's `edges` and `nodes`.
   *
   * Over an interface or union, selections on the abstract type itself count for every object,
   * fragments on narrower types only for theirs, and the set costs what its costliest object type
   * would: `... on User { … } ... on Admin { … }` is the larger of the two, not their sum.
   *
   * Unlike aliases, cost counts every spread of a fragment, as the document is written: spreading
   * a fragment twice costs it twice, although the executor would merge the two. A document whose
   * fragments double at every level is refused for its cost (2³⁰ for 30 levels), which is cheaper
   * than proving it harmless. Counts stop at 2⁵³ − 1.
   */
  cost: number;
}

export interface MeasureOptions extends CostOptions {
  /** Steps the measure may take (measure-budget.ts); past it a MeasureRefusal is thrown. */
  budget?: number;
}

/**
 * Measures an operation against the schema, in time linear in the document: each fragment is
 * measured once per scope it is spread in, however often. Throws a MeasureRefusal when the
 * operation spreads a fragment within itself (graphql's validation refuses that too, but this
 * must not depend on having run after it), nests too deep to walk, or would take more steps than
 * the budget.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  options: MeasureOptions,
): OperationMeasure {
  const budget = new MeasureBudget(options.budget);
  // A Map, so a fragment named `constructor` or `__proto__` is just a name.
  const byName = new Map(Object.entries(fragments));
  const cycle = findFragmentCycle(operation.selectionSet, byName, budget);
  if (cycle) {
    const via = cycle.slice(1, -1);
    const message = `Cannot spread fragment "${cycle[0]}" within itself${via.length > 0 ? ` via ${via.map((name) => `"${name}"`).join(', ')}` : ''}.`;
    throw new MeasureRefusal('cycle', message, undefined, cycle);
  }
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  const { depth, cost } = estimateCost(schema, root, operation.selectionSet, byName, options, budget);
  const { aliases, rootFields } = countSelections(operation.selectionSet, byName, budget);
  return { depth, aliases, rootFields, cost };
}
