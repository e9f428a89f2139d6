import { checkSubgraph, composeGraph, DataPolicyError, formatReport, loadDataPolicy, parseDataPolicy, type CheckReport, type DataPolicy } from '@govgraph/schema/governance';
import { requireCheckout } from './checkout.js';
import { option, parseArgs, UsageError, usageError, type CliArgs } from './cli-args.js';
import { currentCheckout, gatewayUrl, httpUrl, readSdlFile, userPath } from './cli-environment.js';
import { readCommittedGraph } from './committed-graph.js';
import { publishKeyFor } from './publish-command.js';
import { checkOnGateway } from './registry-client.js';

export const CHECK_USAGE = `govgraph check <subgraph> <sdl-file> [--gateway <url> [--key <token>]] [--url <routing-url>] [--json]
govgraph check <subgraph> <sdl-file> --committed [--policy <file>] [--json]
  Checks a subgraph's new SDL: composition, breaking changes (each with the contract operations
  and fields it breaks), changed entity keys, every contract operation (one that no longer
  validates fails, also one that was already invalid), and the personal-data flows between
  departments the change adds and removes, each against the data policy's agreements.
  With --gateway (or GOVGRAPH_GATEWAY_URL), and always outside a govgraph checkout: the gateway
  checks it against the graph it serves, with its own contract operations and data policy —
  what a publish would run — and commits nothing. --key (or GOVGRAPH_PUBLISH_KEY,
  GOVGRAPH_ADMIN_KEY): a production gateway checks for credential holders only.
  Inside a checkout without a gateway (or with --committed): against the committed graph as git
  HEAD has it (schema/supergraph.graphql, schema/subgraphs, schema/operations, the data policy
  or --policy), so files npm run compose rewrote do not count.
  Exit code 1 when anything breaks or a flow is undeclared. --json: the report, with "against".`;

/** Which graph a check compared with, as printed and as `against` in --json. */
type Against = { graph: 'gateway'; gateway: string; version: number } | { graph: 'committed'; root: string; source: string; policy: string; notes: string[] };

export async function checkCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['gateway', 'url', 'key', 'policy'], flags: ['json', 'committed'] });
  const [subgraph, file, ...rest] = args.positionals;
  if (!subgraph || !file || rest.length > 0) throw usageError(CHECK_USAGE);
  const sdl = readSdlFile(file);
  const rawUrl = option(args, 'url');
  const url = rawUrl ? httpUrl(rawUrl, '--url') : undefined;

  const { report, against } = againstGateway(args) ? await checkWithGateway(args, subgraph, sdl, url) : checkWithCommitted(args, subgraph, sdl, url);
  if (args.flags.has('json')) {
    console.log(JSON.stringify({ against, ...report }, null, 2));
  } else {
    console.log(`govgraph check: ${subgraph} (${file}) against ${describe(against, report)}`);
    if (against.graph === 'committed') for (const note of against.notes) console.log(`note: ${note}`);
    console.log(`\n${formatReport(report)}`);
  }
  return report.ok ? 0 : 1;
}

/** The gateway when one is named (or the checkout's committed graph is refused): see CHECK_USAGE. */
function againstGateway(args: CliArgs): boolean {
  const committed = args.flags.has('committed');
  if (committed && args.options.has('gateway')) throw new UsageError('--committed and --gateway: pick one graph to check against');
  if (args.options.has('gateway')) return true;
  if (committed) return false;
  if (process.env.GOVGRAPH_GATEWAY_URL) return true;
  if (currentCheckout()) return false;
  throw new UsageError('not inside a govgraph checkout, so there is no committed graph here: check against a running gateway with --gateway <url> (or GOVGRAPH_GATEWAY_URL)');
}

async function checkWithGateway(args: CliArgs, subgraph: string, sdl: string, url: string | undefined): Promise<{ report: CheckReport; against: Against }> {
  if (args.options.has('policy')) {
    throw new UsageError('--policy checks against the committed graph (--committed): a gateway checks with the data policy it serves, which changes only by commit');
  }
  const gateway = gatewayUrl(option(args, 'gateway'));
  const key = publishKeyFor(option(args, 'key')) ?? process.env.GOVGRAPH_ADMIN_KEY;
  const answer = await checkOnGateway(gateway, key || undefined, subgraph, { sdl, ...(url ? { url } : {}) });
  return { report: answer.report, against: { graph: 'gateway', gateway, version: answer.version } };
}

function checkWithCommitted(args: CliArgs, subgraph: string, sdl: string, url: string | undefined): { report: CheckReport; against: Against } {
  const checkout = requireCheckout(currentCheckout(), 'a check without --gateway compares with its committed graph');
  const committed = readCommittedGraph(checkout);
  const policyOption = option(args, 'policy');
  const policyFrom = policyOption ? userPath(policyOption) : committed.policy.from;
  const policy = policyOption ? readPolicy(() => loadDataPolicy(policyFrom)) : readPolicy(() => parseDataPolicy(parseJson(committed.policy.text, policyFrom), policyFrom));
  const current = composeGraph(committed.subgraphs);
  if (!current.ok) throw new UsageError(`the committed graph (${committed.source}) does not compose: ${current.errors.join('; ')}`);
  const { report } = checkSubgraph({ subgraph, sdl, ...(url ? { url } : {}), current: current.graph, operations: committed.operations, policy });
  return { report, against: { graph: 'committed', root: checkout.root, source: committed.source, policy: policyFrom, notes: committed.notes } };
}

function describe(against: Against, report: CheckReport): string {
  const operations = `${report.operations.checked} contract operations`;
  if (against.graph === 'gateway') {
    return `the graph ${against.gateway} serves (registry version ${against.version}), with its ${operations} and data policy`;
  }
  return `the committed graph (${against.source} of ${against.root}), ${operations}, data policy ${against.policy}`;
}

function readPolicy(read: () => DataPolicy): DataPolicy {
  try {
    return read();
  } catch (error) {
    if (error instanceof DataPolicyError) throw new UsageError(error.message);
    throw error;
  }
}

function parseJson(text: string, from: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the data policy ${from} is not JSON: ${(error as Error).message}`);
  }
}
