import { cpus, release, totalmem, type as osType } from 'node:os';
import type { Machine } from '../runner/results.js';

export function describeMachine(): Machine {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${osType()} ${release()}`,
  };
}
