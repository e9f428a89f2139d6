import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, type SpawnServerOptions } from '../workloads/spawn-server.js';
import type { RunningContender } from './contender.js';
import { processTree } from './process-tree.js';

/**
 * Starts a contender's server with its log written to a temporary file (removed when it stops,
 * or when it fails to start), so the benchmark's own process never carries the log.
 */
export async function startLoggedContender(contender: { id: string; label: string }, options: Omit<SpawnServerOptions, 'logFile'> & { url: string }): Promise<RunningContender> {
  const logDir = mkdtempSync(join(tmpdir(), `govgraph-bench-${contender.id}-`));
  const server = await spawnServer({ ...options, logFile: join(logDir, `${contender.id}.log`) }).catch((error: unknown) => {
    rmSync(logDir, { recursive: true, force: true });
    throw error;
  });
  return {
    id: contender.id,
    label: contender.label,
    graphqlUrl: options.url,
    pid: server.pid,
    pids: () => processTree(server.pid),
    async stop() {
      await server.stop();
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}
