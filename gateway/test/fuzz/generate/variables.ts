import {
  GraphQLNonNull,
  isNonNullType,
  Kind,
  type ConstValueNode,
  type GraphQLInputType,
  type GraphQLScalarType,
  type TypeNode,
  type VariableDefinitionNode,
  type VariableNode,
} from 'graphql';
import type { Random } from '../random.js';
import { toLiteral, type Values } from './values.js';

/** The operation's variables as the generator declares them, and the values sent with it. */
export class Variables {
  readonly definitions: VariableDefinitionNode[] = [];
  readonly values: Record<string, unknown> = {};

  constructor(
    private readonly random: Random,
    private readonly draw: Values,
    private readonly boolean: GraphQLScalarType,
  ) {}

  /** A new variable of `type`: sometimes with a default, sometimes left out where it may be. */
  declare(type: GraphQLInputType): VariableNode {
    const name = `v${this.definitions.length}`;
    const defaultValue = this.random.chance(0.2) ? this.draw.literal(type) : undefined;
    this.definitions.push({ kind: Kind.VARIABLE_DEFINITION, variable: variableNode(name), type: typeNodeOf(type), ...(defaultValue ? { defaultValue } : {}) });
    const optional = !isNonNullType(type) || defaultValue !== undefined;
    if (!(optional && this.random.chance(0.2))) this.values[name] = this.draw.json(type);
    return variableNode(name);
  }

  /** The `if:` of a @skip or @include: a literal, a `Boolean!` variable, or a `Boolean` one with a default. */
  condition(): ConstValueNode | VariableNode {
    if (this.random.chance(0.5)) return toLiteral(this.random.chance(0.5), this.boolean);
    if (this.random.chance(0.7)) return this.declare(new GraphQLNonNull(this.boolean));
    const variable = this.declare(this.boolean);
    // A nullable variable stands for `if: Boolean!` only with a default (a null sent for it is fair game).
    const definition = this.definitions[this.definitions.length - 1]!;
    if (!definition.defaultValue || definition.defaultValue.kind === Kind.NULL) {
      this.definitions[this.definitions.length - 1] = { ...definition, defaultValue: { kind: Kind.BOOLEAN, value: this.random.chance(0.5) } };
    }
    return variable;
  }
}

function variableNode(name: string): VariableNode {
  return { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } };
}

function typeNodeOf(type: GraphQLInputType): TypeNode {
  if (isNonNullType(type)) return { kind: Kind.NON_NULL_TYPE, type: typeNodeOf(type.ofType) as never };
  if ('ofType' in type) return { kind: Kind.LIST_TYPE, type: typeNodeOf(type.ofType as GraphQLInputType) };
  return { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: type.name } };
}
