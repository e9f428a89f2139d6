import {
  Kind,
  getNamedType,
  isListType,
  isNonNullType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  isCompositeType,
  type GraphQLCompositeType,
  isObjectType,
  isInterfaceType,
} from 'graphql';

/** What the limits look at in one operation. */
export interface OperationMeasure {
  /** Deepest field nesting; `{ a { b } }` is 2. Introspection counts like anything else. */
  depth: number;
  /** Fields requested under another response name. */
  aliases: number;
  /** Fields at the operation's root. */
  rootFields: number;
  /**
   * Estimated work: every field costs 1, times the size of every list around it. A list's size
   * is its `first` / `last` / `limit` argument when given (or that argument's default in the
   * schema), else the assumed default. On a Relay connection, which is not a list itself, the
   * argument sizes the connection's `edges` and `nodes`.
   */
  cost: number;
}

export interface MeasureOptions {
  /** Assumed length of a list whose size no argument bounds. */
  defaultListSize: number;
  /** Variables, to read list sizes given as `$first`. */
  variables?: Record<string, unknown> | null;
}

const SIZE_ARGUMENTS = new Set(['first', 'last', 'limit']);

/** The size a `first` / `last` / `limit` argument asks for (or defaults to in the schema); undefined without one. */
function sizeArgument(node: FieldNode, field: GraphQLField<unknown, unknown> | undefined, options: MeasureOptions): number | undefined {
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

/** A connection's lists: what its size argument counts. */
const CONNECTION_LISTS = new Set(['edges', 'nodes']);

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function fieldOf(parent: GraphQLCompositeType | null, name: string): GraphQLField<unknown, unknown> | undefined {
  if (parent && (isObjectType(parent) || isInterfaceType(parent))) return parent.getFields()[name];
  return undefined;
}

/**
 * Measures an operation against the schema in one walk, following fragments (each fragment
 * spread at most once per path, so a cycle cannot hang the gateway before validation has run).
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  options: MeasureOptions,
): OperationMeasure {
  let aliases = 0;
  const root =
    operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();

  // `connectionSize`: the size argument of the connection field whose selection this is, if any.
  const walk = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType | null,
    depth: number,
    seen: ReadonlySet<string>,
    connectionSize?: number,
  ): { depth: number; cost: number; fields: number } => {
    let deepest = depth;
    let cost = 0;
    let fields = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        fields += 1;
        if (selection.alias) aliases += 1;
        const field = fieldOf(parent, selection.name.value);
        const list = field !== undefined && isList(field.type);
        const size = sizeArgument(selection, field, options);
        const fromConnection = list && CONNECTION_LISTS.has(selection.name.value) ? connectionSize : undefined;
        const multiplier = list ? (size ?? fromConnection ?? options.defaultListSize) : 1;
        let inner = { depth: depth + 1, cost: 0, fields: 0 };
        if (selection.selectionSet) {
          const named = field ? getNamedType(field.type) : null;
          inner = walk(selection.selectionSet, named && isCompositeType(named) ? named : null, depth + 1, seen, list ? undefined : size);
        }
        deepest = Math.max(deepest, inner.depth);
        cost += multiplier * (1 + inner.cost);
      } else {
        let target: SelectionSetNode | undefined;
        let typeName: string | undefined;
        let next = seen;
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          target = selection.selectionSet;
          typeName = selection.typeCondition?.name.value;
        } else {
          const name = selection.name.value;
          if (seen.has(name)) continue;
          const fragment = fragments[name];
          target = fragment?.selectionSet;
          typeName = fragment?.typeCondition.name.value;
          next = new Set([...seen, name]);
        }
        if (!target) continue;
        const conditioned = typeName ? schema.getType(typeName) : parent;
        const inner = walk(target, conditioned && isCompositeType(conditioned) ? conditioned : parent, depth, next, connectionSize);
        deepest = Math.max(deepest, inner.depth);
        cost += inner.cost;
        fields += inner.fields;
      }
    }
    return { depth: deepest, cost, fields };
  };

  const measured = walk(operation.selectionSet, root ?? null, 0, new Set());
  return { depth: measured.depth, aliases, rootFields: measured.fields, cost: measured.cost };
}
