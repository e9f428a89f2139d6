import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, type Category, categorise } from './categories.js';
import { type SampledStack, stacksWithin } from './cpu-profile.js';

/** One measured run of a set of subgraphs: when (monotonic µs), how many requests, each process's CPU. */
export interface ProfileWindow {
  from: number;
  to: number;
  requests: number;
  cpuSeconds: Record<string, number>;
}

/** One department's profile: each bucket's share of its main-thread samples, and its CPU per portal request. */
export interface Breakdown {
  name: string;
  shares: Map<Category, number>;
  samples: number;
  cpuMsPerRequest: number;
  stacks: SampledStack[];
}

/** Reads each subgraph's profile (`node --cpu-prof` files in `profileDir`) within the window and buckets its samples. */
export function breakdownOf(profileDir: string, pidsByName: Record<string, number>, window: ProfileWindow): Breakdown[] {
  const files = readdirSync(profileDir);
  return Object.entries(pidsByName).map(([name, pid]) => {
    // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is the main thread.
    const file = files.find((f) => f.split('.')[3] === String(pid) && f.split('.')[4] === '0');
    if (!file) throw new Error(`no CPU profile written by ${name} (pid ${pid})`);
    const stacks = stacksWithin(join(profileDir, file), window.from, window.to);
    const counts = new Map<Category, number>(CATEGORIES.map((c) => [c, 0]));
    for (const stack of stacks) {
      const category = categorise(stack.frames);
      counts.set(category, counts.get(category)! + 1);
    }
    const shares = new Map([...counts].map(([c, n]) => [c, stacks.length ? n / stacks.length : 0]));
    return { name, shares, samples: stacks.length, cpuMsPerRequest: (window.cpuSeconds[name]! * 1000) / window.requests, stacks };
  });
}

const ms = (n: number) => n.toFixed(3);
const cell = (row: Breakdown, category: Category) => row.shares.get(category)! * row.cpuMsPerRequest;
/** Fewer samples than this in a window: the department served none of the mix (a stray timer), its CPU is the profiler's. */
export const REACHED = 20;
const active = (rows: Breakdown[]) => rows.filter((row) => row.samples >= REACHED);
const totalOf = (rows: Breakdown[], category?: Category) => active(rows).reduce((sum, row) => sum + (category ? cell(row, category) : row.cpuMsPerRequest), 0);

/**
 * ms per portal request per bucket and department: the bucket's share of the department's
 * main-thread samples times its CPU per request from /proc (so libuv's and V8's helper threads
 * are spread over the buckets).
 */
export function breakdownTable(rows: Breakdown[]): string {
  const shown = active(rows);
  const total = totalOf(rows);
  const lines = [`| bucket | ${shown.map((r) => r.name).join(' | ')} | all | share |`, `|---|${shown.map(() => '---:|').join('')}---:|---:|`];
  for (const category of CATEGORIES) {
    const sum = totalOf(rows, category);
    lines.push(`| ${category} | ${shown.map((r) => ms(cell(r, category))).join(' | ')} | ${ms(sum)} | ${total ? ((sum / total) * 100).toFixed(1) : '0.0'} % |`);
  }
  lines.push(`| **CPU per portal request** | ${shown.map((r) => `**${ms(r.cpuMsPerRequest)}**`).join(' | ')} | **${ms(total)}** | 100 % |`);
  lines.push(`| main-thread samples | ${shown.map((r) => String(r.samples)).join(' | ')} | ${shown.reduce((s, r) => s + r.samples, 0)} | |`);
  const idle = rows.filter((row) => row.samples < REACHED);
  if (idle.length) {
    lines.push(
      '',
      `Not reached by the portal mix (fewer than ${REACHED} samples in the window; left out above): ${idle.map((r) => `${r.name} (${ms(r.cpuMsPerRequest)} ms per request, mostly the profiler's own sampling)`).join(', ')}.`,
    );
  }
  return lines.join('\n');
}

/** Bucket by bucket, all departments together: the baseline checkout's subgraphs against this one's, from the same run. */
export function comparisonTable(before: Breakdown[], after: Breakdown[]): string {
  const lines = ['| bucket | baseline ms/request | this checkout ms/request | after ÷ before |', '|---|---:|---:|---:|'];
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
  for (const category of CATEGORIES) {
    const [b, a] = [totalOf(before, category), totalOf(after, category)];
    lines.push(`| ${category} | ${ms(b)} | ${ms(a)} | ${ratio(a, b)} |`);
  }
  const [b, a] = [totalOf(before), totalOf(after)];
  lines.push(`| **all subgraphs** | **${ms(b)}** | **${ms(a)}** | **${ratio(a, b)}** |`);
  return lines.join('\n');
}
