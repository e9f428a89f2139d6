import { readdirSync, readFileSync } from 'node:fs';

/**
 * A process and all its descendants (Linux /proc), e.g. a gateway's cluster workers: CPU and
 * memory of a contender are the sum over these (tsx's esbuild helper left out). Just [pid]
 * where /proc is not readable.
 */
export function processTree(pid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [pid];
  }
  const children = new Map<number, number[]>();
  for (const entry of entries) {
    const parent = parentOf(Number(entry));
    if (parent === null) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.shift()!;
    // tsx's esbuild service (a Go binary beside a TypeScript entry) is not part of the gateway.
    if (next !== pid && command(next) === 'esbuild') continue;
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

function command(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[1]);
  } catch {
    return null;
  }
}
