import { isEnumType, isInputObjectType, isListType, isNonNullType, isRequiredInputField, Kind, type ConstValueNode, type GraphQLInputType } from 'graphql';
import type { Random } from '../random.js';

/** The values the generator writes for scalars: the zoo's ids and strings, small numbers. */
export interface ValuePools {
  ids: readonly string[];
  strings: readonly string[];
}

/**
 * Input values, as JSON (a variable's value) or as a literal in the document. Both come from
 * one draw so a literal and a variable of one type range over the same values.
 */
export class Values {
  constructor(
    private readonly random: Random,
    private readonly pools: ValuePools,
  ) {}

  json(type: GraphQLInputType): unknown {
    if (isNonNullType(type)) return this.present(type.ofType);
    return this.random.chance(0.1) ? null : this.present(type);
  }

  literal(type: GraphQLInputType): ConstValueNode {
    return toLiteral(this.json(type), type);
  }

  private present(type: GraphQLInputType): unknown {
    if (isNonNullType(type)) return this.present(type.ofType);
    if (isListType(type)) {
      // A single value where a list is expected is coerced to a list of one: worth a try too.
      if (this.random.chance(0.1)) return this.json(type.ofType);
      return Array.from({ length: this.random.int(0, 3) }, () => this.json(type.ofType));
    }
    if (isInputObjectType(type)) {
      const value: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        if (isRequiredInputField(field) || this.random.chance(0.5)) value[field.name] = this.json(field.type);
      }
      return value;
    }
    if (isEnumType(type)) return this.random.pick(type.getValues()).name;
    // By name: the schema's scalars need not be this module's instances.
    if (type.name === 'ID') return this.random.pick(this.pools.ids);
    if (type.name === 'Int') return this.random.int(-1, 4);
    if (type.name === 'Float') return this.random.pick([0.5, 1, 2.25, -3]);
    if (type.name === 'Boolean') return this.random.chance(0.5);
    return this.random.pick(this.pools.strings);
  }
}

/** A JSON value of `type` written as a literal. */
export function toLiteral(value: unknown, type: GraphQLInputType): ConstValueNode {
  if (value === null) return { kind: Kind.NULL };
  if (isNonNullType(type)) return toLiteral(value, type.ofType);
  if (isListType(type)) {
    if (!Array.isArray(value)) return toLiteral(value, type.ofType);
    return { kind: Kind.LIST, values: value.map((element) => toLiteral(element, type.ofType)) };
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return {
      kind: Kind.OBJECT,
      fields: Object.entries(value as Record<string, unknown>).map(([name, field]) => ({
        kind: Kind.OBJECT_FIELD,
        name: { kind: Kind.NAME, value: name },
        value: toLiteral(field, fields[name]!.type),
      })),
    };
  }
  if (isEnumType(type)) return { kind: Kind.ENUM, value: String(value) };
  if (typeof value === 'boolean') return { kind: Kind.BOOLEAN, value };
  if (typeof value === 'number') return Number.isInteger(value) && type.name !== 'Float' ? { kind: Kind.INT, value: String(value) } : { kind: Kind.FLOAT, value: String(value) };
  return { kind: Kind.STRING, value: String(value) };
}
