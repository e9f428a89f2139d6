import {
  astFromValue,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isNamedType,
  isNonNullType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  print,
  type GraphQLArgument,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
  type GraphQLUnionType,
} from 'graphql';

/** Changes that can break an operation a client sends today. */
export type BreakingChangeKind =
  | 'TYPE_REMOVED'
  | 'TYPE_RENAMED'
  | 'TYPE_CHANGED_KIND'
  | 'FIELD_REMOVED'
  | 'FIELD_RENAMED'
  | 'FIELD_TYPE_CHANGED'
  | 'FIELD_NULLABILITY_LOOSENED'
  | 'INPUT_FIELD_REMOVED'
  | 'INPUT_FIELD_RENAMED'
  | 'INPUT_FIELD_TYPE_CHANGED'
  | 'INPUT_FIELD_NULLABILITY_TIGHTENED'
  | 'REQUIRED_INPUT_FIELD_ADDED'
  | 'ARG_REMOVED'
  | 'ARG_TYPE_CHANGED'
  | 'ARG_NULLABILITY_TIGHTENED'
  | 'REQUIRED_ARG_ADDED'
  | 'ENUM_VALUE_REMOVED'
  | 'UNION_MEMBER_REMOVED'
  | 'INTERFACE_REMOVED'
  | 'KEY_REMOVED'
  | 'KEY_CHANGED';

/** Changes that break nothing that validates, but may surprise a client (an exhaustive switch, a default). */
export type WarningKind = 'ENUM_VALUE_ADDED' | 'UNION_MEMBER_ADDED' | 'INTERFACE_ADDED' | 'ARG_DEFAULT_CHANGED' | 'INPUT_FIELD_DEFAULT_CHANGED' | 'REFERENCE_KEY_CHANGED';

export type AdditionKind = 'TYPE_ADDED' | 'FIELD_ADDED' | 'OPTIONAL_ARG_ADDED' | 'OPTIONAL_INPUT_FIELD_ADDED' | 'KEY_ADDED';

/**
 * Which uses in an operation a change reaches, as schema coordinates: `Type`, `Type.field`,
 * `Type.field(arg:)`, `Enum.VALUE`, `Type.*` for the type and everything in it, or `in:Type`
 * for the type only where the operation sends it (variables, arguments).
 */
export interface UsageMatch {
  /** An operation is affected by any use of one of these… */
  any: string[];
  /** …provided it also uses every one of these (a union member spread inside that union). */
  all?: string[];
}

export interface SchemaChange<Kind extends string = string> {
  kind: Kind;
  /** The schema coordinate the change is about, e.g. `Licence.validTo` or `Query.licences(status:)`. */
  coordinate: string;
  message: string;
  match: UsageMatch;
}

export interface SchemaDiff {
  breaking: SchemaChange<BreakingChangeKind>[];
  warnings: SchemaChange<WarningKind>[];
  additions: SchemaChange<AdditionKind>[];
}

export interface DiffOptions {
  /**
   * Comparing one subgraph's own schemas (when composition failed): leave out federation's
   * `_`-names, entity stubs (`resolvable: false`) and `@external` fields, which are other
   * subgraphs' contributions.
   */
  subgraph?: boolean;
}

export function emptyDiff(): SchemaDiff {
  return { breaking: [], warnings: [], additions: [] };
}

/**
 * What changed between two schemas, for clients: every change that can break an operation
 * (the cases graphql-js's findBreakingChanges knows, plus renames told apart from removals and
 * nullability told apart from other type changes), the risky ones, and the additions.
 */
export function diffSchemas(oldSchema: GraphQLSchema, newSchema: GraphQLSchema, options: DiffOptions = {}): SchemaDiff {
  const diff = emptyDiff();
  const oldTypes = namedTypes(oldSchema, options);
  const newTypes = namedTypes(newSchema, options);
  const added = [...newTypes.values()].filter((type) => !oldTypes.has(type.name));
  const renameTargets = new Set<string>();

  for (const oldType of oldTypes.values()) {
    const newType = newTypes.get(oldType.name);
    if (!newType) {
      const renamed = renamedType(oldType, added);
      if (renamed) {
        renameTargets.add(renamed.name);
        diff.breaking.push({
          kind: 'TYPE_RENAMED',
          coordinate: oldType.name,
          message: `${oldType.name} was renamed to ${renamed.name} (removed, and a ${kindOf(renamed)} with the same members added)`,
          match: { any: [`${oldType.name}.*`] },
        });
      } else {
        diff.breaking.push({
          kind: 'TYPE_REMOVED',
          coordinate: oldType.name,
          message: `${kindOf(oldType)} ${oldType.name} was removed`,
          match: { any: [`${oldType.name}.*`] },
        });
      }
      continue;
    }
    if (kindOf(oldType) !== kindOf(newType)) {
      diff.breaking.push({
        kind: 'TYPE_CHANGED_KIND',
        coordinate: oldType.name,
        message: `${oldType.name} changed from ${article(kindOf(oldType))} to ${article(kindOf(newType))}`,
        match: { any: [`${oldType.name}.*`] },
      });
      continue;
    }
    if ((isObjectType(oldType) || isInterfaceType(oldType)) && (isObjectType(newType) || isInterfaceType(newType))) {
      diffOutputType(diff, oldType, newType, options);
    } else if (isInputObjectType(oldType) && isInputObjectType(newType)) {
      diffInputType(diff, oldType, newType);
    } else if (isEnumType(oldType) && isEnumType(newType)) {
      diffEnum(diff, oldType, newType);
    } else if (isUnionType(oldType) && isUnionType(newType)) {
      diffUnion(diff, oldType, newType);
    }
  }
  for (const type of added) {
    if (renameTargets.has(type.name)) continue;
    diff.additions.push({ kind: 'TYPE_ADDED', coordinate: type.name, message: `${kindOf(type)} ${type.name} was added`, match: { any: [] } });
  }
  return diff;
}

function diffOutputType(diff: SchemaDiff, oldType: GraphQLObjectType | GraphQLInterfaceType, newType: GraphQLObjectType | GraphQLInterfaceType, options: DiffOptions): void {
  const oldInterfaces = new Set(oldType.getInterfaces().map((i) => i.name));
  const newInterfaces = new Set(newType.getInterfaces().map((i) => i.name));
  for (const name of oldInterfaces) {
    if (newInterfaces.has(name)) continue;
    diff.breaking.push({
      kind: 'INTERFACE_REMOVED',
      coordinate: oldType.name,
      message: `${oldType.name} no longer implements ${name}`,
      match: { any: [oldType.name, name], all: [oldType.name, name] },
    });
  }
  for (const name of newInterfaces) {
    if (oldInterfaces.has(name)) continue;
    diff.warnings.push({
      kind: 'INTERFACE_ADDED',
      coordinate: oldType.name,
      message: `${oldType.name} now implements ${name}: operations on ${name} may now meet ${oldType.name}`,
      match: { any: [name] },
    });
  }

  const oldFields = ownFields(oldType, options);
  const newFields = ownFields(newType, options);
  const addedFields = [...newFields.values()].filter((field) => !oldFields.has(field.name));
  const renameTargets = new Set<string>();
  for (const oldField of oldFields.values()) {
    const coordinate = `${oldType.name}.${oldField.name}`;
    const newField = newFields.get(oldField.name);
    if (!newField) {
      const renamed = uniqueBy(addedFields, (field) => sameOutputSignature(oldField, field));
      if (renamed) {
        renameTargets.add(renamed.name);
        diff.breaking.push({
          kind: 'FIELD_RENAMED',
          coordinate,
          message: `${coordinate} was renamed to ${oldType.name}.${renamed.name} (removed, and a field of the same type ${String(renamed.type)} added)`,
          match: { any: [coordinate] },
        });
      } else {
        diff.breaking.push({
          kind: 'FIELD_REMOVED',
          coordinate,
          message: `${coordinate} (${String(oldField.type)}) was removed`,
          match: { any: [coordinate] },
        });
      }
      continue;
    }
    if (!safeForOutput(oldField.type, newField.type)) {
      const nullabilityOnly = withoutNonNull(oldField.type) === withoutNonNull(newField.type);
      diff.breaking.push({
        kind: nullabilityOnly ? 'FIELD_NULLABILITY_LOOSENED' : 'FIELD_TYPE_CHANGED',
        coordinate,
        message: nullabilityOnly
          ? `${coordinate} may now be null (${String(oldField.type)} → ${String(newField.type)}): clients counting on a value get null`
          : `${coordinate} changed type from ${String(oldField.type)} to ${String(newField.type)}`,
        match: { any: [coordinate] },
      });
    }
    diffArguments(diff, coordinate, oldField, newField);
  }
  for (const field of addedFields) {
    if (renameTargets.has(field.name)) continue;
    diff.additions.push({
      kind: 'FIELD_ADDED',
      coordinate: `${newType.name}.${field.name}`,
      message: `${newType.name}.${field.name} (${String(field.type)}) was added`,
      match: { any: [] },
    });
  }
}

function diffArguments(diff: SchemaDiff, fieldCoordinate: string, oldField: GraphQLField<unknown, unknown>, newField: GraphQLField<unknown, unknown>): void {
  const newArgs = new Map(newField.args.map((arg) => [arg.name, arg]));
  const oldArgs = new Set(oldField.args.map((arg) => arg.name));
  for (const oldArg of oldField.args) {
    const coordinate = `${fieldCoordinate}(${oldArg.name}:)`;
    const newArg = newArgs.get(oldArg.name);
    if (!newArg) {
      diff.breaking.push({ kind: 'ARG_REMOVED', coordinate, message: `argument ${coordinate} was removed`, match: { any: [coordinate] } });
      continue;
    }
    if (!safeForInput(oldArg.type, newArg.type)) {
      const nullabilityOnly = withoutNonNull(oldArg.type) === withoutNonNull(newArg.type);
      diff.breaking.push(
        nullabilityOnly
          ? {
              kind: 'ARG_NULLABILITY_TIGHTENED',
              coordinate,
              message: `argument ${coordinate} no longer accepts null (${String(oldArg.type)} → ${String(newArg.type)}): operations that omit it or pass a nullable variable fail`,
              // Every operation selecting the field, since leaving the argument out now fails too.
              match: { any: [fieldCoordinate] },
            }
          : {
              kind: 'ARG_TYPE_CHANGED',
              coordinate,
              message: `argument ${coordinate} changed type from ${String(oldArg.type)} to ${String(newArg.type)}`,
              match: { any: [coordinate] },
            },
      );
    } else if (defaultOf(oldArg) !== defaultOf(newArg)) {
      diff.warnings.push({
        kind: 'ARG_DEFAULT_CHANGED',
        coordinate,
        message: `the default of argument ${coordinate} changed from ${defaultOf(oldArg) ?? 'none'} to ${defaultOf(newArg) ?? 'none'}`,
        match: { any: [fieldCoordinate] },
      });
    }
  }
  for (const newArg of newField.args) {
    if (oldArgs.has(newArg.name)) continue;
    const coordinate = `${fieldCoordinate}(${newArg.name}:)`;
    if (isRequired(newArg)) {
      diff.breaking.push({
        kind: 'REQUIRED_ARG_ADDED',
        coordinate,
        message: `required argument ${coordinate} (${String(newArg.type)}) was added: operations that do not pass it fail`,
        match: { any: [fieldCoordinate] },
      });
    } else {
      diff.additions.push({ kind: 'OPTIONAL_ARG_ADDED', coordinate, message: `optional argument ${coordinate} (${String(newArg.type)}) was added`, match: { any: [] } });
    }
  }
}

function diffInputType(diff: SchemaDiff, oldType: GraphQLInputObjectType, newType: GraphQLInputObjectType): void {
  const oldFields = oldType.getFields();
  const newFields = newType.getFields();
  const addedFields = Object.values(newFields).filter((field) => !oldFields[field.name]);
  const renameTargets = new Set<string>();
  for (const oldField of Object.values(oldFields)) {
    const coordinate = `${oldType.name}.${oldField.name}`;
    // Variables of the input type may carry the field, so every operation using the type counts.
    const match = { any: [coordinate, oldType.name] };
    const newField = newFields[oldField.name];
    if (!newField) {
      const renamed = uniqueBy(addedFields, (field) => String(field.type) === String(oldField.type));
      if (renamed) {
        renameTargets.add(renamed.name);
        diff.breaking.push({
          kind: 'INPUT_FIELD_RENAMED',
          coordinate,
          message: `input field ${coordinate} was renamed to ${oldType.name}.${renamed.name} (removed, and a field of the same type ${String(renamed.type)} added)`,
          match,
        });
      } else {
        diff.breaking.push({ kind: 'INPUT_FIELD_REMOVED', coordinate, message: `input field ${coordinate} was removed`, match });
      }
      continue;
    }
    if (!safeForInput(oldField.type, newField.type)) {
      const nullabilityOnly = withoutNonNull(oldField.type) === withoutNonNull(newField.type);
      diff.breaking.push({
        kind: nullabilityOnly ? 'INPUT_FIELD_NULLABILITY_TIGHTENED' : 'INPUT_FIELD_TYPE_CHANGED',
        coordinate,
        message: nullabilityOnly
          ? `input field ${coordinate} no longer accepts null (${String(oldField.type)} → ${String(newField.type)}): inputs that leave it out fail`
          : `input field ${coordinate} changed type from ${String(oldField.type)} to ${String(newField.type)}`,
        match: nullabilityOnly ? { any: [oldType.name] } : match,
      });
    } else if (defaultOf(oldField) !== defaultOf(newField)) {
      diff.warnings.push({
        kind: 'INPUT_FIELD_DEFAULT_CHANGED',
        coordinate,
        message: `the default of input field ${coordinate} changed from ${defaultOf(oldField) ?? 'none'} to ${defaultOf(newField) ?? 'none'}`,
        match,
      });
    }
  }
  for (const field of addedFields) {
    if (renameTargets.has(field.name)) continue;
    const coordinate = `${newType.name}.${field.name}`;
    if (isRequired(field)) {
      diff.breaking.push({
        kind: 'REQUIRED_INPUT_FIELD_ADDED',
        coordinate,
        message: `required input field ${coordinate} (${String(field.type)}) was added: inputs without it fail`,
        match: { any: [oldType.name] },
      });
    } else {
      diff.additions.push({ kind: 'OPTIONAL_INPUT_FIELD_ADDED', coordinate, message: `optional input field ${coordinate} (${String(field.type)}) was added`, match: { any: [] } });
    }
  }
}

function diffEnum(diff: SchemaDiff, oldType: GraphQLEnumType, newType: GraphQLEnumType): void {
  const newValues = new Set(newType.getValues().map((v) => v.name));
  const oldValues = new Set(oldType.getValues().map((v) => v.name));
  for (const value of oldValues) {
    if (newValues.has(value)) continue;
    diff.breaking.push({
      kind: 'ENUM_VALUE_REMOVED',
      coordinate: `${oldType.name}.${value}`,
      message: `enum value ${oldType.name}.${value} was removed`,
      // What an operation sends breaks; reading a value that no longer occurs does not.
      match: { any: [`${oldType.name}.${value}`, `in:${oldType.name}`] },
    });
  }
  for (const value of newValues) {
    if (oldValues.has(value)) continue;
    diff.warnings.push({
      kind: 'ENUM_VALUE_ADDED',
      coordinate: `${newType.name}.${value}`,
      message: `enum value ${newType.name}.${value} was added: clients that switch over ${newType.name} meet a value they do not know`,
      match: { any: [newType.name] },
    });
  }
}

function diffUnion(diff: SchemaDiff, oldType: GraphQLUnionType, newType: GraphQLUnionType): void {
  const newMembers = new Set(newType.getTypes().map((t) => t.name));
  const oldMembers = new Set(oldType.getTypes().map((t) => t.name));
  for (const member of oldMembers) {
    if (newMembers.has(member)) continue;
    diff.breaking.push({
      kind: 'UNION_MEMBER_REMOVED',
      coordinate: oldType.name,
      message: `${member} is no longer a member of union ${oldType.name}`,
      match: { any: [oldType.name, member], all: [oldType.name, member] },
    });
  }
  for (const member of newMembers) {
    if (oldMembers.has(member)) continue;
    diff.warnings.push({
      kind: 'UNION_MEMBER_ADDED',
      coordinate: newType.name,
      message: `${member} was added to union ${newType.name}: clients may meet a type they do not handle`,
      match: { any: [newType.name] },
    });
  }
}

// — helpers —

function namedTypes(schema: GraphQLSchema, options: DiffOptions): Map<string, GraphQLNamedType> {
  const types = new Map<string, GraphQLNamedType>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (options.subgraph && (type.name.startsWith('_') || isEntityStub(type) || hasDirective(type.astNode, 'external'))) continue;
    types.set(type.name, type);
  }
  return types;
}

function ownFields(type: GraphQLObjectType | GraphQLInterfaceType, options: DiffOptions): Map<string, GraphQLField<unknown, unknown>> {
  const fields = new Map<string, GraphQLField<unknown, unknown>>();
  for (const field of Object.values(type.getFields())) {
    if (options.subgraph && (field.name.startsWith('_') || hasDirective(field.astNode, 'external'))) continue;
    fields.set(field.name, field);
  }
  return fields;
}

interface WithDirectives {
  readonly directives?: ReadonlyArray<{
    readonly name: { readonly value: string };
    readonly arguments?: ReadonlyArray<{ readonly name: { readonly value: string }; readonly value: { readonly kind: string } }>;
  }>;
}

function hasDirective(node: WithDirectives | null | undefined, name: string): boolean {
  return node?.directives?.some((d) => d.name.value === name || d.name.value === `federation__${name}`) ?? false;
}

/** `type Department @key(fields: "code", resolvable: false)`: a reference to another subgraph's entity. */
function isEntityStub(type: GraphQLNamedType): boolean {
  const keys = (type.astNode as WithDirectives | null | undefined)?.directives?.filter((d) => d.name.value === 'key' || d.name.value === 'federation__key') ?? [];
  return (
    keys.length > 0 &&
    keys.every((key) => key.arguments?.some((a) => a.name.value === 'resolvable' && a.value.kind === 'BooleanValue' && (a.value as unknown as { value: boolean }).value === false))
  );
}

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'object type';
  if (isInterfaceType(type)) return 'interface';
  if (isUnionType(type)) return 'union';
  if (isEnumType(type)) return 'enum';
  if (isInputObjectType(type)) return 'input type';
  return 'scalar';
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** A removed type whose members reappear under one new name of the same kind: a rename. */
function renamedType(oldType: GraphQLNamedType, added: GraphQLNamedType[]): GraphQLNamedType | undefined {
  const members = membersOf(oldType);
  if (members.length === 0) return undefined;
  return uniqueBy(added, (type) => kindOf(type) === kindOf(oldType) && membersOf(type).join(',') === members.join(','));
}

function membersOf(type: GraphQLNamedType): string[] {
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) return Object.keys(type.getFields()).sort();
  if (isEnumType(type))
    return type
      .getValues()
      .map((v) => v.name)
      .sort();
  if (isUnionType(type))
    return type
      .getTypes()
      .map((t) => t.name)
      .sort();
  return [];
}

function uniqueBy<T>(candidates: T[], test: (candidate: T) => boolean): T | undefined {
  const found = candidates.filter(test);
  return found.length === 1 ? found[0] : undefined;
}

function sameOutputSignature(a: GraphQLField<unknown, unknown>, b: GraphQLField<unknown, unknown>): boolean {
  const args = (field: GraphQLField<unknown, unknown>) =>
    field.args
      .map((arg) => `${arg.name}:${String(arg.type)}`)
      .sort()
      .join(',');
  return String(a.type) === String(b.type) && args(a) === args(b);
}

/** graphql-js's rule: an output may become stricter (non-null), never looser or another type. */
function safeForOutput(oldType: GraphQLType, newType: GraphQLType): boolean {
  if (isListType(oldType)) {
    return (isListType(newType) && safeForOutput(oldType.ofType, newType.ofType)) || (isNonNullType(newType) && safeForOutput(oldType, newType.ofType));
  }
  if (isNonNullType(oldType)) return isNonNullType(newType) && safeForOutput(oldType.ofType, newType.ofType);
  return (isNamedType(newType) && newType.name === (oldType as GraphQLNamedType).name) || (isNonNullType(newType) && safeForOutput(oldType, newType.ofType));
}

/** graphql-js's rule: an input may become looser (nullable), never stricter or another type. */
function safeForInput(oldType: GraphQLType, newType: GraphQLType): boolean {
  if (isListType(oldType)) return isListType(newType) && safeForInput(oldType.ofType, newType.ofType);
  if (isNonNullType(oldType)) {
    return (isNonNullType(newType) && safeForInput(oldType.ofType, newType.ofType)) || (!isNonNullType(newType) && safeForInput(oldType.ofType, newType));
  }
  return isNamedType(newType) && newType.name === (oldType as GraphQLNamedType).name;
}

function withoutNonNull(type: GraphQLType): string {
  return String(type).replace(/!/g, '');
}

function isRequired(input: GraphQLArgument | GraphQLInputField): boolean {
  return isNonNullType(input.type) && input.defaultValue === undefined;
}

function defaultOf(input: GraphQLArgument | GraphQLInputField): string | undefined {
  if (input.defaultValue === undefined) return undefined;
  try {
    const ast = astFromValue(input.defaultValue, input.type as GraphQLInputType);
    return ast ? print(ast) : 'null';
  } catch {
    return JSON.stringify(input.defaultValue);
  }
}
