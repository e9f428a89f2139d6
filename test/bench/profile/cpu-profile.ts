import { readFileSync } from 'node:fs';

/** The parts of V8's `.cpuprofile` (written by `node --cpu-prof`) that are read here. */
interface CpuProfileFile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

/** One sampled stack, root first. */
export interface SampledStack {
  frames: CallFrame[];
}

/**
 * The samples of a profile taken within [fromMicros, toMicros] of the monotonic clock
 * (`process.hrtime` in µs: the clock V8 stamps its samples with on Linux), as stacks. Idle samples
 * are left out: they are not CPU. Samples are counted, not weighed by the time between them: on a
 * busy machine that time includes the moments the process waited for a core.
 */
export function stacksWithin(path: string, fromMicros: number, toMicros: number): SampledStack[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfileFile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const stackCache = new Map<number, CallFrame[]>();
  const stackOf = (id: number): CallFrame[] => {
    const cached = stackCache.get(id);
    if (cached) return cached;
    const frames: CallFrame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) frames.push(byId.get(at)!.callFrame);
    frames.reverse();
    // The synthetic '(root)' frame is every stack's first: not a function.
    const stack = frames[0]?.functionName === '(root)' ? frames.slice(1) : frames;
    stackCache.set(id, stack);
    return stack;
  };
  const stacks: SampledStack[] = [];
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < fromMicros || at > toMicros) continue;
    const frames = stackOf(profile.samples[i]!);
    if (frames.length === 1 && frames[0]!.functionName === '(idle)') continue;
    stacks.push({ frames });
  }
  return stacks;
}
