import { option, parseArgs, usageError } from './cli-args.js';
import { gatewayUrl } from './cli-environment.js';
import { adminKey, callRegistry, errorsOf, type RegistryVersionSummary } from './registry-client.js';

export const REGISTRY_VERSIONS_USAGE = `govgraph registry versions [--gateway http://127.0.0.1:4000] [--key <admin-token>] [--json]
  Lists the registry versions the gateway keeps (0 is the committed supergraph): when, which
  publish or rollback, by which credential, and the published subgraphs of each (name, URL,
  SHA-256 of the SDL). Takes an administrator credential (--key or GOVGRAPH_ADMIN_KEY).`;

export async function registryVersionsCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['gateway', 'key'], flags: ['json'] });
  if (args.positionals.length > 0) throw usageError(REGISTRY_VERSIONS_USAGE);
  const gateway = gatewayUrl(option(args, 'gateway'));
  const answer = await callRegistry<{ current: number; versions: RegistryVersionSummary[] }>(gateway, adminKey(option(args, 'key')), '/registry/versions');
  if (answer.status !== 200) {
    console.error(`REFUSED by ${gateway} (${answer.status}): ${errorsOf(answer.body)}`);
    return 1;
  }
  if (args.flags.has('json')) {
    console.log(JSON.stringify(answer.body, null, 2));
    return 0;
  }
  const { current, versions } = answer.body;
  console.log(`registry of ${gateway}: serving version ${current}\n`);
  for (const v of versions) {
    const what = v.action === 'committed' ? 'the committed supergraph' : v.action === 'rollback' ? `rollback to version ${v.restoredFrom}` : `publish ${v.subgraph} (${v.change})`;
    console.log(`${v.version === current ? '*' : ' '} ${String(v.version).padStart(4)}  ${(v.at ?? '').padEnd(24)}  ${what}${v.by ? `  by ${v.by}` : ''}`);
    for (const s of v.subgraphs) console.log(`          ${s.name} → ${s.url}  sdl ${s.sha256.slice(0, 12)}  published ${s.publishedAt}`);
  }
  return 0;
}
