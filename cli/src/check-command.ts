import { readFileSync } from 'node:fs';
import { checkSubgraph } from '../governance/check-subgraph.js';
import { DATA_POLICY_FILE, DataPolicyError, loadDataPolicy } from '../governance/data-policy.js';
import { formatReport } from '../governance/format-report.js';
import { subgraphsOfSupergraph } from '../governance/subgraph-files.js';
import { readTrustedOperations } from '../governance/trusted-operations.js';
import { OPERATIONS_DIR, SUBGRAPHS_DIR, SUPERGRAPH_FILE } from '../paths.js';
import { option, parseArgs, UsageError } from './cli-args.js';
import { gatewayUrl, httpUrl, readSdlFile, userPath } from './cli-environment.js';
import { publishKeyFor } from './publish-command.js';
import { fetchRegistry } from './registry-client.js';

export const CHECK_USAGE = `govgraph check <subgraph> <sdl-file> [--json] [--gateway <url> [--key <token>]] [--url <routing-url>] [--policy <file>]
  Checks a subgraph's new SDL against the committed graph (schema/subgraphs, schema/supergraph.graphql),
  or with --gateway against the graph that gateway serves now: composition, breaking changes
  (each with the contract operations and fields it breaks), changed entity keys, every trusted
  document in schema/operations, and the personal-data flows between departments the change adds
  and removes, each against the agreements of schema/data-policy.json (or --policy). Exit code 1
  when anything breaks or a flow is undeclared. --key (or GOVGRAPH_PUBLISH_KEY, GOVGRAPH_ADMIN_KEY):
  a production gateway shows its graph to credential holders only.`;

export async function checkCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['gateway', 'url', 'key', 'policy'], flags: ['json'] });
  const [subgraph, file, ...rest] = args.positionals;
  if (!subgraph || !file || rest.length > 0) throw new UsageError(`usage: ${CHECK_USAGE}`);
  const sdl = readSdlFile(file);
  const url = option(args, 'url');
  const policyFile = option(args, 'policy') ? userPath(option(args, 'policy')!) : DATA_POLICY_FILE;
  let policy;
  try {
    policy = loadDataPolicy(policyFile);
  } catch (error) {
    if (error instanceof DataPolicyError) throw new UsageError(error.message);
    throw error;
  }

  let current;
  let against: string;
  if (args.options.has('gateway')) {
    const gateway = gatewayUrl(option(args, 'gateway'));
    const listing = await fetchRegistry(gateway, publishKeyFor(option(args, 'key')) ?? process.env.GOVGRAPH_ADMIN_KEY);
    current = listing.subgraphs.map(({ name, url, sdl }) => ({ name, url, sdl }));
    against = `the graph ${gateway} serves (registry version ${listing.version})`;
  } else {
    current = subgraphsOfSupergraph(readFileSync(SUPERGRAPH_FILE, 'utf8'), SUBGRAPHS_DIR);
    against = 'the committed graph';
  }
  const operations = readTrustedOperations(OPERATIONS_DIR);
  const { report } = checkSubgraph({ subgraph, sdl, ...(url ? { url: httpUrl(url, '--url') } : {}), current, operations, policy });
  if (args.flags.has('json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`govgraph check: ${subgraph} (${file}) against ${against}, ${current.length} subgraphs, ${operations.length} contract operations, data policy ${policyFile}\n`);
    console.log(formatReport(report));
  }
  return report.ok ? 0 : 1;
}
