import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { supergraphRoutingUrls, type SubgraphSdl, type TrustedOperation } from '@govgraph/schema/governance';
import { CHECKOUT_PATHS, type Checkout } from './checkout.js';
import { UsageError } from './cli-args.js';
import { gitHead, type CommitFiles } from './git-head.js';

/** The graph a plain `govgraph check` compares a change with, and where each part came from. */
export interface CommittedGraph {
  /** `HEAD <commit>`, or `the working tree (<why there is no HEAD>)`. */
  source: string;
  subgraphs: SubgraphSdl[];
  operations: TrustedOperation[];
  /** The data policy's JSON text and where it was read. */
  policy: { from: string; text: string };
  /** What was read from the working tree instead of HEAD, or differs there: printed, never silent. */
  notes: string[];
}

/**
 * The committed graph as git HEAD has it: the supergraph, the SDL files it was composed from,
 * the contract operations and the data policy. Not the working tree — `npm run compose` rewrites
 * those files, and a check against them would read a breaking change as "unchanged". A file HEAD
 * does not have (not committed yet) is read from the working tree, with a note; without git, or
 * outside a work tree, everything is, with a note saying so.
 */
export function readCommittedGraph(checkout: Checkout): CommittedGraph {
  const head = gitHead(checkout.root);
  if (!head.ok) return readWorkingTree(checkout, head.reason);
  const files = head.files;
  const notes: string[] = [];
  const fromHead = new FileSource(checkout, files, notes);

  const supergraph = fromHead.read([CHECKOUT_PATHS.supergraph]).get(CHECKOUT_PATHS.supergraph)!;
  const routing = supergraphRoutingUrls(supergraph);
  const names = Object.keys(routing);
  if (names.length === 0) throw new UsageError(`${fromHead.origin(CHECKOUT_PATHS.supergraph)} names no subgraph (no @join__graph)`);
  const sdlPaths = names.map((name) => `${CHECKOUT_PATHS.subgraphs}/${name}.graphql`);
  const sdls = fromHead.read(sdlPaths);
  const subgraphs = names.map((name, i) => ({ name, url: routing[name]!, sdl: sdls.get(sdlPaths[i]!)! }));

  // HEAD's operations, and any not committed yet: a contract operation is checked, never skipped.
  const operationPaths = [...new Set([...files.list(CHECKOUT_PATHS.operations), ...workingTreeOperations(checkout)])].filter(isOperationFile).sort();
  const sources = fromHead.read(operationPaths);
  const operations = operationPaths.map((path) => ({ file: path.slice(CHECKOUT_PATHS.operations.length + 1), source: sources.get(path)! }));

  const policy = fromHead.read([CHECKOUT_PATHS.dataPolicy]).get(CHECKOUT_PATHS.dataPolicy)!;
  fromHead.noteChanged();
  return {
    source: `HEAD ${files.commit.slice(0, 12)}`,
    subgraphs,
    operations,
    policy: { from: fromHead.origin(CHECKOUT_PATHS.dataPolicy), text: policy },
    notes,
  };
}

/** Reads paths at HEAD, falling back to the working tree for what HEAD lacks; remembers both. */
class FileSource {
  private readonly fromWorkingTree = new Set<string>();
  private readonly changed: string[] = [];

  constructor(
    private readonly checkout: Checkout,
    private readonly files: CommitFiles,
    private readonly notes: string[],
  ) {}

  read(paths: string[]): Map<string, string> {
    const committed = this.files.read(paths);
    const texts = new Map<string, string>();
    const missing: string[] = [];
    for (const path of paths) {
      const atHead = committed.get(path);
      const working = readIfExists(join(this.checkout.root, path));
      if (atHead === undefined) {
        if (working === undefined) throw new UsageError(`${path} is neither committed nor in the working tree of ${this.checkout.root}`);
        missing.push(path);
        this.fromWorkingTree.add(path);
        texts.set(path, working);
        continue;
      }
      if (working !== atHead) this.changed.push(path);
      texts.set(path, atHead);
    }
    if (missing.length > 0) this.notes.push(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not committed: read from the working tree`);
    return texts;
  }

  origin(path: string): string {
    return this.fromWorkingTree.has(path) ? path : `HEAD:${path}`;
  }

  /** Names the files the working tree changed or deleted (composed, not committed): the check ignores those changes. */
  noteChanged(): void {
    if (this.changed.length === 0) return;
    this.notes.push(
      `${this.changed.join(', ')} ${this.changed.length === 1 ? 'differs' : 'differ'} from HEAD in the working tree (composed, not committed?): the check compares with HEAD's`,
    );
  }
}

/** The same files from the working tree alone, when there is no HEAD to read. */
function readWorkingTree(checkout: Checkout, reason: string): CommittedGraph {
  const supergraph = readRequired(checkout, CHECKOUT_PATHS.supergraph);
  const routing = supergraphRoutingUrls(supergraph);
  const names = Object.keys(routing);
  if (names.length === 0) throw new UsageError(`${CHECKOUT_PATHS.supergraph} names no subgraph (no @join__graph)`);
  const subgraphs = names.map((name) => ({ name, url: routing[name]!, sdl: readRequired(checkout, `${CHECKOUT_PATHS.subgraphs}/${name}.graphql`) }));
  const operations = workingTreeOperations(checkout).map((path) => ({ file: path.slice(CHECKOUT_PATHS.operations.length + 1), source: readRequired(checkout, path) }));
  return {
    source: `the working tree (${reason})`,
    subgraphs,
    operations,
    policy: { from: CHECKOUT_PATHS.dataPolicy, text: readRequired(checkout, CHECKOUT_PATHS.dataPolicy) },
    notes: [`no git HEAD to read (${reason}): checking against the working tree's files, which npm run compose may already have changed`],
  };
}

function workingTreeOperations(checkout: Checkout): string[] {
  if (!existsSync(checkout.operationsDir)) return [];
  return readdirSync(checkout.operationsDir)
    .map((file) => `${CHECKOUT_PATHS.operations}/${file}`)
    .filter(isOperationFile)
    .sort();
}

function isOperationFile(path: string): boolean {
  // Directly in schema/operations, as the gateway reads them (readTrustedOperations).
  return path.endsWith('.graphql') && !path.slice(CHECKOUT_PATHS.operations.length + 1).includes('/');
}

function readRequired(checkout: Checkout, path: string): string {
  const text = readIfExists(join(checkout.root, path));
  if (text === undefined) throw new UsageError(`cannot read ${join(checkout.root, path)}`);
  return text;
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
