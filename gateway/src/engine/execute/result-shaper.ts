import federation, {
  type CompositeType,
  type FieldSelection,
  type NamedType,
  type Operation,
  type OperationElement,
  type OutputType,
  type Schema,
  type SelectionSet,
} from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';
import { bareObject } from './bare-object.js';

// Read once: every access to a federation-internals export otherwise goes through a getter.
const { ERRORS, isCompositeType, isListType, isNonNullType, isObjectType, isSubtype, isValidLeafValue, Variable } = federation;

/** What @apollo/gateway's computeResponse takes and answers (its resultShaping module). */
export interface ShapeArguments {
  operation: Operation;
  variables?: Record<string, unknown>;
  input: Record<string, unknown> | null | undefined;
  introspectionHandling: (introspectionSelection: FieldSelection) => unknown;
}

export interface ShapedResponse {
  data: Record<string, unknown> | null | undefined;
  errors: GraphQLError[];
}

export type ResultShaper = (args: ShapeArguments) => ShapedResponse;

/** A @skip or @include argument: a constant, or the name of the variable that holds it. */
type Condition = boolean | string;

interface Conditions {
  skip?: Condition;
  include?: Condition;
}

/** A field's type, unwrapped once (isNonNullType and friends are not free per value). */
type TypeStep =
  | { kind: 'nonNull'; type: OutputType; of: TypeStep }
  | { kind: 'list'; type: OutputType; of: TypeStep }
  | { kind: 'composite'; type: CompositeType }
  | { kind: 'leaf'; type: OutputType };

interface ShapedField {
  kind: 'field';
  responseName: string;
  isTypename: boolean;
  /** `__schema` or `__type`: answered by the introspection callback. */
  introspection: FieldSelection | null;
  type: TypeStep;
  selections: Shaped[] | undefined;
  conditions: Conditions | null;
}

interface ShapedFragment {
  kind: 'fragment';
  typeCondition: CompositeType | undefined;
  selections: Shaped[];
  conditions: Conditions | null;
  /** Type condition verdicts by the object's type name. */
  appliesTo: Map<string, boolean>;
}

type Shaped = ShapedField | ShapedFragment;

const NULL_BUBBLE_UP = 1;
const OK = 0;

/**
 * @apollo/gateway's result shaping (filter the fetched data down to what the operation asked,
 * in its order, complete `__typename`, check leaf values, bubble nulls up to the nearest
 * nullable place, with the same errors) for one operation, with the operation's selections read
 * once into plain objects. The stock version walks federation-internals' selection objects on
 * every request, through getters, which was the largest single cost in the gateway's profile.
 * The behaviour is the stock one, line for line; test/result-shaper.test.ts runs both side by side.
 */
export function createResultShaper(operation: Operation): ResultShaper {
  const schema = operation.schema();
  const skipDirective = schema.skipDirective();
  const includeDirective = schema.includeDirective();
  const defaults = operation.collectDefaultedVariableValues();
  const rootType = schema.schemaDefinition.rootType(operation.rootKind)! as CompositeType;
  const namedTypes = new Map<string, NamedType>();

  const typeNamed = (name: string): NamedType | undefined => {
    let type = namedTypes.get(name);
    if (type === undefined) {
      type = schema.type(name);
      // Only the schema's own types are remembered: names come from subgraph data.
      if (type) namedTypes.set(name, type);
    }
    return type;
  };

  const conditionsOf = (element: OperationElement): Conditions | null => {
    const skip = element.appliedDirectivesOf(skipDirective)[0];
    const include = element.appliedDirectivesOf(includeDirective)[0];
    if (!skip && !include) return null;
    const conditionOf = (argument: unknown): Condition => (argument instanceof Variable ? argument.name : (argument as boolean));
    return {
      ...(skip ? { skip: conditionOf(skip.arguments().if) } : {}),
      ...(include ? { include: conditionOf(include.arguments().if) } : {}),
    };
  };

  const compileType = (type: OutputType): TypeStep => {
    if (isNonNullType(type)) return { kind: 'nonNull', type, of: compileType(type.ofType) };
    if (isListType(type)) return { kind: 'list', type, of: compileType(type.ofType) };
    if (isCompositeType(type)) return { kind: 'composite', type };
    return { kind: 'leaf', type };
  };

  const compile = (selectionSet: SelectionSet): Shaped[] =>
    selectionSet.selections().map((selection): Shaped => {
      if (selection.kind === 'FieldSelection') {
        const field = selection.element;
        return {
          kind: 'field',
          responseName: field.responseName(),
          isTypename: field.name === '__typename',
          introspection: field.definition.isSchemaIntrospectionField() ? selection : null,
          type: compileType(field.definition.type!),
          selections: selection.selectionSet ? compile(selection.selectionSet) : undefined,
          conditions: conditionsOf(field),
        };
      }
      return {
        kind: 'fragment',
        typeCondition: selection.element.typeCondition,
        selections: compile(selection.selectionSet),
        conditions: conditionsOf(selection.element),
        appliesTo: new Map(),
      };
    });

  const root = compile(operation.selectionSet);

  return ({ variables, input, introspectionHandling }) => {
    if (!input) return { data: input, errors: [] };
    const run = new Run(schema, typeNamed, { __proto__: null, ...defaults, ...variables }, introspectionHandling);
    const data = bareObject();
    const result = run.applySelections(input, root, data, [], rootType);
    return { data: result === NULL_BUBBLE_UP ? null : data, errors: run.errors };
  };
}

/** One request's shaping: its variables, its errors, and the flags a value's update reports. */
class Run {
  readonly errors: GraphQLError[] = [];
  /** Set by every updateValue before it returns, read by its caller right after. */
  private isInvalid = false;
  private hasErrors = false;

  constructor(
    private readonly schema: Schema,
    private readonly typeNamed: (name: string) => NamedType | undefined,
    private readonly variables: Record<string, unknown>,
    private readonly introspectionHandling: ShapeArguments['introspectionHandling'],
  ) {}

  applySelections(input: Record<string, unknown>, selections: Shaped[], output: Record<string, unknown>, path: Array<string | number>, parentType: CompositeType): number {
    for (const selection of selections) {
      if (selection.conditions && this.shouldSkip(selection.conditions)) continue;
      if (selection.kind === 'field') {
        const responseName = selection.responseName;
        const outputValue = output[responseName];
        if (selection.introspection) {
          if (outputValue === undefined) output[responseName] = this.introspectionHandling(selection.introspection);
          continue;
        }
        let inputValue = (Object.hasOwn(input, responseName) ? input[responseName] : undefined) ?? null;
        if (selection.isTypename) {
          // Root types' names are the supergraph's, and an @interfaceObject's name is no object type.
          if (outputValue === undefined) {
            if (inputValue === null && responseName !== '__typename') inputValue = input.__typename ?? null;
            const type = inputValue !== null && typeof inputValue === 'string' ? (this.typeNamed(inputValue) ?? parentType) : parentType;
            if (!isObjectType(type)) return NULL_BUBBLE_UP;
            output[responseName] = type.name;
          }
          continue;
        }
        path.push(responseName);
        output[responseName] = this.updateValue(outputValue, selection.type, inputValue, selection.selections, path, parentType);
        path.pop();
        if (this.isInvalid) return NULL_BUBBLE_UP;
      } else {
        const typename = input.__typename;
        if (typename && typeof typename !== 'string') throw new Error(`Got unexpected value for __typename: ${String(typename)}`);
        if (this.fragmentApplies(selection, typename as string | undefined, parentType)) {
          const result = this.applySelections(input, selection.selections, output, path, selection.typeCondition ?? parentType);
          if (result === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
        }
      }
    }
    return OK;
  }

  private fragmentApplies(fragment: ShapedFragment, typename: string | undefined, parentType: CompositeType): boolean {
    const condition = fragment.typeCondition;
    if (!condition) return true;
    if (!typename) return isSubtype(condition, parentType);
    let applies = fragment.appliesTo.get(typename);
    if (applies === undefined) {
      const type = this.typeNamed(typename);
      if (!type) return false;
      applies = isSubtype(condition, type);
      fragment.appliesTo.set(typename, applies);
    }
    return applies;
  }

  private shouldSkip(conditions: Conditions): boolean {
    if (conditions.skip !== undefined && this.conditionValue(conditions.skip, 'skip')) return true;
    return conditions.include !== undefined && !this.conditionValue(conditions.include, 'include');
  }

  private conditionValue(condition: Condition, directive: 'skip' | 'include'): boolean {
    if (typeof condition === 'boolean') return condition;
    const value = this.variables[condition];
    // Worded as @apollo/gateway words it: the differential fuzzer compares error messages.
    if (typeof value !== 'boolean') throw new Error(`Unexpected value ${String(value)} for variable $${condition} of @${directive}(if: $${condition})`);
    return value;
  }

  private report(isInvalid: boolean, hasErrors: boolean): void {
    this.isInvalid = isInvalid;
    this.hasErrors = hasErrors;
  }

  /** The output value after applying `selections` to `inputValue`; sets isInvalid (a null to bubble up) and hasErrors. */
  private updateValue(
    outputValue: unknown,
    step: TypeStep,
    inputValue: unknown,
    selections: Shaped[] | undefined,
    path: Array<string | number>,
    parentType: CompositeType,
  ): unknown {
    if (inputValue === undefined) throw new Error('Should not pass undefined for `inputValue` to this method');
    if (outputValue === null || (outputValue !== undefined && !selections)) {
      // Already computed by an earlier selection of the same response name.
      this.report(false, false);
      return outputValue;
    }
    if (step.kind === 'nonNull') {
      const updated = this.updateValue(outputValue, step.of, inputValue, selections, path, parentType);
      if (updated === null) {
        if (!this.hasErrors) {
          this.errors.push(ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${describe(path, step.of.type, parentType)}.`, { path: Array.from(path) }));
        }
        this.report(true, true);
        return null;
      }
      this.report(false, false);
      return updated;
    }
    if (inputValue === null) {
      this.report(false, false);
      return null;
    }
    if (step.kind === 'list') return this.updateList(outputValue, step, inputValue, selections, path, parentType);
    if (step.kind === 'composite') return this.updateObject(outputValue, step, inputValue, selections, path, parentType);
    if (outputValue !== undefined) throw new Error(`Excepted output to be undefined but got ${String(step.type)} for type ${String(step.type)}`);
    const valid = isValidLeafValue(this.schema, inputValue, step.type as Parameters<typeof isValidLeafValue>[2]);
    if (!valid) this.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describe(path, step.type, parentType)}.`, { path: Array.from(path) }));
    this.report(false, !valid);
    return valid ? inputValue : null;
  }

  private updateList(
    outputValue: unknown,
    step: TypeStep & { kind: 'list' },
    inputValue: unknown,
    selections: Shaped[] | undefined,
    path: Array<string | number>,
    parentType: CompositeType,
  ): unknown {
    if (!Array.isArray(inputValue)) throw new Error(`Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${String(step.type)}`);
    if (outputValue !== undefined && !Array.isArray(outputValue))
      throw new Error(`Invalid non-list value ${String(outputValue)} returned by subgraph for list type ${String(step.type)}`);
    const length = inputValue.length;
    if (outputValue !== undefined && (outputValue as unknown[]).length !== length) {
      throw new Error(`[${String(inputValue)}].length (${length}) !== [${String(outputValue)}].length (${(outputValue as unknown[]).length})`);
    }
    const previous = outputValue as unknown[] | undefined;
    const updated = new Array<unknown>(length);
    let shouldNullify = false;
    let hasErrors = false;
    for (let i = 0; i < length; i++) {
      path.push(i);
      updated[i] = this.updateValue(previous ? previous[i] : undefined, step.of, inputValue[i], selections, path, parentType);
      path.pop();
      shouldNullify ||= this.isInvalid;
      hasErrors ||= this.hasErrors;
    }
    this.report(false, hasErrors);
    return shouldNullify ? null : updated;
  }

  private updateObject(
    outputValue: unknown,
    step: TypeStep & { kind: 'composite' },
    inputValue: unknown,
    selections: Shaped[] | undefined,
    path: Array<string | number>,
    parentType: CompositeType,
  ): unknown {
    if (!selections) throw new Error(`Invalid empty selection set for composite type ${String(step.type)}`);
    if (typeof inputValue !== 'object') throw new Error(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${String(step.type)}`);
    if (outputValue !== undefined && typeof outputValue !== 'object')
      throw new Error(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${String(step.type)}`);
    const input = inputValue as Record<string, unknown>;
    const inputTypename = input.__typename;
    if (inputTypename !== undefined && typeof inputTypename !== 'string') throw new Error(`Invalid non-string value ${String(inputTypename)} for __typename at ${String(path)}`);
    let objectType: CompositeType = step.type;
    if (inputTypename) {
      const type = this.typeNamed(inputTypename);
      if (!type || !isCompositeType(type)) {
        // The API schema lacks it (e.g. @inaccessible): the name is not repeated in the message.
        this.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${describe(path, step.type, parentType)}.`, { path: Array.from(path) }));
        this.report(false, true);
        return null;
      }
      objectType = type;
    }
    const output = (outputValue === undefined ? bareObject() : outputValue) as Record<string, unknown>;
    const bubbled = this.applySelections(input, selections, output, path, objectType) === NULL_BUBBLE_UP;
    this.report(false, bubbled);
    return bubbled ? null : output;
  }
}

function describe(path: ReadonlyArray<string | number>, currentType: OutputType, parentType: CompositeType): string {
  const element = path[path.length - 1];
  if (element === undefined) throw new Error('Should not have been called on an empty path');
  return typeof element === 'string' ? `field ${String(parentType)}.${element}` : `array element of type ${String(currentType)} at index ${element}`;
}
