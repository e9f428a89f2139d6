import {
  GraphQLError,
  Kind,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
  typeFromAST,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { UsageMatch } from './schema-diff.js';
import type { TrustedOperation } from './trusted-operations.js';

/** One place an operation touches the schema: a coordinate and where in the operation. */
export interface OperationUse {
  /** `Type`, `Type.field`, `Type.field(arg:)` or `Enum.VALUE`. */
  coordinate: string;
  /** Where: `me.licences.validTo`, `me.licences(status:)`, `prefill.materials.satisfiedBy … on Licence`, `$input`. */
  path: string;
  /** `input` for what the operation sends (arguments, variables, literals), `output` for what it selects. */
  position: 'input' | 'output';
  /** Counted through an interface or an implementation of the type it was selected on. */
  inherited?: boolean;
}

export interface OperationUsage {
  file: string;
  /** The operation's name (null for an anonymous one). */
  operation: string | null;
  uses: OperationUse[];
}

/** An operation a schema change breaks, and the fields (paths) in it that the change reaches. */
export interface AffectedOperation {
  file: string;
  operation: string | null;
  fields: string[];
}

/** Parses a trusted document, or says why it does not parse. */
export function parseOperation(operation: TrustedOperation): { ok: true; document: DocumentNode } | { ok: false; error: string } {
  try {
    return { ok: true, document: parse(operation.source) };
  } catch (error) {
    return { ok: false, error: error instanceof GraphQLError ? error.message : String(error) };
  }
}

/** Validation errors of a document against a schema, each with its line. */
export function validationErrors(schema: GraphQLSchema, document: DocumentNode): string[] {
  return validate(schema, document).map((error) => {
    const line = error.locations?.[0]?.line;
    return line ? `${error.message} (line ${line})` : error.message;
  });
}

/**
 * Everything each operation uses, resolved against the schema it validates against today.
 * Interface fields count for every implementation and the other way round, so a change to
 * `Person.licences` reaches an operation that selects `licences` on `Applicant`.
 */
export function operationUsage(schema: GraphQLSchema, operations: TrustedOperation[]): OperationUsage[] {
  const usages: OperationUsage[] = [];
  for (const trusted of operations) {
    const parsed = parseOperation(trusted);
    if (!parsed.ok) continue;
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of parsed.document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    for (const definition of parsed.document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const root = schema.getRootType(definition.operation);
      if (!root) continue;
      const uses: OperationUse[] = [];
      const add: Add = (coordinate, path, position = 'output', inherited = false) =>
        uses.push(inherited ? { coordinate, path, position, inherited } : { coordinate, path, position });
      for (const variable of definition.variableDefinitions ?? []) {
        const type = typeFromAST(schema, variable.type as never) as GraphQLInputType | undefined;
        if (type) useInputType(getNamedType(type), `$${variable.variable.name.value}`, add, new Set());
      }
      walkSelections(schema, definition.selectionSet, root, '', fragments, add, new Set());
      usages.push({ file: trusted.file, operation: definition.name?.value ?? null, uses: dedupe(uses) });
    }
  }
  return usages;
}

/** The operations a change reaches, with the paths in each. */
export function affectedOperations(usages: OperationUsage[], match: UsageMatch): AffectedOperation[] {
  const affected: AffectedOperation[] = [];
  if (match.any.length === 0) return affected;
  for (const usage of usages) {
    if (match.all && !match.all.every((pattern) => usage.uses.some((use) => matches(use, pattern)))) continue;
    const hits = usage.uses.filter((use) => match.any.some((pattern) => matches(use, pattern)));
    if (hits.length > 0) affected.push({ file: usage.file, operation: usage.operation, fields: tidyPaths(hits, match) });
  }
  return affected;
}

/**
 * `Type.*` matches the type and anything selected on it; `in:Type` the type where the operation
 * sends it (a variable, an argument); any other pattern matches itself, however it was reached.
 */
function matches(use: OperationUse, pattern: string): boolean {
  if (pattern.startsWith('in:')) return use.position === 'input' && use.coordinate === pattern.slice(3);
  if (pattern.endsWith('.*')) {
    const type = pattern.slice(0, -2);
    return !use.inherited && (use.coordinate === type || use.coordinate.startsWith(`${type}.`));
  }
  return use.coordinate === pattern;
}

/**
 * Short lists: a change to a whole type names where operations reach the type, not every field
 * under it; an enum literal replaces the bare argument it is passed to.
 */
function tidyPaths(hits: OperationUse[], match: UsageMatch): string[] {
  let chosen = hits;
  const wholeTypes = match.any.filter((p) => p.endsWith('.*')).map((p) => p.slice(0, -2));
  if (wholeTypes.length > 0) {
    const entries = hits.filter((use) => wholeTypes.includes(use.coordinate));
    if (entries.length > 0) chosen = entries;
  }
  const paths = [...new Set(chosen.map((use) => use.path))];
  return paths.filter((path) => !paths.some((other) => other.startsWith(`${path} = `)));
}

type Add = (coordinate: string, path: string, position?: OperationUse['position'], inherited?: boolean) => void;

function walkSelections(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  path: string,
  fragments: Map<string, FragmentDefinitionNode>,
  add: Add,
  seenFragments: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name.startsWith('__')) continue;
      const fieldPath = path ? `${path}.${selection.alias?.value ?? name}` : (selection.alias?.value ?? name);
      const field = isUnionType(parent) ? undefined : parent.getFields()[name];
      if (!field) continue;
      const owners = ownersOf(schema, parent, name);
      owners.forEach((owner, i) => add(`${owner}.${name}`, fieldPath, 'output', i > 0));
      for (const argument of selection.arguments ?? []) {
        const definition = field.args.find((a) => a.name === argument.name.value);
        if (!definition) continue;
        const argumentPath = `${fieldPath}(${argument.name.value}:)`;
        owners.forEach((owner, i) => add(`${owner}.${name}(${argument.name.value}:)`, argumentPath, 'input', i > 0));
        useInputValue(argument.value, definition.type, argumentPath, add);
      }
      const type = getNamedType(field.type);
      add(type.name, fieldPath);
      if (selection.selectionSet && (isObjectType(type) || isInterfaceType(type) || isUnionType(type))) {
        walkSelections(schema, selection.selectionSet, type, fieldPath, fragments, add, seenFragments);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      if (!condition || !(isObjectType(condition) || isInterfaceType(condition) || isUnionType(condition))) continue;
      if (selection.typeCondition) add(condition.name, `${path} … on ${condition.name}`);
      walkSelections(schema, selection.selectionSet, condition, path, fragments, add, seenFragments);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seenFragments.has(fragment.name.value)) continue;
      const condition = schema.getType(fragment.typeCondition.name.value);
      if (!condition || !(isObjectType(condition) || isInterfaceType(condition) || isUnionType(condition))) continue;
      add(condition.name, `${path} …${fragment.name.value} on ${condition.name}`);
      walkSelections(schema, fragment.selectionSet, condition, path, fragments, add, new Set([...seenFragments, fragment.name.value]));
    }
  }
}

/** The parent type, plus its implementations (for an interface) or its interfaces (for an object) that declare the field. */
function ownersOf(schema: GraphQLSchema, parent: GraphQLCompositeType, field: string): string[] {
  const owners = [parent.name];
  if (isInterfaceType(parent)) {
    for (const type of schema.getPossibleTypes(parent)) if (type.getFields()[field]) owners.push(type.name);
  } else if (isObjectType(parent)) {
    for (const iface of parent.getInterfaces()) if (iface.getFields()[field]) owners.push(iface.name);
  }
  return owners;
}

function useInputValue(value: ValueNode, type: GraphQLInputType, path: string, add: Add): void {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value.kind === Kind.VARIABLE || value.kind === Kind.NULL) return;
  if (isListType(inner)) {
    const items = value.kind === Kind.LIST ? value.values : [value];
    for (const item of items) useInputValue(item, inner.ofType, path, add);
    return;
  }
  add(inner.name, path, 'input');
  if (isEnumType(inner) && value.kind === Kind.ENUM) {
    add(`${inner.name}.${value.value}`, `${path} = ${value.value}`, 'input');
  } else if (isInputObjectType(inner) && value.kind === Kind.OBJECT) {
    const fields = inner.getFields();
    for (const field of value.fields) {
      const definition = fields[field.name.value];
      if (!definition) continue;
      add(`${inner.name}.${field.name.value}`, `${path}.${field.name.value}`, 'input');
      useInputValue(field.value, definition.type, `${path}.${field.name.value}`, add);
    }
  }
}

/** A variable of an input type may carry any of its fields: every nested input type and enum counts as used. */
function useInputType(type: GraphQLNamedType, path: string, add: Add, seen: Set<string>): void {
  if (seen.has(type.name)) return;
  seen.add(type.name);
  add(type.name, path, 'input');
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) useInputType(getNamedType(field.type), path, add, seen);
  }
}

function dedupe(uses: OperationUse[]): OperationUse[] {
  const seen = new Set<string>();
  return uses.filter((use) => {
    const key = `${use.coordinate}\n${use.path}\n${use.position}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
