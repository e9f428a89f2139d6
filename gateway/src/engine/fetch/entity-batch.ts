import { Kind, parse, print, visit, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { RepresentationIndex } from './entity-dedupe.js';
import { OwnCopies } from './own-copies.js';

/** The part of a subgraph request a batch reads and writes. */
export interface EntityFetchRequest {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

interface SubgraphAnswer {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message?: string; path?: ReadonlyArray<string | number> }>;
}

/** Several `_entities` fetches to one subgraph as one request, and how to split its answer. */
export interface EntityBatch {
  request: { query: string; operationName: string; variables: Record<string, unknown> };
  document: DocumentNode;
  /** One answer per fetch, in the order given, each as if that fetch had been sent alone. */
  split<T extends SubgraphAnswer>(answer: T): T[];
}

/** One `_entities` field of the combined operation: the fetches that asked exactly this. */
interface Group {
  alias: string;
  /** Each distinct representation of the group's fetches, once. */
  representations: unknown[];
  /** Per fetch of the group (by its index in the batch): where each of its representations went. */
  positions: Map<number, number[]>;
}

interface CombinedDocument {
  document: DocumentNode;
  query: string;
  operationName: string;
}

/**
 * Combined documents by the texts of their groups' operations. Query plans are cached, so the
 * same few combinations come back on every request of an operation; bounded like a plan cache.
 */
const combinedDocuments = new Map<string, CombinedDocument | null>();
const MAX_COMBINED_DOCUMENTS = 1_000;
const OPERATION_NAME = /^\s*query\s+[_A-Za-z][_0-9A-Za-z]*/;

/**
 * Combines the `_entities` fetches that one client request sends to one subgraph at the same
 * moment (the executor runs a plan's parallel branches together, and @apollo/gateway's planner
 * often puts several fetches to the same subgraph side by side) into one operation with an
 * aliased `_entities` field per distinct fetch operation. Fetches asking the same thing share a
 * field, and every distinct representation among them is sent once. Returns null when a fetch is
 * not a plain `_entities` operation, so the caller sends them one by one.
 */
export function combineEntityFetches(requests: readonly EntityFetchRequest[]): EntityBatch | null {
  const groups: Group[] = [];
  const groupKeys = new Map<string, number>();
  const groupTexts: string[] = [];
  const groupOtherVariables: Array<Record<string, unknown>> = [];
  const groupOfFetch: number[] = [];
  const indexes: RepresentationIndex[] = [];
  for (let fetch = 0; fetch < requests.length; fetch++) {
    const { query, variables } = requests[fetch]!;
    const representations = variables?.representations;
    if (!query || !Array.isArray(representations)) return null;
    const { representations: _, ...others } = variables!;
    // Usually no other variables: the key is the text alone.
    const othersKey = Object.keys(others).length ? JSON.stringify(others) : '';
    // The planner names each fetch apart (`Op__inventory__3`); the same selection under two names is one group.
    const key = `${query.replace(OPERATION_NAME, 'query')}\u0000${othersKey}`;
    let group = groupKeys.get(key);
    if (group === undefined) {
      group = groups.length;
      groupKeys.set(key, group);
      groups.push({ alias: `_${group}`, representations: [], positions: new Map() });
      groupTexts.push(query);
      groupOtherVariables.push(others);
      indexes.push(new RepresentationIndex());
    }
    groupOfFetch.push(group);
    const target = groups[group]!;
    const index = indexes[group]!;
    const positions = new Array<number>(representations.length);
    for (let i = 0; i < representations.length; i++) {
      const position = index.indexOf(representations[i]);
      if (position === target.representations.length) target.representations.push(representations[i]);
      positions[i] = position;
    }
    target.positions.set(fetch, positions);
  }

  const combined = combinedDocument(groupTexts);
  if (!combined) return null;
  const variables: Record<string, unknown> = {};
  groups.forEach((group, g) => {
    variables[renamedVariable(g, 'representations')] = group.representations;
    for (const [name, value] of Object.entries(groupOtherVariables[g]!)) variables[renamedVariable(g, name)] = value;
  });
  return {
    request: { query: combined.query, operationName: combined.operationName, variables },
    document: combined.document,
    split: (answer) => {
      // Fetches of one group share the answer's entities: each gets its own objects (own-copies.ts).
      const copies = new OwnCopies();
      return requests.map((_, fetch) => answerFor(answer, groups[groupOfFetch[fetch]!]!, groups, fetch, copies));
    },
  };
}

function combinedDocument(texts: readonly string[]): CombinedDocument | null {
  const key = texts.join('\u0001');
  let combined = combinedDocuments.get(key);
  if (combined === undefined) {
    combined = buildCombinedDocument(texts);
    if (combinedDocuments.size >= MAX_COMBINED_DOCUMENTS) combinedDocuments.delete(combinedDocuments.keys().next().value!);
    combinedDocuments.set(key, combined);
  }
  return combined;
}

/**
 * Each group's operation renamed apart (its variables `$g<i>_<name>`, its fragments
 * `<Name>_g<i>`, its `_entities` field aliased `_<i>`), then one query with all the fields,
 * variable definitions and fragments.
 */
function buildCombinedDocument(texts: readonly string[]): CombinedDocument | null {
  const variableDefinitions: NonNullable<OperationDefinitionNode['variableDefinitions']>[number][] = [];
  const fields: FieldNode[] = [];
  const fragments: FragmentDefinitionNode[] = [];
  let firstName: string | undefined;
  for (let g = 0; g < texts.length; g++) {
    let document: DocumentNode;
    try {
      document = parse(texts[g]!, { noLocation: true });
    } catch {
      return null;
    }
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operations[0];
    if (operations.length !== 1 || operation!.operation !== 'query') return null;
    const [field, ...rest] = operation!.selectionSet.selections;
    if (rest.length || field?.kind !== Kind.FIELD || field.name.value !== '_entities' || field.alias || field.directives?.length) return null;
    firstName ??= operation!.name?.value;
    const renamed = visit(document, {
      Variable: (node) => ({ ...node, name: { ...node.name, value: renamedVariable(g, node.name.value) } }),
      FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: renamedFragment(g, node.name.value) } }),
      FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: renamedFragment(g, node.name.value) } }),
    });
    for (const definition of renamed.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.push(definition);
      else if (definition.kind === Kind.OPERATION_DEFINITION) {
        variableDefinitions.push(...(definition.variableDefinitions ?? []));
        const entities = definition.selectionSet.selections[0] as FieldNode;
        fields.push({ ...entities, alias: { kind: Kind.NAME, value: `_${g}` } });
      }
    }
  }
  const operationName = `${firstName ?? 'Entities'}__batch`;
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: 'query' as OperationDefinitionNode['operation'],
        name: { kind: Kind.NAME, value: operationName },
        variableDefinitions,
        selectionSet: { kind: Kind.SELECTION_SET, selections: fields },
      },
      ...fragments,
    ],
  };
  return { document, query: print(document), operationName };
}

function renamedVariable(group: number, name: string): string {
  return `g${group}_${name}`;
}

function renamedFragment(group: number, name: string): string {
  return `${name}_g${group}`;
}

/**
 * The answer one fetch would have had alone: its entities in its own order (null stays null), the
 * errors at its group's field moved to `_entities.<its index>` for every one of its
 * representations that shared the failed one, errors at other groups' fields left out, and
 * errors with no such path (a failure of the whole request) given to every fetch, as each would
 * have had it when sent alone.
 */
function answerFor<T extends SubgraphAnswer>(answer: T, group: Group, groups: readonly Group[], fetch: number, copies: OwnCopies): T {
  const positions = group.positions.get(fetch)!;
  const result: T = { ...answer };
  const data = answer.data;
  if (data !== null && data !== undefined) {
    const entities = data[group.alias];
    result.data = {
      _entities: Array.isArray(entities) && entities.length === group.representations.length ? positions.map((i) => copies.take(entities[i])) : entities,
    };
  }
  if (answer.errors) {
    const errors = [];
    for (const error of answer.errors) {
      const path = error.path;
      const atIndex = typeof path?.[1] === 'number' ? path[1] : -1;
      if (path && path[0] === group.alias && atIndex >= 0) {
        for (let i = 0; i < positions.length; i++) if (positions[i] === atIndex) errors.push({ ...error, path: ['_entities', i, ...path.slice(2)] });
      } else if (path && path[0] === group.alias) errors.push({ ...error, path: ['_entities', ...path.slice(1)] });
      else if (!path || !groups.some((other) => other.alias === path[0])) errors.push(error);
    }
    if (errors.length) result.errors = errors;
    else delete result.errors;
  }
  return result;
}
