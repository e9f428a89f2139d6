import { Kind, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { SIZE_ARGUMENTS } from './estimate-cost.js';
import type { OperationMeasure } from './measure-operation.js';

/** Distinct list sizes remembered per operation; further ones are measured every time. */
const MAX_SIZES_PER_OPERATION = 16;

interface DocumentEntry {
  /** The variables whose values the measure reads: those given straight to a `first` / `last` / `limit` argument. */
  sizeVariables: readonly string[];
  byOperation: Map<OperationDefinitionNode, Map<string, OperationMeasure>>;
}

/**
 * Measures kept per parsed document (limits/measure-operation.ts is linear in the document, but a
 * portal sends a handful of documents over and over). Apollo Server parses a query once and hands
 * every request for it the same DocumentNode, so the measure is kept on that object (a WeakMap: it
 * goes when Apollo's document cache drops it) and on the schema (a supergraph swap measures
 * anew). The only thing a measure reads besides the document, the schema and the limits' fixed
 * options is the value of a variable given to a size argument (`first: $first`); those values are
 * part of the key, so `{first: 5}` and `{first: 500}` are measured apart. Only finished measures are
 * kept: an operation refused while measuring (budget, cycle) is measured again each time.
 */
export class MeasureCache {
  private readonly bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, DocumentEntry>>();

  measure(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Readonly<Record<string, unknown>>,
    compute: () => OperationMeasure,
  ): OperationMeasure {
    let documents = this.bySchema.get(schema);
    if (!documents) this.bySchema.set(schema, (documents = new WeakMap()));
    let entry = documents.get(document);
    if (!entry) documents.set(document, (entry = { sizeVariables: sizeVariablesOf(document), byOperation: new Map() }));
    let sizes = entry.byOperation.get(operation);
    if (!sizes) entry.byOperation.set(operation, (sizes = new Map()));
    const key = sizeKey(entry.sizeVariables, variables);
    const known = sizes.get(key);
    if (known) return known;
    const measured = compute();
    if (sizes.size < MAX_SIZES_PER_OPERATION) sizes.set(key, measured);
    return measured;
  }
}

/** The names of the variables given straight to a size argument anywhere in the document, each once. */
export function sizeVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(argument) {
      if (SIZE_ARGUMENTS.has(argument.name.value) && argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return [...names];
}

/**
 * The size variables' values as the measure reads them: a finite number is a size, anything
 * else is no size at all (estimate-cost.ts's sizeArgument).
 */
function sizeKey(names: readonly string[], variables: Readonly<Record<string, unknown>>): string {
  if (names.length === 0) return '';
  return names.map((name) => (Object.hasOwn(variables, name) && typeof variables[name] === 'number' && Number.isFinite(variables[name]) ? String(variables[name]) : '-')).join(',');
}
