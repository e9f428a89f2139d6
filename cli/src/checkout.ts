import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from './cli-args.js';

/**
 * A govgraph checkout the CLI runs in: where the committed graph lives as files. Found at run
 * time by walking up from where the user is, never from where the CLI was built or installed —
 * the same compiled CLI runs in the repository and in a department's own repository.
 */
export interface Checkout {
  root: string;
  schemaDir: string;
  subgraphsDir: string;
  supergraphFile: string;
  operationsDir: string;
  dataPolicyFile: string;
  /** `subgraphs/registry.json`: each department's default port (`npm run new-subgraph` adds to it). */
  registryFile: string;
  /** `npm start`'s DATA_DIR when none is set: keys, trust list, credentials. */
  dataDir: string;
}

/** The checkout's paths, relative to its root, as git names them. */
export const CHECKOUT_PATHS = {
  supergraph: 'schema/supergraph.graphql',
  subgraphs: 'schema/subgraphs',
  operations: 'schema/operations',
  dataPolicy: 'schema/data-policy.json',
} as const;

/**
 * The nearest folder at or above `from` that is a govgraph checkout: its package.json is the
 * `govgraph` monorepo's and it holds the committed supergraph. A department's repository with a
 * `schema/` folder of its own is not one.
 */
export function findCheckout(from: string): Checkout | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (isCheckout(dir)) return checkoutAt(dir);
    if (dirname(dir) === dir) return null;
  }
}

/** The checkout the command needs; outside one, a usage error saying what to do instead. */
export function requireCheckout(checkout: Checkout | null, why: string): Checkout {
  if (checkout) return checkout;
  throw new UsageError(`not inside a govgraph checkout: ${why}`);
}

export function checkoutAt(root: string): Checkout {
  const schemaDir = join(root, 'schema');
  return {
    root,
    schemaDir,
    subgraphsDir: join(root, CHECKOUT_PATHS.subgraphs),
    supergraphFile: join(root, CHECKOUT_PATHS.supergraph),
    operationsDir: join(root, CHECKOUT_PATHS.operations),
    dataPolicyFile: join(root, CHECKOUT_PATHS.dataPolicy),
    registryFile: join(root, 'subgraphs', 'registry.json'),
    dataDir: join(root, 'data'),
  };
}

function isCheckout(dir: string): boolean {
  if (!existsSync(join(dir, CHECKOUT_PATHS.supergraph))) return false;
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'govgraph';
  } catch {
    return false;
  }
}
