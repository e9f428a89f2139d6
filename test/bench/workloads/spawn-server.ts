import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Children still running: killed if this process exits without stopping them (a crash, Ctrl-C). */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const ROOT_TSCONFIG = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));

export interface ServerProcess {
  /** Where it serves GraphQL: announced on stdout, or the `url` it was started with. */
  url: string;
  pid: number;
  child: ChildProcess;
  /** The last lines it printed (for error messages). */
  output(): string[];
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnServerOptions {
  label: string;
  /** Arguments after the command (node by default), e.g. ['--import', 'tsx', 'serve.ts']. */
  args: string[];
  command?: string;
  cwd?: string;
  env?: Record<string, string | undefined>;
  /**
   * Known URL (the port was chosen up front): the child's output goes to `logFile`, never through
   * this process, and it is ready once `{ __typename }` answers there. Without it the child
   * prints one JSON line `{"listening": url}` on stdout.
   */
  url?: string;
  logFile?: string;
  /** Headers for the readiness query (e.g. a token the glue needs). */
  readyHeaders?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * Starts a server as its own process, so its CPU and memory are its own (readable from
 * /proc/<pid>), and waits until it answers. Run node itself — `node --import tsx`, not the tsx
 * wrapper — so the pid is the server's.
 */
export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const toFile = options.url !== undefined;
  const logFd = toFile ? openSync(options.logFile ?? '/dev/null', 'a') : undefined;
  const child = spawn(options.command ?? process.execPath, options.args, {
    cwd: options.cwd ?? REPO_ROOT,
    env: childEnv(options.env),
    stdio: toFile ? ['ignore', logFd!, logFd!] : ['ignore', 'pipe', 'pipe'],
  });
  if (logFd !== undefined) closeSync(logFd);
  live.add(child);
  child.once('exit', () => live.delete(child));
  const lines: string[] = [];
  const output = () => (toFile && options.logFile ? tail(options.logFile) : lines.slice(-40));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  const stop = async (graceMs = 5_000) => {
    if (!isRunning()) return;
    child.kill('SIGTERM');
    const cutOff = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(cutOff);
  };
  const failure = (reason: string) => new Error(`${options.label} ${reason}:\n${output().join('\n')}`);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));

  let url: string;
  try {
    url = toFile ? await waitAnswering(options.url!, options.readyHeaders ?? {}, timeoutMs, isRunning) : await waitAnnounced(child, lines, timeoutMs);
  } catch (error) {
    await stop(1_000);
    throw failure(spawnError ? `could not start (${spawnError.message})` : (error as Error).message);
  }
  return { url, pid: child.pid!, child, output, stop };
}

function waitAnnounced(child: ChildProcess, lines: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => settle(new Error(`did not report its URL within ${timeoutMs} ms`)), timeoutMs);
    const settle = (result: string | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (typeof result === 'string') resolve(result);
      else reject(result);
    };
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        if (lines.length >= 200) lines.shift();
        lines.push(line);
        const url = announcedUrl(line);
        if (url) settle(url);
      });
    }
    child.once('exit', (code, signal) => settle(new Error(`exited (${signal ?? code}) before it reported its URL`)));
  });
}

async function waitAnswering(url: string, headers: Record<string, string>, timeoutMs: number, isRunning: () => boolean): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning()) throw new Error('exited before it answered');
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ __typename }' }),
        signal: AbortSignal.timeout(2_000),
      });
      const body = (await response.json()) as { data?: { __typename?: string } };
      if (response.ok && body.data?.__typename === 'Query') return url;
    } catch {
      // not listening (or not ready) yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`did not answer at ${url} within ${timeoutMs} ms`);
}

function announcedUrl(line: string): string | null {
  if (!line.startsWith('{')) return null;
  try {
    const parsed = JSON.parse(line) as { listening?: unknown };
    return typeof parsed.listening === 'string' ? parsed.listening : null;
  } catch {
    return null;
  }
}

function tail(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-40);
  } catch {
    return [];
  }
}

/** The parent's environment without vitest's markers, plus what the child needs. */
function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TSX_TSCONFIG_PATH: ROOT_TSCONFIG, APOLLO_TELEMETRY_DISABLED: 'true' };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}
