import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  isRequiredArgument,
  isUnionType,
  Kind,
  OperationTypeNode,
  parse,
  print,
  validate,
  type ArgumentNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLScalarType,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { Random } from '../random.js';
import { Scope, type Candidate } from './scope.js';
import { Values, type ValuePools } from './values.js';
import { Variables } from './variables.js';
import { tidyDocument } from './tidy-document.js';

export interface GeneratedDocument {
  document: DocumentNode;
  /** The document printed: what a client would send. */
  query: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

const MAX_DEPTH = 4;
/**
 * Selections per document at most (drawn per document up to this): fragments nest at one depth,
 * so without a budget a few documents grow large, and planning them takes seconds.
 */
const MAX_SELECTIONS = 36;
/**
 * Response names written as aliases: few, so the same ones recur at every level and on every
 * path — two paths to one entity then often ask for different fields under one name, which is
 * where an entity object shared between paths shows (issue 18).
 */
const ALIASES = ['x', 'y'];
const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

/**
 * A random valid operation over `schema`, the same for the same seed. Returns undefined when
 * the draw did not validate (rare; the caller moves to the next seed).
 */
export function generateDocument(schema: GraphQLSchema, pools: ValuePools, seed: number): GeneratedDocument | undefined {
  const generated = new DocumentGenerator(schema, pools, seed).generate();
  return validate(schema, generated.document).length === 0 ? generated : undefined;
}

class DocumentGenerator {
  private readonly random: Random;
  private readonly values: Values;
  private readonly variables: Variables;
  private readonly fragments: Array<{ node: FragmentDefinitionNode; type: GraphQLCompositeType; scope: Scope }> = [];
  /** Unions each object type belongs to (fragments on them may be spread in its selections). */
  private readonly unionsOf = new Map<string, GraphQLCompositeType[]>();
  private budget: number;

  constructor(
    private readonly schema: GraphQLSchema,
    pools: ValuePools,
    private readonly seed: number,
  ) {
    this.random = new Random(seed);
    this.values = new Values(this.random, pools);
    this.variables = new Variables(this.random, this.values, schema.getType('Boolean') as GraphQLScalarType);
    this.budget = this.random.int(6, MAX_SELECTIONS);
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isUnionType(type)) continue;
      for (const member of type.getTypes()) this.unionsOf.set(member.name, [...(this.unionsOf.get(member.name) ?? []), type]);
    }
  }

  generate(): GeneratedDocument {
    const mutation = this.schema.getMutationType();
    const root = mutation && this.random.chance(0.3) ? mutation : this.schema.getQueryType()!;
    const operationName = this.random.chance(0.3) ? `Fuzz${this.seed}` : undefined;
    const selectionSet = this.selectionSet(root, new Scope(), 0);
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [
        {
          kind: Kind.OPERATION_DEFINITION,
          operation: root === mutation ? OperationTypeNode.MUTATION : OperationTypeNode.QUERY,
          ...(operationName ? { name: name(operationName) } : {}),
          variableDefinitions: this.variables.definitions,
          selectionSet,
        },
        ...this.fragments.map((fragment) => fragment.node),
      ],
    };
    // Variables and fragments drawn for fields that were then dropped go; the text is reparsed.
    const tidy = tidyDocument(document, this.variables.values);
    return { document: parse(print(tidy.document)), query: print(tidy.document), variables: tidy.variables, operationName };
  }

  /**
   * `echo` is the scope of an earlier selection of the same field under another response name:
   * response names are then drawn from it, so the two sub-selections use the same names for
   * different fields — the shape of issue 18's `a: e { p { x: f1 } } b: e { p { x: f2 } }`.
   */
  private selectionSet(type: GraphQLCompositeType, scope: Scope, depth: number, echo: Scope | null = null): SelectionSetNode {
    const selections: SelectionNode[] = [];
    // The root gets more fields: two paths to one entity start there most often.
    const count = this.budget <= 0 ? 1 : depth === 0 ? this.random.int(2, 4) : this.random.small(4);
    for (let i = 0; i < count; i++) {
      const selection = this.selection(type, scope, depth, echo);
      if (selection) selections.push(selection);
    }
    if (selections.length === 0) selections.push(this.typename(type, scope));
    return { kind: Kind.SELECTION_SET, selections };
  }

  private selection(type: GraphQLCompositeType, scope: Scope, depth: number, echo: Scope | null): SelectionNode | undefined {
    const roll = this.random.next();
    // Past the budget, only leaves: every selection set still gets one.
    const deepEnough = depth >= MAX_DEPTH || --this.budget <= 0;
    if (roll < 0.3 && !deepEnough) return this.again(type, scope, depth);
    if (roll < 0.4 && !deepEnough) return this.inlineFragment(type, scope, depth, echo);
    if (roll < 0.5 && !deepEnough) return this.fragmentSpread(type, scope, depth);
    if (roll < 0.55 || isUnionType(type)) return this.typename(type, scope);
    return this.field(type, scope, depth, echo);
  }

  private typename(type: GraphQLCompositeType, scope: Scope): FieldNode {
    const alias = this.random.chance(0.2) ? this.random.pick(ALIASES) : undefined;
    const candidate: Candidate = { parent: type, fieldName: '__typename', args: [], argsKey: '', type: this.schema.getType('String') as GraphQLOutputType };
    const responseName = alias && scope.admits(alias, candidate) ? alias : '__typename';
    scope.add(responseName, candidate);
    return { kind: Kind.FIELD, name: name('__typename'), ...(responseName !== '__typename' ? { alias: name(responseName) } : {}) };
  }

  private field(type: GraphQLCompositeType, scope: Scope, depth: number, echo: Scope | null = null): FieldNode | undefined {
    if (isUnionType(type)) return undefined;
    let fields = Object.values(type.getFields());
    if (depth >= MAX_DEPTH || this.budget <= 0) fields = fields.filter((field) => !isCompositeType(getNamedType(field.type)));
    if (fields.length === 0) return undefined;
    const field = this.random.pick(fields);
    const args = this.arguments(field);
    const echoed = echo?.names().filter((responseName) => responseName !== '__typename') ?? [];
    if (echoed.length > 0 && this.random.chance(0.7)) return this.write(type, scope, depth, field, args, this.random.pick(echoed), echo);
    return this.write(type, scope, depth, field, args, this.random.chance(0.5) ? this.random.pick([...ALIASES, ...fields.map((f) => f.name)]) : field.name);
  }

  /**
   * A field already selected at this level selected again: under the same response name (the
   * sub-selections merge), or under another, either as a variant of the first (the same path
   * down, other fields under the same names at its leaves: issue 18's `a: e { p { x: f1 } }
   * b: e { p { x: f2 } }`) or with a new sub-selection echoing its response names.
   */
  private again(type: GraphQLCompositeType, scope: Scope, depth: number): FieldNode | undefined {
    const earlier = scope.fields().filter(([, entry]) => entry.parent === type && entry.fieldName !== '__typename');
    if (earlier.length === 0) return this.field(type, scope, depth);
    const [responseName, entry] = this.random.pick(earlier);
    const field = (type as GraphQLObjectType).getFields()[entry.fieldName]!;
    if (this.random.chance(0.3)) return this.write(type, scope, depth, field, entry.args, responseName);
    const otherName = [...ALIASES, field.name].find((name) => name !== responseName && scope.admits(name, entry));
    if (otherName === undefined) return undefined;
    if (entry.node?.selectionSet && this.random.chance(0.6)) {
      const added = scope.add(otherName, entry);
      return {
        ...entry.node,
        alias: otherName === field.name ? undefined : name(otherName),
        directives: this.directives(),
        selectionSet: this.variant(entry.node.selectionSet, getNamedType(field.type) as GraphQLCompositeType, added.child!),
      };
    }
    return this.write(type, scope, depth, field, entry.args, otherName, null, entry.child);
  }

  /** `original` again, for a new place: composite fields kept, leaves often swapped for other leaves under the same response names. */
  private variant(original: SelectionSetNode, type: GraphQLCompositeType, scope: Scope): SelectionSetNode {
    const selections: SelectionNode[] = [];
    for (const selection of original.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? (this.schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : type;
        selections.push({ ...selection, selectionSet: this.variant(selection.selectionSet, condition, scope) });
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = this.fragments.find((known) => known.node.name.value === selection.name.value);
        if (fragment && scope.accepts(fragment.scope)) {
          scope.absorb(fragment.scope);
          selections.push(selection);
        }
        continue;
      }
      const responseName = selection.alias?.value ?? selection.name.value;
      if (selection.name.value === '__typename' || isUnionType(type)) {
        selections.push(this.typename(type, scope));
        continue;
      }
      const field = type.getFields()[selection.name.value]!;
      const namedType = getNamedType(field.type);
      if (isCompositeType(namedType)) {
        const candidate: Candidate = { parent: type, fieldName: field.name, args: selection.arguments ?? [], argsKey: argsKey(selection.arguments ?? []), type: field.type };
        if (!scope.admits(responseName, candidate)) continue;
        const { child } = scope.add(responseName, candidate);
        selections.push({ ...selection, selectionSet: this.variant(selection.selectionSet!, namedType, child!) });
        continue;
      }
      const leaves = Object.values(type.getFields()).filter((other) => !isCompositeType(getNamedType(other.type)));
      const swapped = this.random.chance(0.8) ? this.random.pick(leaves) : field;
      const written = this.write(type, scope, MAX_DEPTH, swapped, swapped === field ? (selection.arguments ?? []) : this.arguments(swapped), responseName);
      if (written) selections.push(written);
    }
    if (selections.length === 0) selections.push(this.typename(type, scope));
    return { kind: Kind.SELECTION_SET, selections };
  }

  /** `echo` is the scope this field's response name came from; `childEcho` overrides what its sub-selection echoes. */
  private write(
    type: GraphQLCompositeType,
    scope: Scope,
    depth: number,
    field: GraphQLField<unknown, unknown>,
    args: readonly ArgumentNode[],
    wanted: string,
    echo: Scope | null = null,
    childEcho?: Scope | null,
  ): FieldNode | undefined {
    const candidate: Candidate = { parent: type, fieldName: field.name, args, argsKey: argsKey(args), type: field.type };
    const responseName = [wanted, ...ALIASES, field.name].find((option) => scope.admits(option, candidate));
    if (responseName === undefined) return undefined;
    const entry = scope.add(responseName, candidate);
    const namedType = getNamedType(field.type);
    const node: FieldNode = {
      kind: Kind.FIELD,
      ...(responseName !== field.name ? { alias: name(responseName) } : {}),
      name: name(field.name),
      arguments: args,
      directives: this.directives(),
      ...(isCompositeType(namedType) ? { selectionSet: this.selectionSet(namedType, entry.child!, depth + 1, childEcho ?? echo?.childOf(responseName) ?? null) } : {}),
    };
    entry.node ??= node;
    return node;
  }

  private arguments(field: GraphQLField<unknown, unknown>): ArgumentNode[] {
    return field.args
      .filter((arg) => isRequiredArgument(arg) || this.random.chance(0.4))
      .map((arg) => ({ kind: Kind.ARGUMENT, name: name(arg.name), value: this.random.chance(0.25) ? this.variables.declare(arg.type) : this.values.literal(arg.type) }));
  }

  /** @skip / @include now and then. */
  private directives(): DirectiveNode[] {
    if (!this.random.chance(0.12)) return [];
    const condition = this.variables.condition();
    return [{ kind: Kind.DIRECTIVE, name: name(this.random.chance(0.5) ? 'skip' : 'include'), arguments: [{ kind: Kind.ARGUMENT, name: name('if'), value: condition }] }];
  }

  private inlineFragment(type: GraphQLCompositeType, scope: Scope, depth: number, echo: Scope | null): SelectionNode {
    const condition = this.random.chance(0.15) ? undefined : this.random.pick(this.conditionsFor(type));
    return {
      kind: Kind.INLINE_FRAGMENT,
      ...(condition ? { typeCondition: { kind: Kind.NAMED_TYPE, name: name(condition.name) } } : {}),
      directives: this.directives(),
      selectionSet: this.selectionSet(condition ?? type, scope, depth, echo),
    };
  }

  /** A named fragment spread here: an earlier one that fits, or a new one. */
  private fragmentSpread(type: GraphQLCompositeType, scope: Scope, depth: number): SelectionNode | undefined {
    const conditions = this.conditionsFor(type);
    const fitting = this.fragments.filter((fragment) => conditions.includes(fragment.type) && scope.accepts(fragment.scope));
    let fragment = fitting.length > 0 && this.random.chance(0.6) ? this.random.pick(fitting) : undefined;
    if (!fragment) {
      const condition = this.random.pick(conditions);
      const fragmentScope = new Scope();
      const selectionSet = this.selectionSet(condition, fragmentScope, depth);
      const node: FragmentDefinitionNode = {
        kind: Kind.FRAGMENT_DEFINITION,
        name: name(`F${this.fragments.length}`),
        typeCondition: { kind: Kind.NAMED_TYPE, name: name(condition.name) },
        selectionSet,
      };
      fragment = { node, type: condition, scope: fragmentScope };
      this.fragments.push(fragment);
      if (!scope.accepts(fragmentScope)) return undefined;
    }
    scope.absorb(fragment.scope);
    return { kind: Kind.FRAGMENT_SPREAD, name: name(fragment.node.name.value), directives: this.directives() };
  }

  /** Types a fragment in a selection on `type` may be on: itself, its interfaces and unions, its possible types. */
  private conditionsFor(type: GraphQLCompositeType): GraphQLCompositeType[] {
    const conditions: GraphQLCompositeType[] = [type];
    if (isObjectType(type)) conditions.push(...type.getInterfaces(), ...(this.unionsOf.get(type.name) ?? []));
    if (isInterfaceType(type)) conditions.push(...type.getInterfaces());
    if (isAbstractType(type)) conditions.push(...this.schema.getPossibleTypes(type));
    return conditions;
  }
}

function argsKey(args: readonly ArgumentNode[]): string {
  return args
    .map((arg) => `${arg.name.value}:${print(arg.value)}`)
    .sort()
    .join(',');
}
