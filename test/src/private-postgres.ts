import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePorts } from './free-ports.js';

const run = promisify(execFile);
const inCI = () => process.env.CI === 'true' || process.env.CI === '1';
const BIN = process.env.POSTGRES_BIN_DIR || '/usr/lib/postgresql/15/bin';
const RUNUSER = '/usr/sbin/runuser';
/** The server binaries refuse to run as root: as root they run as this user. */
const OS_USER = process.env.POSTGRES_OS_USER || 'postgres';

/**
 * A PostgreSQL cluster of the test's own, in a temp folder, that it may stop, crash and restart —
 * never the shared server on 5432. Trust auth, TCP on 127.0.0.1 and a socket in the folder.
 */
export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  start(): Promise<void>;
  /** `fast` ends sessions cleanly; `immediate` is a crash (recovery on the next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  restart(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops the server and removes its folder. */
  cleanup(): Promise<void>;
}

const asRoot = () => process.getuid?.() === 0;

/** True when a private cluster can be made here; false after a visible notice; throws with CI=true. */
export function privatePostgresPossible(): boolean {
  const missing = [`${BIN}/initdb`, `${BIN}/pg_ctl`, `${BIN}/postgres`, ...(asRoot() ? [RUNUSER] : [])].filter((file) => !existsSync(file));
  if (missing.length === 0) return true;
  const message = `cannot start a private PostgreSQL (missing ${missing.join(', ')})`;
  if (inCI()) throw new Error(`${message}; CI requires it (POSTGRES_BIN_DIR)`);
  console.warn(`\n  ⚠ SKIPPED: ${message} — tests that restart PostgreSQL are skipped on this machine.\n`);
  return false;
}

/** Runs a server binary, as the postgres user when we are root. */
function pgTool(tool: string, args: string[]) {
  const file = `${BIN}/${tool}`;
  return asRoot() ? run(RUNUSER, ['-u', OS_USER, '--', file, ...args]) : run(file, args);
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const folder = mkdtempSync(join(tmpdir(), 'govgraph-pg-'));
  const dataDir = join(folder, 'data');
  const logFile = join(folder, 'server.log');
  if (asRoot()) {
    const { stdout } = await run('id', ['-u', OS_USER]);
    const { stdout: group } = await run('id', ['-g', OS_USER]);
    chownSync(folder, Number(stdout.trim()), Number(group.trim()));
  }
  const [port] = await freePorts(1);
  await pgTool('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;

  let running = false;
  const start = async () => {
    await pgTool('pg_ctl', ['start', '-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', options]);
    running = true;
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    if (!running) return;
    await pgTool('pg_ctl', ['stop', '-D', dataDir, '-w', '-m', mode]);
    running = false;
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port: port!,
    start,
    stop,
    async restart(mode = 'fast') {
      await stop(mode);
      await start();
    },
    async cleanup() {
      await stop('immediate').catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
