/** `npm run bench -- --workload deep-query --rounds 5 --seconds 10 --concurrency 16 --only govgraph,apollo-stock`, or `-- --quick` */
export interface BenchOptions {
  workloads: Array<'portal-mix' | 'deep-query'>;
  rounds: number;
  /** Seconds of each measured run at the load concurrency. */
  seconds: number;
  /** Seconds of each run at concurrency 1. */
  singleSeconds: number;
  concurrency: number;
  warmupSeconds: number;
  /** Contender ids to run (all available when absent); `replay` names the direct replay. */
  only: string[] | null;
  /** Write test/bench/results/*.json, docs/benchmarks.md and the chart (off for trial runs). */
  write: boolean;
  /** `--quick`: a short run for checking a change (QUICK's settings; never writes). */
  quick: boolean;
}

/**
 * `--quick`: both workloads in under 3 minutes on a 2-core machine, start-up included, to check a
 * change — the targets' rows only (the baseline-subgraph rows need BENCH_BASELINE_DIR), one short
 * round. Never writes results or docs. Explicit flags override these, wherever they stand.
 */
export const QUICK: Readonly<Pick<BenchOptions, 'rounds' | 'seconds' | 'singleSeconds' | 'warmupSeconds' | 'only'>> = Object.freeze({
  rounds: 1,
  seconds: 4,
  singleSeconds: 2,
  warmupSeconds: 2,
  only: ['govgraph', 'apollo-stock', 'replay', 'govgraph-baseline-subgraphs', 'replay-baseline-subgraphs'],
});

export const USAGE = `npm run bench -- [--workload portal-mix|deep-query|all] [--rounds 5] [--seconds 10] [--single-seconds 5]
                     [--concurrency 16] [--warmup 5] [--only govgraph,apollo-stock,replay] [--no-write] [--quick]
  --quick   a check of a change in under 3 minutes: --rounds ${QUICK.rounds} --seconds ${QUICK.seconds} --single-seconds ${QUICK.singleSeconds} --warmup ${QUICK.warmupSeconds}
            --only ${QUICK.only!.join(',')} (the last two with BENCH_BASELINE_DIR);
            never writes (--no-write); other flags override its settings, e.g. for the deep query's Hive
            target: --quick --workload deep-query --only govgraph,govgraph-2,replay,hive-router-fork2
  BENCH_BASELINE_DIR=<another checkout, e.g. a git worktree of an earlier commit with npm ci>: adds
            govgraph-baseline (its gateway), govgraph-baseline-subgraphs and replay-baseline-subgraphs (its subgraphs)`;

export function parseOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    workloads: ['portal-mix', 'deep-query'],
    rounds: 5,
    seconds: 10,
    singleSeconds: 5,
    concurrency: 16,
    warmupSeconds: 5,
    only: null,
    write: true,
    quick,
    ...(quick ? { ...QUICK, only: [...QUICK.only!], write: false } : {}),
  };
  const number = (flag: string, value: string | undefined, min: number): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new Error(`${flag} needs a number ≥ ${min}\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    switch (flag) {
      case '--workload':
        if (value === 'all') options.workloads = ['portal-mix', 'deep-query'];
        else if (value === 'portal-mix' || value === 'deep-query') options.workloads = [value];
        else throw new Error(`--workload is portal-mix, deep-query or all\n${USAGE}`);
        i++;
        break;
      case '--rounds':
        options.rounds = number(flag, value, 1);
        i++;
        break;
      case '--seconds':
        options.seconds = number(flag, value, 0.5);
        i++;
        break;
      case '--single-seconds':
        options.singleSeconds = number(flag, value, 0);
        i++;
        break;
      case '--concurrency':
        options.concurrency = number(flag, value, 1);
        i++;
        break;
      case '--warmup':
        options.warmupSeconds = number(flag, value, 0);
        i++;
        break;
      case '--only':
        options.only = (value ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        i++;
        break;
      case '--no-write':
        options.write = false;
        break;
      case '--quick':
        break;
      case '--help':
        console.log(USAGE);
        return process.exit(0);
      default:
        throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  return options;
}
