import { Kind, parse, print, type SelectionSetNode } from 'graphql';
import type { DataPolicy, FlowKind } from './data-policy.js';
import { FlowPolicy } from './flow-policy.js';
import { GraphModel, type SubgraphModel, type TypeModel } from './graph-model.js';

/**
 * One way a department receives (or serves) another department's personal data through the
 * gateway's query plans:
 * - `requires`: the gateway hands the consumer the fields of its `@requires` selection;
 * - `key`: the consumer resolves an entity by key fields that are classified;
 * - `provides`: the consumer serves the provider's fields itself (`@provides`);
 * - `shareable`: the consumer resolves a classified field of the provider's as its own;
 * - `override`: the consumer takes a field over from the provider (`@override(from:)`), classified or not;
 * - `context`: the gateway hands the consumer a `@fromContext` selection;
 * - `reference`: a classified field of the provider returns an entity the consumer resolves, so
 *   the consumer receives its keys (a case grant from `Application.applicant`, say).
 */
export interface DataFlow {
  kind: FlowKind;
  consumer: string;
  provider: string;
  /** The datum, `Type.field` as the SDL reaches it. */
  field: string;
  /** The policy entry that classifies it (absent for an @override of an unclassified field). */
  classifiedAs?: string;
  /** Where it is declared: `Prefill.fields @requires`, `Person @key(fields: "id")`, `Application.applicant → Applicant`. */
  via: string;
  /** The subgraph whose SDL makes the flow. */
  declaredIn: string;
  /** The selection under the field, when the flow takes more than a scalar: `profileFacts { path value }`. */
  selection?: string;
}

export function flowKey(flow: DataFlow): string {
  return `${flow.kind}|${flow.consumer}|${flow.provider}|${flow.field}|${flow.via}`;
}

/** Every data flow of a graph under a policy, in a stable order. */
export function graphDataFlows(subgraphs: ReadonlyArray<{ name: string; sdl: string }>, policy: DataPolicy): { flows: DataFlow[]; model: GraphModel; rules: FlowPolicy } {
  const model = new GraphModel(subgraphs);
  const rules = new FlowPolicy(policy, model);
  const found = new Map<string, DataFlow>();
  const addFlow = (flow: DataFlow) => void (found.has(flowKey(flow)) || found.set(flowKey(flow), flow));
  for (const subgraph of model.subgraphs.values()) {
    for (const type of subgraph.types.values()) flowsOfType(model, rules, subgraph, type, addFlow);
  }
  const flows = [...found.values()].sort((a, b) => flowKey(a).localeCompare(flowKey(b)));
  return { flows, model, rules };
}

function flowsOfType(model: GraphModel, rules: FlowPolicy, subgraph: SubgraphModel, type: TypeModel, addFlow: (flow: DataFlow) => void): void {
  const consumer = subgraph.name;
  const walk = (kind: FlowKind, from: string, fieldSet: string, via: string) =>
    walkFieldSet(model, rules, consumer, from, fieldSet, (field, classification, selection) =>
      addFlow({ kind, consumer, provider: classification.department, field, classifiedAs: classification.entry, via, declaredIn: consumer, ...(selection ? { selection } : {}) }),
    );

  for (const key of type.resolvableKeys) walk('key', type.name, key, `${type.name} @key(fields: "${key}")`);

  for (const field of type.fields.values()) {
    const coordinate = `${type.name}.${field.name}`;
    if (field.requires !== undefined) walk('requires', type.name, field.requires, `${coordinate} @requires`);
    if (field.provides !== undefined) walk('provides', field.type, field.provides, `${coordinate} @provides`);
    for (const [argument, selection] of field.fromContext) {
      const via = `${coordinate}(${argument}:) @fromContext`;
      const parsed = /^\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*([\s\S]*)$/.exec(selection);
      const contextTypes = parsed ? [...subgraph.types.values()].filter((t) => t.contexts.includes(parsed[1]!)) : [];
      const inner = parsed ? parsed[2]!.trim().replace(/^\{([\s\S]*)\}$/, '$1') : '';
      for (const context of contextTypes) walk('context', context.name, inner, via);
    }
    const classification = rules.classify(type.name, field.name);
    if (field.overrideFrom !== undefined && field.overrideFrom !== consumer) {
      addFlow({
        kind: 'override',
        consumer,
        provider: field.overrideFrom,
        field: coordinate,
        ...(classification ? { classifiedAs: classification.entry } : {}),
        via: `${coordinate} @override(from: "${field.overrideFrom}")`,
        declaredIn: consumer,
      });
    } else if (!field.external && classification && classification.department !== consumer) {
      addFlow({ kind: 'shareable', consumer, provider: classification.department, field: coordinate, classifiedAs: classification.entry, via: coordinate, declaredIn: consumer });
    }
    // The entities this field returns: whoever resolves them receives their keys from here.
    if (field.external || !classification) continue;
    for (const target of model.possibleTypes(field.type)) {
      for (const receiver of model.resolvers(target)) {
        if (receiver === consumer || receiver === classification.department) continue;
        addFlow({
          kind: 'reference',
          consumer: receiver,
          provider: classification.department,
          field: coordinate,
          classifiedAs: classification.entry,
          via: `${coordinate} → ${target}`,
          declaredIn: consumer,
        });
      }
    }
  }
}

/**
 * Walks a field set (`applicant { profileFacts { path value } }`) from a type and reports every
 * field classified as another department's data. Under a classified field it goes on looking,
 * but reports only data of yet another department: `profileFacts { path value }` is one flow,
 * not three, while a third department's data nested inside is a flow of its own.
 */
function walkFieldSet(
  model: GraphModel,
  rules: FlowPolicy,
  consumer: string,
  from: string,
  fieldSet: string,
  report: (field: string, classification: { department: string; entry: string }, selection: string | undefined) => void,
): void {
  let selectionSet: SelectionSetNode;
  try {
    const operation = parse(`{${fieldSet}}`).definitions[0];
    if (operation?.kind !== Kind.OPERATION_DEFINITION) return;
    selectionSet = operation.selectionSet;
  } catch {
    return; // composition refuses a field set that does not parse
  }
  const visit = (type: string, set: SelectionSetNode, owner: string) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.typeCondition?.name.value ?? type, selection.selectionSet, owner);
        continue;
      }
      if (selection.kind !== Kind.FIELD || selection.name.value === '__typename') continue;
      const name = selection.name.value;
      const classification = rules.classify(type, name);
      if (classification && classification.department !== consumer && classification.department !== owner) {
        report(`${type}.${name}`, classification, selection.selectionSet ? print(selection).replace(/\s+/g, ' ') : undefined);
      }
      if (!selection.selectionSet) continue;
      const child = model.fieldType(consumer, type, name);
      if (child) visit(child, selection.selectionSet, classification?.department ?? owner);
    }
  };
  visit(from, selectionSet, consumer);
}
