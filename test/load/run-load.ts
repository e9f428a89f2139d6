import { KeepAliveClient } from './http-client.js';
import { runLoop } from './loops.js';
import { sendFor } from './targets.js';
import type { LoadResult, LoadSpec } from './types.js';

/** Runs one load spec in this process and reports what happened, including this process's CPU. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const client = new KeepAliveClient();
  try {
    const send = sendFor(spec.target, client);
    const cpuBefore = process.cpuUsage();
    const loop = await runLoop(send, spec.mode, spec.windowSeconds);
    const cpu = process.cpuUsage(cpuBefore);
    const networkErrors = loop.statuses.network ?? 0;
    return {
      mode: spec.mode.kind,
      requests: loop.requests,
      elapsedSeconds: loop.elapsedSeconds,
      perSecond: loop.requests / loop.elapsedSeconds,
      latency: loop.histogram.summary(),
      histogram: loop.histogram.toJSON(),
      statuses: loop.statuses,
      graphqlErrors: loop.graphqlErrors,
      networkErrors,
      droppedConnections: client.counters.dropped,
      connectionsOpened: client.counters.opened,
      skipped: loop.skipped,
      loadCpuSeconds: (cpu.user + cpu.system) / 1e6,
      windows: loop.windows,
      errorSamples: loop.errorSamples,
    };
  } finally {
    client.close();
  }
}
