import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult, LoadSpec } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));

export interface LoadGenerator {
  /** The load process's pid, e.g. to read its CPU or memory from /proc. */
  pid: number;
  /** Runs one load spec in the load process; one at a time. */
  run(spec: LoadSpec): Promise<LoadResult>;
  close(): Promise<void>;
}

/** Starts the load generator in a process of its own (tsx, the repository's tsconfig). */
export async function startLoadGenerator(): Promise<LoadGenerator> {
  const child: ChildProcess = fork(join(here, 'load-process.ts'), [], {
    cwd: join(here, '..'),
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TSX_TSCONFIG_PATH: join(here, '../../tsconfig.json') },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`load process exited (${code}) before it was ready`)));
  });
  let nextId = 0;
  const waiting = new Map<number, { resolve(r: LoadResult): void; reject(e: Error): void }>();
  child.on('message', (message: { id: number; result?: LoadResult; error?: string }) => {
    const waiter = waiting.get(message.id);
    if (!waiter) return;
    waiting.delete(message.id);
    if (message.result) waiter.resolve(message.result);
    else waiter.reject(new Error(`load process: ${message.error}`));
  });
  child.on('exit', (code) => {
    for (const waiter of waiting.values()) waiter.reject(new Error(`load process exited (${code})`));
    waiting.clear();
  });
  return {
    pid: child.pid!,
    run(spec) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ id, spec });
      });
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
