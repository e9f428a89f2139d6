import type { DataPolicy } from './data-policy.js';
import { flowKey, graphDataFlows, type DataFlow } from './data-flows.js';

/** A data flow with the agreement that allows it, or null when none does. */
export interface ReportedFlow extends DataFlow {
  agreement: string | null;
}

export interface DataFlowReport {
  /** Flows the change opens. */
  added: ReportedFlow[];
  /** Flows the change closes. */
  removed: ReportedFlow[];
  /** Flows no agreement allows, among those the change adds or a changed subgraph receives or declares: refused. */
  undeclared: ReportedFlow[];
  /** Every flow of the graph after the change. */
  total: number;
}

export interface DataFlowCheckInput {
  before: ReadonlyArray<{ name: string; sdl: string }>;
  after: ReadonlyArray<{ name: string; sdl: string }>;
  /** The subgraphs whose SDL changes (one for a publish; any number for a rollback). */
  changed: readonly string[];
  policy: DataPolicy;
}

/**
 * The data flows a change adds and removes, and those it would leave undeclared. A flow counts
 * against the change when the change adds it (even between two other departments: a new
 * interface implementation can route one department's references to another), or when a changed
 * subgraph receives it or declares it, so a department cannot keep a flow the policy no longer
 * allows. A provider is not held to flows others declare on its data.
 */
export function checkDataFlows(input: DataFlowCheckInput): DataFlowReport {
  const before = annotate(graphDataFlows(input.before, input.policy));
  const after = annotate(graphDataFlows(input.after, input.policy));
  const beforeKeys = new Set(before.map(flowKey));
  const afterKeys = new Set(after.map(flowKey));
  const changed = new Set(input.changed);
  const added = after.filter((flow) => !beforeKeys.has(flowKey(flow)));
  const addedKeys = new Set(added.map(flowKey));
  return {
    added,
    removed: before.filter((flow) => !afterKeys.has(flowKey(flow))),
    undeclared: after.filter((flow) => flow.agreement === null && (addedKeys.has(flowKey(flow)) || changed.has(flow.consumer) || changed.has(flow.declaredIn))),
    total: after.length,
  };
}

/** Every flow of a graph no agreement allows (the committed graph must have none). */
export function undeclaredFlows(subgraphs: ReadonlyArray<{ name: string; sdl: string }>, policy: DataPolicy): ReportedFlow[] {
  return annotate(graphDataFlows(subgraphs, policy)).filter((flow) => flow.agreement === null);
}

function annotate({ flows, rules }: ReturnType<typeof graphDataFlows>): ReportedFlow[] {
  return flows.map((flow) => ({ ...flow, agreement: rules.agreementFor(flow)?.id ?? null }));
}

/** One line per flow: `REQUIRES  applications ← identity  Applicant.profileFacts { path value }  via Prefill.fields @requires`. */
export function describeFlow(flow: ReportedFlow): string {
  const what = flow.selection ? `${flow.field.split('.')[0]}.${flow.selection}` : flow.field;
  const allowed = flow.agreement ? `agreement ${flow.agreement}` : flow.kind === 'override' ? 'no agreement with "override": true' : 'no agreement';
  return `${flow.kind.toUpperCase().padEnd(9)} ${flow.consumer} ← ${flow.provider}  ${what}  via ${flow.via}  (${allowed})`;
}
