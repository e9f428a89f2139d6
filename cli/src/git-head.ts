import { spawnSync } from 'node:child_process';

/** Files of one commit, read with git itself: no library, and the same answer `git show` gives. */
export interface CommitFiles {
  commit: string;
  /** Paths (relative to the folder asked about) of the files under `folder` in that commit. */
  list(folder: string): string[];
  /** Each path's content in that commit; undefined for a path the commit does not have. */
  read(paths: string[]): Map<string, string | undefined>;
}

export type HeadLookup = { ok: true; files: CommitFiles } | { ok: false; reason: string };

/**
 * HEAD of the git work tree `dir` is in. Not ok — with the reason — when git is not installed,
 * `dir` is not in a work tree, or nothing is committed yet.
 */
export function gitHead(dir: string): HeadLookup {
  const head = git(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head.ok) return head.exited ? { ok: false, reason: whyNoHead(dir) } : head;
  const commit = head.stdout.toString('utf8').trim();
  // `dir` may be a folder inside a larger repository: paths given to cat-file are from the top.
  const prefix = git(dir, ['rev-parse', '--show-prefix']);
  const top = prefix.ok ? prefix.stdout.toString('utf8').trim() : '';
  return {
    ok: true,
    files: {
      commit,
      list(folder) {
        const listed = git(dir, ['ls-tree', '-r', '--name-only', '-z', commit, '--', `${folder}/`]);
        if (!listed.ok) return [];
        // ls-tree prints paths relative to the folder it runs in (dir), as given.
        return listed.stdout.toString('utf8').split('\0').filter(Boolean);
      },
      read(paths) {
        return readObjects(
          dir,
          paths.map((path) => `${commit}:${top}${path}`),
          paths,
        );
      },
    },
  };
}

/** Every object in one `git cat-file --batch`: `<oid> <type> <size>\n<bytes>\n`, or `<name> missing\n`. */
function readObjects(dir: string, names: string[], paths: string[]): Map<string, string | undefined> {
  const found = new Map<string, string | undefined>();
  if (names.length === 0) return found;
  const batch = git(dir, ['cat-file', '--batch'], `${names.join('\n')}\n`);
  if (!batch.ok) throw new Error(`git cat-file failed in ${dir}: ${batch.reason}`);
  const out = batch.stdout;
  let at = 0;
  for (const path of paths) {
    const end = out.indexOf(0x0a, at);
    const header = out.subarray(at, end).toString('utf8');
    at = end + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      found.set(path, undefined); // "<name> missing": not in that commit
      continue;
    }
    const size = Number(match[2]);
    found.set(path, match[1] === 'blob' ? out.subarray(at, at + size).toString('utf8') : undefined);
    at += size + 1;
  }
  return found;
}

/** `exited`: git ran and refused (its first line of stderr is the reason); else git did not run. */
type GitRun = { ok: true; stdout: Buffer } | { ok: false; reason: string; exited: boolean };

function git(dir: string, args: string[], input?: string): GitRun {
  const run = spawnSync('git', args, { cwd: dir, input, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    return { ok: false, exited: false, reason: code === 'ENOENT' ? 'git is not installed' : `git failed (${code ?? run.error.message})` };
  }
  if (run.status !== 0)
    return {
      ok: false,
      exited: true,
      reason:
        run.stderr
          .toString('utf8')
          .split('\n')[0]!
          .replace(/^fatal: /, '')
          .trim() || `git ${args[0]} failed`,
    };
  return { ok: true, stdout: run.stdout };
}

function whyNoHead(dir: string): string {
  const inside = git(dir, ['rev-parse', '--is-inside-work-tree']);
  if (inside.ok) return 'nothing is committed yet';
  // "not a git repository (or any of the parent directories): .git", or e.g. "detected dubious ownership …"
  return /not a git repository/.test(inside.reason) ? 'not a git work tree' : inside.reason;
}
