import { Kind, parse, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode, type TypeNode } from 'graphql';
import { normaliseFieldSet } from './entity-keys.js';
import { booleanArgument, federationDirectiveNames, stringArgument, type FederationDirective } from './federation-directives.js';

/** One field as one subgraph declares it, with the federation directives that move data. */
export interface FieldModel {
  name: string;
  /** The named type it returns, lists and non-null taken off. */
  type: string;
  /** Declared @external (on the field or its type): another subgraph resolves it. */
  external: boolean;
  requires?: string;
  provides?: string;
  /** `@override(from: …)`: the subgraph it takes the field over from. */
  overrideFrom?: string;
  /** `@fromContext(field: …)` on its arguments: `[argument, field set]`. */
  fromContext: Array<[string, string]>;
}

export interface TypeModel {
  name: string;
  kind: 'object' | 'interface' | 'union' | 'other';
  interfaceObject: boolean;
  /** Resolvable keys: the gateway sends this subgraph representations with these fields. */
  resolvableKeys: string[];
  implements: string[];
  members: string[];
  /** `@context(name: …)` names set on the type. */
  contexts: string[];
  fields: Map<string, FieldModel>;
}

export interface SubgraphModel {
  name: string;
  types: Map<string, TypeModel>;
}

/**
 * Every subgraph's SDL read for the data-flow analysis: its types, fields and federation
 * directives, with the type relations (interfaces, @interfaceObject, unions) merged across the
 * graph. Built from the SDL alone, without composing, so a check can say what flows a change
 * would open even when it does not compose.
 */
export class GraphModel {
  readonly subgraphs = new Map<string, SubgraphModel>();
  private readonly parents = new Map<string, Set<string>>();
  private readonly unionMembers = new Map<string, Set<string>>();
  private readonly families = new Map<string, ReadonlySet<string>>();

  constructor(subgraphs: ReadonlyArray<{ name: string; sdl: string }>) {
    for (const { name, sdl } of subgraphs) {
      let document: DocumentNode;
      try {
        document = parse(sdl);
      } catch {
        continue; // composition reports it; a subgraph that does not parse is never published
      }
      const model = readSubgraph(name, document);
      this.subgraphs.set(name, model);
      for (const type of model.types.values()) {
        for (const parent of type.implements) add(this.parents, type.name, parent);
        for (const member of type.members) add(this.unionMembers, type.name, member);
      }
    }
  }

  /**
   * The type, every interface above it and every type below it (not its siblings): a field
   * classified on `Applicant` is the same datum on `Person`, and `Person.profileFacts` is what a
   * subgraph's `@interfaceObject` Applicant asks for.
   */
  family(type: string): ReadonlySet<string> {
    let family = this.families.get(type);
    if (family) return family;
    const found = new Set([type]);
    const up = [type];
    while (up.length > 0) {
      for (const parent of this.parents.get(up.pop()!) ?? []) if (!found.has(parent)) found.add(parent), up.push(parent);
    }
    const below = [type];
    while (below.length > 0) {
      const current = below.pop()!;
      for (const [child, parents] of this.parents) if (parents.has(current) && !found.has(child)) found.add(child), below.push(child);
    }
    family = found;
    this.families.set(type, family);
    return family;
  }

  /** The object types a value of this type can be (a union's members, itself otherwise). */
  possibleTypes(type: string): string[] {
    const members = this.unionMembers.get(type);
    return members ? [...members] : [type];
  }

  /** Subgraphs the gateway sends representations of this type to: a resolvable key on it or on one of its family. */
  resolvers(type: string): string[] {
    const family = this.family(type);
    const found: string[] = [];
    for (const subgraph of this.subgraphs.values()) {
      if ([...family].some((t) => (subgraph.types.get(t)?.resolvableKeys.length ?? 0) > 0)) found.push(subgraph.name);
    }
    return found;
  }

  /** Whether the subgraph resolves the field itself (declares it, not @external) on the type or its family. */
  resolvesField(subgraph: string, type: string, field: string): boolean {
    const model = this.subgraphs.get(subgraph);
    if (!model) return false;
    for (const t of this.family(type)) {
      const f = model.types.get(t)?.fields.get(field);
      if (f && !f.external) return true;
    }
    return false;
  }

  /** The named type of a field, as the subgraph declares it, else as any subgraph does. */
  fieldType(subgraph: string, type: string, field: string): string | undefined {
    const own = this.subgraphs.get(subgraph);
    const candidates = [own, ...this.subgraphs.values()].filter((s): s is SubgraphModel => s !== undefined);
    for (const model of candidates) {
      for (const t of [type, ...this.family(type)]) {
        const found = model.types.get(t)?.fields.get(field);
        if (found) return found.type;
      }
    }
    return undefined;
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

function readSubgraph(name: string, document: DocumentNode): SubgraphModel {
  const directiveOf = federationDirectiveNames(document);
  const has = (directives: readonly ConstDirectiveNode[] | undefined, which: FederationDirective) => (directives ?? []).filter((d) => directiveOf(d.name.value) === which);
  const types = new Map<string, TypeModel>();
  const typeOf = (typeName: string, kind: TypeModel['kind']): TypeModel => {
    let type = types.get(typeName);
    if (!type) {
      type = { name: typeName, kind, interfaceObject: false, resolvableKeys: [], implements: [], members: [], contexts: [], fields: new Map() };
      types.set(typeName, type);
    }
    if (type.kind === 'other') type.kind = kind;
    return type;
  };

  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION: {
        const isInterface = definition.kind === Kind.INTERFACE_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_EXTENSION;
        const type = typeOf(definition.name.value, isInterface ? 'interface' : 'object');
        if (has(definition.directives, 'interfaceObject').length > 0) type.interfaceObject = true;
        for (const key of has(definition.directives, 'key')) {
          const fields = stringArgument(key, 'fields');
          if (fields !== undefined && booleanArgument(key, 'resolvable') !== false) type.resolvableKeys.push(normaliseFieldSet(fields));
        }
        for (const context of has(definition.directives, 'context')) {
          const contextName = stringArgument(context, 'name');
          if (contextName) type.contexts.push(contextName);
        }
        type.implements.push(...(definition.interfaces ?? []).map((i) => i.name.value));
        const typeExternal = has(definition.directives, 'external').length > 0;
        for (const field of definition.fields ?? []) type.fields.set(field.name.value, readField(field, typeExternal, has));
        break;
      }
      case Kind.UNION_TYPE_DEFINITION:
      case Kind.UNION_TYPE_EXTENSION:
        typeOf(definition.name.value, 'union').members.push(...(definition.types ?? []).map((t) => t.name.value));
        break;
      default:
        break;
    }
  }
  return { name, types };
}

function readField(
  field: FieldDefinitionNode,
  typeExternal: boolean,
  has: (directives: readonly ConstDirectiveNode[] | undefined, which: FederationDirective) => ConstDirectiveNode[],
): FieldModel {
  const requires = has(field.directives, 'requires')[0];
  const provides = has(field.directives, 'provides')[0];
  const override = has(field.directives, 'override')[0];
  const fromContext: Array<[string, string]> = [];
  for (const argument of field.arguments ?? []) {
    for (const directive of has(argument.directives, 'fromContext')) fromContext.push([argument.name.value, stringArgument(directive, 'field') ?? '']);
  }
  return {
    name: field.name.value,
    type: namedType(field.type),
    external: typeExternal || has(field.directives, 'external').length > 0,
    ...(requires ? { requires: stringArgument(requires, 'fields') ?? '' } : {}),
    ...(provides ? { provides: stringArgument(provides, 'fields') ?? '' } : {}),
    ...(override ? { overrideFrom: stringArgument(override, 'from') ?? '' } : {}),
    fromContext,
  };
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}
