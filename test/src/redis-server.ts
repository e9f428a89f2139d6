import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { freePorts } from './free-ports.js';

const inCI = () => process.env.CI === 'true' || process.env.CI === '1';
const BINARY = process.env.REDIS_SERVER_PATH || 'redis-server';

/**
 * True when `redis-server` can be run here (tests that stop and start their own Redis need it);
 * false after a visible notice on a laptop without it; throws with CI=true.
 */
export function redisServerInstalled(): boolean {
  const probe = spawnSync(BINARY, ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) return true;
  const message = `${BINARY} is not installed`;
  if (inCI()) throw new Error(`${message}; CI requires it (apt-get install redis-server)`);
  console.warn(`\n  ⚠ SKIPPED: ${message} — tests that stop and restart their own Redis are skipped on this machine.\n`);
  return false;
}

/** A Redis of the test's own, on 127.0.0.1, that it may stop and start again on the same port. */
export interface OwnRedis {
  url: string;
  port: number;
  /** Stops the server (SIGTERM; nothing is saved, so it comes back empty). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function startRedisServer(): Promise<OwnRedis> {
  const [port] = await freePorts(1);
  let child: ChildProcess | undefined;
  let output = '';

  async function start(): Promise<void> {
    output = '';
    child = spawn(BINARY, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 10_000;
    while (!(await answers(port!))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start on ${port}: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function stop(): Promise<void> {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
    child = undefined;
  }

  await start();
  return { url: `redis://127.0.0.1:${port}`, port: port!, start, stop };
}

/**
 * Waits until a test's own Redis connection can take commands: `connectRedis().ready` gives up
 * after a second (services fall back to memory), which a loaded machine can outlast.
 */
export async function untilConnected(connection: { client: { isReady: boolean } }, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!connection.client.isReady) {
    if (Date.now() > deadline) throw new Error(`Redis not connected within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
