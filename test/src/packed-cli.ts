import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildCli } from '@govgraph/cli/build';

const CLI_PACKAGE = fileURLToPath(new URL('../../cli/', import.meta.url));
const run = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface PackedCli {
  /** The packed tarball and its size in bytes. */
  tarball: string;
  bytes: number;
  /** A department's own repository with the tarball installed, outside this one. */
  repository: string;
  /** `npx govgraph …` in that repository, as its CI runs it: nothing of this checkout's environment. */
  npx(args: string[], env?: Record<string, string>): Promise<CliRun>;
}

/**
 * Builds the CLI bundle (the test never relies on a build having run), packs @govgraph/cli as
 * `npm pack` does, and installs the tarball offline into `<dir>/department`, a repository of
 * its own with no other dependency: what a department gets.
 */
export async function installPackedCli(dir: string): Promise<PackedCli> {
  await buildCli();
  const env = departmentEnv();
  const npm = (args: string[], cwd: string) => run(npmCommand('npm'), args, { cwd, env, timeout: 120_000 });
  mkdirSync(join(dir, 'packed'), { recursive: true });
  // --ignore-scripts: prepack would build again; buildCli just did.
  const packed = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', join(dir, 'packed'), '--cache', join(dir, 'npm-cache')], CLI_PACKAGE);
  const [{ filename, size }] = JSON.parse(packed.stdout) as [{ filename: string; size: number }];
  const tarball = join(dir, 'packed', filename);

  const repository = join(dir, 'department');
  mkdirSync(repository, { recursive: true });
  writeFileSync(join(repository, 'package.json'), JSON.stringify({ name: 'housing-fund-department', private: true }));
  await npm(['install', '--offline', '--no-audit', '--no-fund', '--cache', join(dir, 'npm-cache'), tarball], repository);

  return {
    tarball,
    bytes: size,
    repository,
    async npx(args, extra = {}) {
      try {
        const { stdout, stderr } = await run(npmCommand('npx'), ['govgraph', ...args], { cwd: repository, env: { ...env, ...extra }, timeout: 60_000 });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
      }
    },
  };
}

/**
 * The environment of a shell in the department's repository: this test's npm, vitest and govgraph
 * variables removed, and no `node_modules/.bin` of this checkout on the PATH (where the in-repo
 * `govgraph` lives), so only the installed package can answer.
 */
function departmentEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm_|VITEST|GOVGRAPH_|REDIS_|TURBO_)/i.test(key) && !['INIT_CWD', 'DATA_DIR', 'NODE_ENV', 'NODE_OPTIONS'].includes(key)),
  );
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => !entry.includes(`node_modules${'/'}.bin`))
    .join(delimiter);
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false' };
}

/** npm and npx beside the node running the tests (the PATH may not have them once cleaned). */
function npmCommand(name: 'npm' | 'npx'): string {
  const beside = join(dirname(process.execPath), name);
  return existsSync(beside) ? beside : name;
}
