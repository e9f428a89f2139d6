import { runLoad } from './run-load.js';
import type { LoadSpec } from './types.js';

/**
 * Entry of the load generator's own process (started by startLoadGenerator): it receives a
 * LoadSpec over IPC, runs it, and sends back a LoadResult with the CPU it used, so the process
 * measuring never shares the measured process's CPU accounting.
 */
if (process.send) {
  process.on('message', (message: { id: number; spec: LoadSpec }) => {
    runLoad(message.spec).then(
      (result) => process.send!({ id: message.id, result }),
      (error: Error) => process.send!({ id: message.id, error: error.message }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true });
}
