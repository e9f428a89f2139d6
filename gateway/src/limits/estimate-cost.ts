import {
  Kind,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { saturatingAdd, saturatingTimes, type MeasureBudget } from './measure-budget.js';
import { TypeScopes, type Narrowed, type TypeScope } from './type-scopes.js';

export interface CostOptions {
  /** Assumed length of a list whose size no argument bounds. */
  defaultListSize: number;
  /** Variables, to read list sizes given as `$first`. */
  variables?: Record<string, unknown> | null;
}

/**
 * What one selection set costs: `common` for every object it may meet, plus `byType` for the
 * objects that fragments on narrower types add to. Only one object type applies to each value, so
 * the set costs `common` plus the largest `byType`, not their sum.
 */
class Cost {
  common = 0;
  readonly byType = new Map<string, number>();

  addTo(type: string, amount: number): void {
    this.byType.set(type, saturatingAdd(this.byType.get(type) ?? 0, amount));
  }

  max(): number {
    let most = 0;
    for (const amount of this.byType.values()) most = Math.max(most, amount);
    return saturatingAdd(this.common, most);
  }
}

interface Measured {
  /** Field nesting below the selection set; `{ a { b } }` is 2. */
  depth: number;
  cost: Cost;
}

export const SIZE_ARGUMENTS: ReadonlySet<string> = new Set(['first', 'last', 'limit']);
/** A connection's lists: what its size argument counts. */
const CONNECTION_LISTS = new Set(['edges', 'nodes']);

/**
 * Depth and estimated cost of a selection set, in one walk that measures each fragment once per
 * scope it is spread in (and connection size around it): however often a fragment is spread, its
 * measure is reused, so the work is linear in the document while the cost still counts every
 * spread. Fragment cycles must have been ruled out (fragment-cycles.ts).
 */
export function estimateCost(
  schema: GraphQLSchema,
  root: GraphQLCompositeType | null | undefined,
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  options: CostOptions,
  budget: MeasureBudget,
): { depth: number; cost: number } {
  const scopes = new TypeScopes(schema, budget);
  const memo = new Map<string, Measured>();

  // `connectionSize`: the size argument of the connection field whose selection this is, if any.
  const walk = (set: SelectionSetNode, scope: TypeScope, connectionSize: number | undefined, nesting: number): Measured => {
    budget.nest(nesting);
    const cost = new Cost();
    let depth = 0;
    for (const selection of set.selections) {
      budget.spend();
      if (selection.kind === Kind.FIELD) {
        const field = fieldOf(scope.type, selection.name.value);
        const list = field !== undefined && isList(field.type);
        const size = sizeArgument(selection, field, options);
        const fromConnection = list && CONNECTION_LISTS.has(selection.name.value) ? connectionSize : undefined;
        const multiplier = list ? (size ?? fromConnection ?? options.defaultListSize) : 1;
        let inner = 0;
        let innerDepth = 0;
        if (selection.selectionSet) {
          const named = field ? getNamedType(field.type) : undefined;
          const measured = walk(selection.selectionSet, scopes.of(named && isCompositeType(named) ? named : null), list ? undefined : size, nesting + 1);
          inner = measured.cost.max();
          innerDepth = measured.depth;
        }
        depth = Math.max(depth, 1 + innerDepth);
        cost.common = saturatingAdd(cost.common, saturatingTimes(multiplier, 1 + inner));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const narrowed = scopes.narrow(scope, selection.typeCondition?.name.value);
        const measured = walk(selection.selectionSet, narrowed.scope, connectionSize, nesting + 1);
        depth = Math.max(depth, measured.depth);
        addFragment(cost, scope, narrowed, measured.cost);
        continue;
      }
      const fragment = fragments.get(selection.name.value);
      if (!fragment) continue;
      const narrowed = scopes.narrow(scope, fragment.typeCondition.name.value);
      const key = `${fragment.name.value}\u0000${narrowed.scope.key}\u0000${connectionSize ?? ''}`;
      let measured = memo.get(key);
      if (!measured) {
        measured = walk(fragment.selectionSet, narrowed.scope, connectionSize, nesting + 1);
        memo.set(key, measured);
      }
      depth = Math.max(depth, measured.depth);
      addFragment(cost, scope, narrowed, measured.cost);
    }
    return { depth, cost };
  };

  /**
   * A fragment's cost into its parent's: where it applies to every object the parent may meet, it
   * adds to theirs; where only to some types, to those types' alone.
   */
  const addFragment = (into: Cost, parent: TypeScope, narrowed: Narrowed, cost: Cost): void => {
    if (!parent.possible) {
      // Where the schema does not say what may appear, assume everything does.
      into.common = saturatingAdd(into.common, cost.max());
      return;
    }
    if (narrowed.all) {
      budget.spend(cost.byType.size);
      into.common = saturatingAdd(into.common, cost.common);
      for (const [type, amount] of cost.byType) into.addTo(type, amount);
      return;
    }
    const possible = narrowed.scope.possible ?? [];
    budget.spend(possible.length);
    for (const type of possible) into.addTo(type.name, saturatingAdd(cost.common, cost.byType.get(type.name) ?? 0));
  };

  const measured = walk(set, scopes.of(root), undefined, 0);
  return { depth: measured.depth, cost: measured.cost.max() };
}

/** The size a `first` / `last` / `limit` argument asks for (or defaults to in the schema); undefined without one. */
function sizeArgument(node: FieldNode, field: GraphQLField<unknown, unknown> | undefined, options: CostOptions): number | undefined {
  for (const argument of node.arguments ?? []) {
    if (!SIZE_ARGUMENTS.has(argument.name.value)) continue;
    const value = argument.value;
    if (value.kind === Kind.INT) return Math.max(0, Number(value.value));
    if (value.kind === Kind.VARIABLE) {
      const given = options.variables?.[value.name.value];
      if (typeof given === 'number' && Number.isFinite(given)) return Math.max(0, given);
    }
  }
  for (const argument of field?.args ?? []) {
    if (SIZE_ARGUMENTS.has(argument.name) && typeof argument.defaultValue === 'number') return Math.max(0, argument.defaultValue);
  }
  return undefined;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function fieldOf(parent: GraphQLCompositeType | null, name: string): GraphQLField<unknown, unknown> | undefined {
  if (parent && (isObjectType(parent) || isInterfaceType(parent))) return parent.getFields()[name];
  return undefined;
}
