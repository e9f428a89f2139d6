import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { composeGraph, subgraphFileNames, supergraphRoutingUrls, type SubgraphSdl } from '@govgraph/schema/governance';
import type { Checkout } from './checkout.js';
import { option, parseArgs, UsageError } from './cli-args.js';
import { currentCheckout, gatewayKeys, httpUrl, userDirectory, userPath } from './cli-environment.js';
import { fetchServiceSdl } from './service-sdl.js';

export const COMPOSE_USAGE = `govgraph compose [--from-urls <name>=<url> ...] [--out <file>|-] [--json]
  Composes the supergraph from the checkout's schema/subgraphs/*.graphql. Each --from-urls subgraph
  is read from its running service instead ({ _service { sdl } }, signed with the gateway's key from
  GOVGRAPH_KEYS_DIR or DATA_DIR/keys) and routed at that URL; a name without a file is added.
  Outside a checkout only --from-urls subgraphs are composed. Writes schema/supergraph.graphql, or
  --out (- for stdout; the default with --from-urls). One subgraph's SDL: govgraph introspect.
  --json: { ok, subgraphs: [{ name, url, from }], out, supergraphSdl | errors } on stdout.`;

/** One subgraph as composed, and where its SDL came from. */
interface Composed extends SubgraphSdl {
  from: 'file' | 'url';
}

export async function composeCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['out'], multi: ['from-urls'], flags: ['json'] });
  if (args.positionals.length > 0) throw new UsageError(`compose takes no arguments, got ${args.positionals.join(' ')}`);
  const json = args.flags.has('json');
  const fromUrls = parseNameUrls(args.options.get('from-urls') ?? []);
  const checkout = currentCheckout();
  if (!checkout && fromUrls.size === 0) {
    throw new UsageError('not inside a govgraph checkout: compose reads its schema/subgraphs/*.graphql; outside one, name the running subgraphs with --from-urls <name>=<url>');
  }

  const keys = fromUrls.size > 0 ? gatewayKeys() : null;
  const subgraphs: Composed[] = [];
  for (const name of composeOrder(checkout, fromUrls)) {
    const url = fromUrls.get(name);
    if (url) {
      subgraphs.push({ name, url, sdl: await fetchServiceSdl(name, url, keys!), from: 'url' });
      if (!json) console.error(`read ${name} from ${url}`);
      continue;
    }
    subgraphs.push({ ...committedSubgraph(checkout!, name), from: 'file' });
  }

  const composed = composeGraph(subgraphs);
  const listed = subgraphs.map(({ name, url, from }) => ({ name, url, from }));
  if (!composed.ok) {
    if (json) console.log(JSON.stringify({ ok: false, subgraphs: listed, errors: composed.errors }, null, 2));
    else console.error(`composition failed:\n${composed.errors.map((e) => `  - ${e}`).join('\n')}`);
    return 1;
  }
  const out = option(args, 'out') ?? (fromUrls.size > 0 || !checkout ? '-' : checkout.supergraphFile);
  const { supergraphSdl } = composed.graph;
  if (out === '-') {
    if (json) console.log(JSON.stringify({ ok: true, subgraphs: listed, out: null, supergraphSdl }, null, 2));
    else process.stdout.write(supergraphSdl);
    return 0;
  }
  const file = userPath(out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, supergraphSdl);
  if (json) {
    console.log(JSON.stringify({ ok: true, subgraphs: listed, out: file }, null, 2));
  } else {
    const shown = relative(userDirectory(), file);
    console.error(`composed ${subgraphs.map((s) => s.name).join(', ')} → ${shown && !shown.startsWith('..') ? shown : file}`);
  }
  return 0;
}

/** The committed order first, so an unchanged graph composes to an identical file; then new names. */
function composeOrder(checkout: Checkout | null, fromUrls: Map<string, string>): string[] {
  if (!checkout) return [...fromUrls.keys()];
  const committed = existsSync(checkout.supergraphFile) ? Object.keys(supergraphRoutingUrls(readFileSync(checkout.supergraphFile, 'utf8'))) : [];
  const files = [...new Set([...committed, ...subgraphFileNames(checkout.subgraphsDir)])].filter((name) => existsSync(sdlFile(checkout, name)));
  const names = [...new Set([...files, ...fromUrls.keys()])];
  if (names.length === 0) throw new UsageError(`no subgraph SDL in ${checkout.subgraphsDir} and no --from-urls`);
  return names;
}

function committedSubgraph(checkout: Checkout, name: string): SubgraphSdl {
  const committed = existsSync(checkout.supergraphFile) ? supergraphRoutingUrls(readFileSync(checkout.supergraphFile, 'utf8')) : {};
  const url = committed[name] ?? registeredUrl(checkout, name);
  if (!url) throw new UsageError(`no routing URL for ${name}: it is not in the committed supergraph nor subgraphs/registry.json; pass --from-urls ${name}=<url>`);
  return { name, url, sdl: readFileSync(sdlFile(checkout, name), 'utf8') };
}

function sdlFile(checkout: Checkout, name: string): string {
  return join(checkout.subgraphsDir, `${name}.graphql`);
}

function parseNameUrls(values: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0) throw new UsageError(`--from-urls takes <name>=<url>, got ${JSON.stringify(value)}`);
    map.set(value.slice(0, at), httpUrl(value.slice(at + 1), `--from-urls ${value.slice(0, at)}`));
  }
  return map;
}

/** A subgraph's default URL from subgraphs/registry.json (`npm run new-subgraph` writes it), when listed. */
function registeredUrl(checkout: Checkout, name: string): string | undefined {
  if (!existsSync(checkout.registryFile)) return undefined;
  try {
    const registry = JSON.parse(readFileSync(checkout.registryFile, 'utf8')) as { subgraphs?: Array<{ name?: string; port?: number }> };
    const port = registry.subgraphs?.find((s) => s.name === name)?.port;
    return port ? `http://127.0.0.1:${port}/graphql` : undefined;
  } catch {
    return undefined;
  }
}
