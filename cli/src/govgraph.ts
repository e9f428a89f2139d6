import { UsageError } from './cli-args.js';
import { main } from './cli-main.js';

// The entry of `npx govgraph` (schema/bin/govgraph.mjs): usage and environment errors are one
// line on stderr and exit code 2; anything else is a bug and keeps its stack.
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`govgraph: ${error.message}`);
  process.exitCode = 2;
}
