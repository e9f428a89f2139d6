import { formatReport } from '@govgraph/schema/governance';
import { option, parseArgs, UsageError, usageError } from './cli-args.js';
import { gatewayUrl, httpUrl, readSdlFile } from './cli-environment.js';
import { publishToRegistry } from './registry-client.js';

export const PUBLISH_USAGE = `govgraph publish <subgraph> <sdl-file> --url <routing-url> [--gateway http://127.0.0.1:4000] [--key <token>] [--json]
  Sends the SDL and routing URL to the gateway's registry, which runs the same check (the
  data-sharing policy included) and, when nothing breaks, swaps every gateway to the new graph
  without a restart. The key: --key, else GOVGRAPH_PUBLISH_KEY — the department's publish
  credential, issued by the operator (govgraph credentials issue <subgraph>).`;

/** The department's publish credential: given, else from the environment. Nothing is derived. */
export function publishKeyFor(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return given || env.GOVGRAPH_PUBLISH_KEY || undefined;
}

export async function publishCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['url', 'gateway', 'key'], flags: ['json'] });
  const [subgraph, file, ...rest] = args.positionals;
  if (!subgraph || !file || rest.length > 0) throw usageError(PUBLISH_USAGE);
  const rawUrl = option(args, 'url');
  if (!rawUrl) throw new UsageError('publish needs --url <routing-url>: where the gateway reaches the subgraph');
  const url = httpUrl(rawUrl, '--url');
  const gateway = gatewayUrl(option(args, 'gateway'));
  const key = publishKeyFor(option(args, 'key'));
  if (!key) {
    throw new UsageError(`no publish credential for ${subgraph}: pass --key or set GOVGRAPH_PUBLISH_KEY (the operator issues it with: npx govgraph credentials issue ${subgraph})`);
  }

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
