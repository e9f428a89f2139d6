import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { option, parseArgs, usageError } from './cli-args.js';
import { gatewayKeys, httpUrl, userPath } from './cli-environment.js';
import { fetchServiceSdl, subgraphNameAt } from './service-sdl.js';

export const INTROSPECT_USAGE = `govgraph introspect <subgraph-url> [--name <subgraph>] [--out <file>] [--json]
  Prints one running subgraph's SDL ({ _service { sdl } }): the file check and publish read,
  also when the graph does not compose. The request is signed with the gateway's key, as
  subgraphs answer nobody else: GOVGRAPH_KEYS_DIR (or DATA_DIR/keys, or the checkout's data/keys)
  must hold gateway/. --name: the subgraph's name (default: what its /healthz says).
  --json: { name, url, sdl } on stdout.`;

export async function introspectCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['name', 'out'], flags: ['json'] });
  const [raw, ...rest] = args.positionals;
  if (!raw || rest.length > 0) throw usageError(INTROSPECT_USAGE);
  const url = httpUrl(raw, 'the subgraph URL');
  const keys = gatewayKeys();
  const name = option(args, 'name') ?? (await subgraphNameAt(url));
  const sdl = await fetchServiceSdl(name, url, keys);

  const out = option(args, 'out');
  if (out && out !== '-') {
    const file = userPath(out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, sdl);
    if (!args.flags.has('json')) console.error(`${name} (${url}) → ${file}`);
  }
  if (args.flags.has('json')) console.log(JSON.stringify({ name, url, sdl, ...(out && out !== '-' ? { out: userPath(out) } : {}) }, null, 2));
  else if (!out || out === '-') process.stdout.write(sdl.endsWith('\n') ? sdl : `${sdl}\n`);
  return 0;
}
