import { formatReport } from '../governance/format-report.js';
import { publishKey } from '../governance/publish-key.js';
import { option, parseArgs, UsageError } from './cli-args.js';
import { gatewayUrl, httpUrl, readSdlFile, sharedSecret, sharedSecretIfAny } from './cli-environment.js';
import { publishToRegistry } from './registry-client.js';

export const PUBLISH_USAGE = `govgraph publish <subgraph> <sdl-file> --url <routing-url> [--gateway http://127.0.0.1:4000] [--key <key>] [--json]
  Sends the SDL and routing URL to the gateway's registry, which runs the same check and, when
  nothing breaks, swaps every gateway to the new graph without a restart. The key: --key, or
  GOVGRAPH_PUBLISH_KEY, or (where the graph's secret is at hand) derived from it.`;

export const PUBLISH_KEY_USAGE = `govgraph publish-key <subgraph>
  Prints the key that publishes <subgraph> and nothing else, derived from GOVGRAPH_SECRET (or
  DATA_DIR/gateway-secret). The operator hands it to the department that runs the subgraph.`;

/** The publish key to use: given, from the environment, or derived from a local secret. */
export function publishKeyFor(subgraph: string, given: string | undefined, { quiet = false } = {}): string | undefined {
  if (given) return given;
  if (process.env.GOVGRAPH_PUBLISH_KEY) return process.env.GOVGRAPH_PUBLISH_KEY;
  const secret = sharedSecretIfAny();
  if (!secret) return undefined;
  if (!quiet) console.error(`using ${subgraph}'s publish key derived from the local shared secret`);
  return publishKey(secret, subgraph);
}

export async function publishCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['url', 'gateway', 'key'], flags: ['json'] });
  const [subgraph, file, ...rest] = args.positionals;
  if (!subgraph || !file || rest.length > 0) throw new UsageError(`usage: ${PUBLISH_USAGE}`);
  const rawUrl = option(args, 'url');
  if (!rawUrl) throw new UsageError('publish needs --url <routing-url>: where the gateway reaches the subgraph');
  const url = httpUrl(rawUrl, '--url');
  const gateway = gatewayUrl(option(args, 'gateway'));
  const key = publishKeyFor(subgraph, option(args, 'key'));
  if (!key) throw new UsageError(`no publish key for ${subgraph}: pass --key or set GOVGRAPH_PUBLISH_KEY (the operator prints it with: npx govgraph publish-key ${subgraph})`);

  const answer = await publishToRegistry(gateway, key, subgraph, { sdl: readSdlFile(file), url });
  if (args.flags.has('json')) {
    console.log(JSON.stringify(answer, null, 2));
    return answer.published ? 0 : 1;
  }
  if (answer.published) {
    const what = answer.change === 'unchanged' ? 'already live, nothing to swap' : `live at registry version ${answer.version}`;
    console.log(`published ${subgraph} (${answer.change}) → ${gateway}: ${what}\n`);
  } else if (answer.report) {
    console.log(`REFUSED by ${gateway} (${answer.status}): nothing was published\n`);
  } else {
    console.error(`REFUSED by ${gateway} (${answer.status}): ${answer.errors?.map((e) => e.message).join('; ') ?? 'no reason given'}`);
    return 1;
  }
  if (answer.report) console.log(formatReport(answer.report));
  return answer.published ? 0 : 1;
}

export function publishKeyCommand(argv: string[]): number {
  const args = parseArgs(argv, {});
  const [subgraph, ...rest] = args.positionals;
  if (!subgraph || rest.length > 0) throw new UsageError(`usage: ${PUBLISH_KEY_USAGE}`);
  try {
    console.log(publishKey(sharedSecret(), subgraph));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
  return 0;
}
