import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { hostileString, hostileValue } from './hostile-values.js';
import type { RandomSource } from './random-source.js';

/**
 * Random documents built from the API schema: real root fields, real selections, arguments that
 * are sometimes right and often not, depths on both sides of the gateway's limits.
 */
export function schemaDocument(random: RandomSource, schema: GraphQLSchema): { document: string; variables: Record<string, unknown> } {
  const mutation = schema.getMutationType();
  const root = mutation && random.chance(0.25) ? mutation : schema.getQueryType()!;
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const maxDepth = random.pick([1, 2, 3, 4, 6, 8, 12]);
  const rootFields = Object.values(root.getFields());
  const selections = Array.from({ length: random.pick([1, 1, 1, 2, 3, 12]) }, (_, i) => {
    const field = random.pick(rootFields);
    return `${i > 0 ? `f${i}: ` : ''}${fieldText(field)}`;
  });
  const operation = root === mutation ? 'mutation' : 'query';
  const header = declarations.length > 0 ? `${operation} Hostile(${declarations.join(', ')})` : operation;
  return { document: `${header} { ${selections.join(' ')} }`, variables: variablesAsJson(variables) };

  function fieldText(field: GraphQLField<unknown, unknown>, depth = 0): string {
    const args = field.args
      .filter((arg) => getNullableType(arg.type) !== arg.type || random.chance(0.5) || random.chance(0.1))
      .filter(() => !random.chance(0.05))
      .map((arg) => `${arg.name}: ${argumentText(arg.name, arg.type)}`);
    if (random.chance(0.05)) args.push(`${random.pick(['id', 'first', 'where', 'limit'])}: ${literal(hostileValue(random))}`);
    const argText = args.length > 0 ? `(${args.join(', ')})` : '';
    return `${field.name}${argText}${selectionText(getNamedType(field.type), depth + 1)}`;
  }

  function selectionText(type: GraphQLNamedType, depth: number): string {
    if (isScalarType(type) || isEnumType(type)) return '';
    if (depth > maxDepth) return ' { __typename }';
    const parts: string[] = [];
    if (isAbstractType(type)) {
      parts.push('__typename');
      for (const possible of schema.getPossibleTypes(type)) {
        if (random.chance(0.5)) parts.push(`... on ${possible.name}${selectionText(possible, depth)}`);
      }
      return ` { ${parts.join(' ')} }`;
    }
    if (!isObjectType(type)) return ' { __typename }';
    const fields = Object.values(type.getFields());
    const count = Math.min(fields.length, random.pick([1, 2, 3, 5]));
    for (let i = 0; i < count; i++) {
      const field = random.pick(fields);
      const alias = random.chance(0.1) ? `a${i}: ` : '';
      parts.push(alias + fieldText(field, depth));
    }
    return ` { ${parts.join(' ')} }`;
  }

  function argumentText(name: string, type: GraphQLInputType): string {
    if (random.chance(0.3)) {
      const variable = `v${declarations.length}`;
      declarations.push(`$${variable}: ${String(type)}`);
      variables[variable] = random.chance(0.5) ? validValue(type) : hostileValue(random);
      return `$${variable}`;
    }
    return literal(random.chance(0.5) ? validValue(type) : hostileValue(random), isEnumType(getNamedType(type)) && random.chance(0.5) ? name : undefined);
  }

  function validValue(type: GraphQLInputType, depth = 0): unknown {
    const nullable = getNullableType(type);
    if (isListType(nullable)) return depth > 3 ? [] : [validValue(nullable.ofType as GraphQLInputType, depth + 1)];
    if (isEnumType(nullable)) return { enum: random.pick(nullable.getValues()).name };
    if (isInputObjectType(nullable)) {
      const out: Record<string, unknown> = {};
      for (const field of Object.values(nullable.getFields())) {
        if (getNullableType(field.type) !== field.type || random.chance(0.5)) out[field.name] = depth > 3 ? null : validValue(field.type, depth + 1);
      }
      return out;
    }
    switch (nullable.name) {
      case 'Int':
        return random.pick([0, 1, 20, 2025, 100_000]);
      case 'Float':
        return 1.5;
      case 'Boolean':
        return random.chance(0.5);
      case 'Date':
        return random.pick(['2026-01-01', '2026-02-30', '1900-01-01']);
      case 'DateTime':
        return '2026-11-20T02:00:00.000Z';
      default:
        return random.chance(0.5) ? random.pick(['JJ-0101', 'E-000001', 'P-000002', 'AP-2026-00000001', '440300', 'SPJYXKZ']) : hostileString(random, 200);
    }
  }
}

/** A value as a GraphQL literal; `{ enum: NAME }` prints as a bare enum value. */
function literal(value: unknown, _hint?: string): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => literal(v)).join(', ')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.enum === 'string' && Object.keys(record).length === 1) return record.enum;
    return `{ ${Object.entries(record)
      .filter(([key]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key))
      .map(([key, v]) => `${key}: ${literal(v)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return JSON.stringify(value);
}

/** Enum values in variables travel as their names. */
export function variablesAsJson(variables: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(variables, (_key, value) =>
      value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && typeof value.enum === 'string' ? value.enum : value,
    ),
  );
}
