import { UsageError } from './cli-args.js';
import { main } from './cli-main.js';

// The entry of `govgraph` (bin/govgraph.mjs; bundled as dist/govgraph.mjs). A command that could
// not run is one line on stderr and exit code 2 — never a stack, never npm's noise; anything
// unexpected is a bug: exit code 2 too, with its stack for the report.
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`govgraph: ${error.message.trim().replace(/\s*\n\s*(?:- )?/g, '; ')}`);
  } else {
    console.error(`govgraph: unexpected error (a bug; please report it with this output): ${error instanceof Error ? error.stack : String(error)}`);
  }
  process.exitCode = 2;
}
