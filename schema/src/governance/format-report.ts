import type { CheckReport, ReportedChange } from './check-subgraph.js';
import { describeFlow } from './flow-check.js';

/** The check report as a department reads it in a terminal or a CI log. */
export function formatReport(report: CheckReport): string {
  const lines: string[] = [];
  const verdict = report.ok ? 'PASSED' : 'FAILED';
  lines.push(`${verdict} ${report.summary}`);

  if (!report.composition.ok) {
    lines.push('', '✗ composition failed');
    for (const error of report.composition.errors) lines.push(`    ${error}`);
  }
  if (report.breaking.length > 0) {
    lines.push('', `✗ ${count(report.breaking.length, 'breaking change')}`);
    for (const change of report.breaking) lines.push(...formatChange(change, true));
  }
  if (report.operations.broken.length > 0) {
    lines.push('', `✗ ${count(report.operations.broken.length, 'contract operation')} no longer validate${report.operations.broken.length === 1 ? 's' : ''}`);
    for (const broken of report.operations.broken) {
      lines.push(
        `  ${named(broken.file, broken.operation)}${broken.alreadyInvalid ? ' — already invalid before this change (was the committed graph composed with it already?)' : ''}`,
      );
      for (const error of broken.errors) lines.push(`      ${error}`);
    }
  }
  const flows = report.dataFlows;
  if (flows && flows.undeclared.length > 0) {
    lines.push('', `✗ ${count(flows.undeclared.length, 'undeclared data flow')}: personal data no agreement in the data policy allows`);
    for (const flow of flows.undeclared) lines.push(`  ${describeFlow(flow)}`);
  }
  if (report.warnings.length > 0) {
    lines.push('', `! ${count(report.warnings.length, 'warning')} (not refused)`);
    for (const change of report.warnings) lines.push(...formatChange(change, false));
  }
  if (report.additions.length > 0) {
    lines.push('', `+ ${count(report.additions.length, 'addition')}`);
    for (const change of report.additions) lines.push(`  ${change.message}`);
  }
  if (flows) {
    // Undeclared ones are listed above already.
    const declared = flows.added.filter((flow) => flow.agreement !== null);
    if (declared.length > 0) {
      lines.push('', `+ ${count(declared.length, 'declared data flow')} added`);
      for (const flow of declared) lines.push(`  ${describeFlow(flow)}`);
    }
    if (flows.removed.length > 0) {
      lines.push('', `- ${count(flows.removed.length, 'data flow')} removed`);
      for (const flow of flows.removed) lines.push(`  ${describeFlow(flow)}`);
    }
    if (flows.added.length === 0 && flows.removed.length === 0) lines.push('', `= no data flow added or removed (${count(flows.total, 'flow')} in the graph)`);
  }
  if (report.composition.ok && report.operations.broken.length === 0) {
    lines.push('', `✓ all ${count(report.operations.checked, 'contract operation')} validate against the new graph`);
  }
  return lines.join('\n');
}

function formatChange(change: ReportedChange, breaking: boolean): string[] {
  const where = change.scope === 'subgraph' ? ' [in the subgraph’s own SDL]' : '';
  const lines = [`  ${change.kind}  ${change.coordinate}${where}`, `      ${change.message}`];
  if (change.affects.length === 0) {
    if (breaking) lines.push('      no contract operation uses it (other clients may)');
    return lines;
  }
  for (const affected of change.affects) {
    lines.push(`      ${breaking ? 'breaks' : 'reaches'} ${named(affected.file, affected.operation)}: ${affected.fields.join(', ')}`);
  }
  return lines;
}

function named(file: string, operation: string | null): string {
  return operation ? `${file} (${operation})` : file;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
