import { isCompositeType, isObjectType, type GraphQLCompositeType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { MeasureBudget } from './measure-budget.js';

/** Where a selection set applies: the type its fields are looked up on, and what objects it may meet. */
export interface TypeScope {
  /** null when the document names a field or type the schema lacks (validation refuses it). */
  type: GraphQLCompositeType | null;
  /** The object types a value here can have; null when unknown. */
  possible: readonly GraphQLObjectType[] | null;
  /** Tells scopes apart in memo keys. */
  key: string;
}

/** A fragment's scope inside its parent's, and whether it applies to every object the parent may meet. */
export interface Narrowed {
  scope: TypeScope;
  all: boolean;
}

const UNKNOWN: TypeScope = Object.freeze({ type: null, possible: null, key: '?' });

/** Scopes of one schema, each type's made once. */
export class TypeScopes {
  private readonly byType = new Map<string, TypeScope>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly budget: MeasureBudget,
  ) {}

  of(type: GraphQLCompositeType | null | undefined): TypeScope {
    if (!type) return UNKNOWN;
    let scope = this.byType.get(type.name);
    if (!scope) {
      scope = { type, possible: isObjectType(type) ? [type] : this.schema.getPossibleTypes(type), key: type.name };
      this.byType.set(type.name, scope);
    }
    return scope;
  }

  /**
   * The scope of `... on Condition` (a spread's or inline fragment's type condition) inside
   * `parent`: the parent's possible types that the condition includes. Fields are looked up on the
   * one object type left, if only one is, so an implementation's own (narrower) field types count.
   */
  narrow(parent: TypeScope, conditionName: string | undefined): Narrowed {
    const condition = conditionName === undefined ? undefined : this.schema.getType(conditionName);
    // No condition, or one validation would refuse: the parent's own selections.
    if (!condition || !isCompositeType(condition)) return { scope: parent, all: true };
    if (!parent.possible) return { scope: this.of(condition), all: false };

    this.budget.spend(parent.possible.length);
    const inside = parent.possible.filter((type) => (isObjectType(condition) ? type === condition : this.schema.isSubType(condition, type)));
    const all = inside.length === parent.possible.length;
    if (inside.length === 1) return { scope: this.of(inside[0]), all };
    if (all && condition === parent.type) return { scope: parent, all };
    const whole = this.of(condition);
    if (inside.length === whole.possible!.length) return { scope: whole, all };
    return { scope: { type: condition, possible: inside, key: `${condition.name}[${inside.map((type) => type.name).join(',')}]` }, all };
  }
}
