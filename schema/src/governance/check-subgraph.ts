import { buildASTSchema, Kind, type GraphQLSchema } from 'graphql';
import type { SubgraphSdl } from '../compose.js';
import { composeGraph, parseSubgraphSdl, type ComposedGraph } from './compose-graph.js';
import type { DataPolicy } from './data-policy.js';
import { diffEntityKeys } from './entity-keys.js';
import { checkDataFlows, type DataFlowReport } from './flow-check.js';
import { affectedOperations, operationUsage, parseOperation, validationErrors, type AffectedOperation, type OperationUsage } from './operation-usage.js';
import { diffSchemas, type SchemaChange, type SchemaDiff } from './schema-diff.js';
import type { TrustedOperation } from './trusted-operations.js';

export interface CheckSubgraphInput {
  /** The subgraph being changed or added. */
  subgraph: string;
  /** Its proposed SDL, as `_service { sdl }` or `schema/subgraphs/<name>.graphql` holds it. */
  sdl: string;
  /** Its routing URL; composition needs one, the check does not (the current one, or a placeholder). */
  url?: string;
  /** The graph as it is now: every subgraph's SDL and URL, or that graph already composed. */
  current: SubgraphSdl[] | ComposedGraph;
  /** The trusted documents every change must keep valid (`schema/operations/`). */
  operations: TrustedOperation[];
  /**
   * The data-sharing policy (`schema/data-policy.json`): with it, the report lists the data flows
   * the change adds and removes, and an undeclared one fails the check. The gateway never
   * publishes without one.
   */
  policy?: DataPolicy;
}

export interface ReportedChange {
  kind: string;
  coordinate: string;
  message: string;
  /**
   * `graph`: found by comparing the API schemas before and after composition. `subgraph`: found
   * in the subgraph's own SDL (entity keys always; every change when the graph no longer composes).
   */
  scope: 'graph' | 'subgraph';
  /** The contract operations this change reaches, and the fields in each. */
  affects: AffectedOperation[];
}

export interface BrokenOperation {
  file: string;
  operation: string | null;
  errors: string[];
  /**
   * It did not validate against the graph before this change either (e.g. `npm run compose` had
   * already written the change into the committed graph). Still a failure: contract operations
   * must validate against the graph that will be served, whoever broke them.
   */
  alreadyInvalid: boolean;
}

export interface CheckReport {
  subgraph: string;
  change: 'added' | 'updated' | 'unchanged';
  /** True when the change composes, breaks nothing and every contract operation still validates. */
  ok: boolean;
  summary: string;
  composition: { ok: boolean; errors: string[] };
  breaking: ReportedChange[];
  warnings: ReportedChange[];
  additions: ReportedChange[];
  operations: {
    checked: number;
    /** Valid against the current graph, invalid against the new one. */
    broken: BrokenOperation[];
  };
  /** Every contract operation file a breaking change reaches or that no longer validates. */
  affectedOperations: string[];
  /** The personal-data flows between departments the change adds and removes; null without a policy. */
  dataFlows: DataFlowReport | null;
}

export interface CheckResult {
  report: CheckReport;
  /** The graph with the change applied, when it composes (what a publish swaps in). */
  graph?: ComposedGraph;
}

/**
 * Checks one subgraph's proposed SDL against the graph as it is: composition, breaking changes
 * for clients (with the contract operations and fields each reaches), changed entity keys, and
 * every trusted document against the new API schema. The CLI (`govgraph check`) and the
 * gateway's registry run exactly this.
 */
export function checkSubgraph(input: CheckSubgraphInput): CheckResult {
  const current = 'apiSchema' in input.current ? input.current : composeCurrent(input.current);
  const previous = current.subgraphs.find((s) => s.name === input.subgraph);
  const url = input.url ?? previous?.url ?? `http://${input.subgraph}.invalid/graphql`;
  const change = !previous ? 'added' : previous.sdl === input.sdl && previous.url === url ? 'unchanged' : 'updated';
  const proposed: SubgraphSdl = { name: input.subgraph, url, sdl: input.sdl };
  const subgraphs = previous ? current.subgraphs.map((s) => (s.name === input.subgraph ? proposed : s)) : [...current.subgraphs, proposed];

  const composed = composeGraph(subgraphs);
  const usages = operationUsage(current.apiSchema, input.operations);
  const found: Array<{ diff: SchemaDiff; scope: ReportedChange['scope'] }> = [];

  const before = previous ? parseSubgraphSdl(previous.name, previous.sdl) : undefined;
  const after = parseSubgraphSdl(input.subgraph, input.sdl);
  if (before?.ok && after.ok) found.push({ diff: diffEntityKeys(input.subgraph, before.document, after.document), scope: 'subgraph' });
  if (composed.ok) {
    found.push({ diff: diffSchemas(current.apiSchema, composed.graph.apiSchema), scope: 'graph' });
  } else if (previous) {
    // The graph does not compose, so there is no new API schema: say what the subgraph itself
    // stopped offering, which is usually why (a field others @provide or @require, say).
    const oldSchema = subgraphSchema(previous.sdl);
    const newSchema = subgraphSchema(input.sdl);
    if (oldSchema && newSchema) found.push({ diff: diffSchemas(oldSchema, newSchema, { subgraph: true }), scope: 'subgraph' });
  }

  const report = (pick: (diff: SchemaDiff) => SchemaChange[]) => found.flatMap(({ diff, scope }) => pick(diff).map((c) => reported(c, scope, usages)));
  const breaking = report((d) => d.breaking);
  const warnings = report((d) => d.warnings);
  const additions = report((d) => d.additions);
  const broken = composed.ok ? brokenOperations(current.apiSchema, composed.graph.apiSchema, input.operations) : [];
  const compositionErrors = composed.ok ? [] : composed.errors;
  const affected = [...new Set([...breaking.flatMap((b) => b.affects.map((a) => a.file)), ...broken.map((b) => b.file)])].sort();
  const dataFlows = input.policy ? checkDataFlows({ before: current.subgraphs, after: subgraphs, changed: [input.subgraph], policy: input.policy }) : null;
  const undeclared = dataFlows?.undeclared ?? [];
  const ok = composed.ok && breaking.length === 0 && broken.length === 0 && undeclared.length === 0;

  return {
    report: {
      subgraph: input.subgraph,
      change,
      ok,
      summary: summarise({ ok, change, subgraph: input.subgraph, compositionErrors, breaking, broken, additions, warnings, affected, checked: input.operations.length, dataFlows }),
      composition: { ok: composed.ok, errors: compositionErrors },
      breaking,
      warnings,
      additions,
      operations: { checked: input.operations.length, broken },
      affectedOperations: affected,
      dataFlows,
    },
    ...(composed.ok ? { graph: composed.graph } : {}),
  };
}

/** Composes the current graph, which must compose: it is what the gateway serves. */
export function composeCurrent(subgraphs: SubgraphSdl[]): ComposedGraph {
  const composed = composeGraph(subgraphs);
  if (!composed.ok) throw new Error(`the current graph does not compose:\n${composed.errors.map((e) => `  - ${e}`).join('\n')}`);
  return composed.graph;
}

function reported(change: SchemaChange, scope: ReportedChange['scope'], usages: OperationUsage[]): ReportedChange {
  return { kind: change.kind, coordinate: change.coordinate, message: change.message, scope, affects: affectedOperations(usages, change.match) };
}

/** One subgraph's SDL as a plain schema (federation directives left undefined), for comparing it with itself. */
function subgraphSchema(sdl: string): GraphQLSchema | undefined {
  const parsed = parseSubgraphSdl('', sdl);
  if (!parsed.ok) return undefined;
  try {
    return buildASTSchema(parsed.document, { assumeValid: true, assumeValidSDL: true });
  } catch {
    return undefined;
  }
}

function brokenOperations(currentSchema: GraphQLSchema, nextSchema: GraphQLSchema, operations: TrustedOperation[]): BrokenOperation[] {
  const broken: BrokenOperation[] = [];
  for (const trusted of operations) {
    const parsed = parseOperation(trusted);
    if (!parsed.ok) {
      broken.push({ file: trusted.file, operation: null, errors: [parsed.error], alreadyInvalid: true });
      continue;
    }
    const errors = validationErrors(nextSchema, parsed.document);
    if (errors.length === 0) continue;
    const names = parsed.document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
    // Never skipped: an operation the graph already failed is reported too, and fails the check.
    broken.push({ file: trusted.file, operation: names.join(', ') || null, errors, alreadyInvalid: validationErrors(currentSchema, parsed.document).length > 0 });
  }
  return broken;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function summarise(r: {
  ok: boolean;
  change: CheckReport['change'];
  subgraph: string;
  compositionErrors: string[];
  breaking: ReportedChange[];
  broken: BrokenOperation[];
  additions: ReportedChange[];
  warnings: ReportedChange[];
  affected: string[];
  checked: number;
  dataFlows: DataFlowReport | null;
}): string {
  if (r.ok) {
    if (r.change === 'unchanged') return `${r.subgraph}: unchanged`;
    const parts = [r.change === 'added' ? `new subgraph ${r.subgraph} composes` : `${r.subgraph} composes`, 'no breaking change'];
    if (r.additions.length > 0) parts.push(plural(r.additions.length, 'addition'));
    if (r.warnings.length > 0) parts.push(plural(r.warnings.length, 'warning'));
    if (r.dataFlows && r.dataFlows.added.length > 0) parts.push(`${plural(r.dataFlows.added.length, 'declared data flow')} added`);
    parts.push(`all ${plural(r.checked, 'contract operation')} still validate`);
    return parts.join('; ');
  }
  const parts: string[] = [];
  if (r.compositionErrors.length > 0) parts.push(`composition failed (${plural(r.compositionErrors.length, 'error')})`);
  if (r.breaking.length > 0) parts.push(plural(r.breaking.length, 'breaking change'));
  if (r.broken.length > 0) parts.push(`${plural(r.broken.length, 'contract operation')} no longer validate${r.broken.length === 1 ? 's' : ''}`);
  const undeclared = r.dataFlows?.undeclared ?? [];
  if (undeclared.length > 0) {
    const fields = [...new Set(undeclared.map((f) => `${f.field} (${f.kind}, ${f.provider} → ${f.consumer})`))];
    parts.push(`${plural(undeclared.length, 'undeclared data flow')}: ${fields.join(', ')}`);
  }
  if (r.affected.length > 0) parts.push(`affects ${r.affected.join(', ')}`);
  return `${r.subgraph}: ${parts.join('; ')}`;
}
