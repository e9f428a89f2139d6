import { readFileSync } from 'node:fs';

export interface MemorySample {
  /** Seconds since sampling began (the load run starts at the same moment). */
  second: number;
  gatewayRss: number;
  /** All subgraph processes together. */
  subgraphsRss: number;
}

/** Resident memory now (VmRSS), not the peak: a soak looks for growth over time. */
export function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // the process is gone
  }
}

/** Samples the resident memory of the gateway and the subgraphs every `everyMs`, from now. */
export function sampleMemory(pids: { gateway: number; subgraphs: number[] }, everyMs: number, onSample: (sample: MemorySample) => void) {
  const started = Date.now();
  const take = () =>
    onSample({
      second: (Date.now() - started) / 1000,
      gatewayRss: rssBytes(pids.gateway),
      subgraphsRss: pids.subgraphs.reduce((sum, pid) => sum + rssBytes(pid), 0),
    });
  take();
  const timer = setInterval(take, everyMs);
  return { stop: () => (clearInterval(timer), take()) };
}
