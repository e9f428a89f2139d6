import { parseArgs } from 'node:util';
import { startHostileGraph } from './hostile-graph.js';
import { formatSummary, isClean, runHostile } from './run-hostile.js';

/**
 * `npm run reliability:hostile -- --count 100000 --seed 7`: starts the whole graph on port 0,
 * sends the inputs, prints the counts, and exits 1 when any must-be-zero count is not.
 */
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    first: { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '8' },
    postgres: { type: 'string' },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(seed)) {
  console.error('usage: reliability:hostile -- --count <n ≥ 1> --seed <integer> [--first 0] [--concurrency 8] [--postgres postgres://…]');
  process.exit(2);
}
const graph = await startHostileGraph({ postgresUrl: values.postgres });
try {
  const summary = await runHostile(graph, {
    seed,
    count,
    first: Number(values.first),
    concurrency: Number(values.concurrency),
    progressEvery: Math.max(1000, Math.round(count / 20)),
    onProgress: (s) =>
      console.log(
        `  … ${s.inputs}/${count} inputs, ${(s.ms / 1000).toFixed(0)} s, findings ${s.serverErrors + s.internalErrors + s.dropped + s.missingCode + s.stackTraces + s.leaks + s.logLinesWithPersonalData}`,
      ),
  });
  console.log(formatSummary(summary));
  process.exitCode = isClean(summary) ? 0 : 1;
} finally {
  await graph.close();
}
