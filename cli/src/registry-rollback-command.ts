import { describeFlow, type ReportedFlow } from '@govgraph/schema/governance';
import { option, parseArgs, usageError } from './cli-args.js';
import { gatewayUrl } from './cli-environment.js';
import { adminKey, callRegistry, errorsOf } from './registry-client.js';

export const REGISTRY_ROLLBACK_USAGE = `govgraph registry rollback <version> [--gateway http://127.0.0.1:4000] [--key <admin-token>] [--json]
  Makes an earlier version's subgraphs live again, as a new version, on every gateway (0: the
  committed supergraph). No breaking-change check — undoing a change is the point — but the
  graph must compose and every data flow stay declared. Takes an administrator credential.`;

interface RollbackAnswer {
  rolledBack: boolean;
  version?: number;
  restoredFrom?: number;
  report?: { composition: { ok: boolean; errors: string[] }; dataFlows: { added: ReportedFlow[]; removed: ReportedFlow[]; undeclared: ReportedFlow[] } | null; changed: string[] };
}

export async function registryRollbackCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['gateway', 'key'], flags: ['json'] });
  const [raw, ...rest] = args.positionals;
  if (raw === undefined || rest.length > 0 || !/^\d+$/.test(raw)) throw usageError(REGISTRY_ROLLBACK_USAGE);
  const gateway = gatewayUrl(option(args, 'gateway'));
  const answer = await callRegistry<RollbackAnswer>(gateway, adminKey(option(args, 'key')), '/registry/rollback', { version: Number(raw) });
  if (args.flags.has('json')) {
    console.log(JSON.stringify({ status: answer.status, ...answer.body }, null, 2));
    return answer.status === 200 ? 0 : 1;
  }
  if (answer.status !== 200) {
    console.error(`REFUSED by ${gateway} (${answer.status}): ${errorsOf(answer.body)}`);
    for (const flow of answer.body.report?.dataFlows?.undeclared ?? []) console.error(`  ${describeFlow(flow)}`);
    return 1;
  }
  const { rolledBack, version, report } = answer.body;
  if (!rolledBack) {
    console.log(`version ${raw} is what ${gateway} serves already: nothing to do`);
    return 0;
  }
  console.log(`rolled back to version ${raw}'s content → live as version ${version} (${report?.changed.join(', ') || 'no subgraph'} changed)`);
  for (const flow of report?.dataFlows?.removed ?? []) console.log(`  - ${describeFlow(flow)}`);
  for (const flow of report?.dataFlows?.added ?? []) console.log(`  + ${describeFlow(flow)}`);
  return 0;
}
