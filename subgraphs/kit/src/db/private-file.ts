import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';

/** What SQLite creates beside a database file; it gives them the database file's own mode. */
const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'];

/**
 * Makes a SQLite file (a department's database, the events file) readable and writable by its
 * owner only before SQLite opens it: created 0600 when absent, and narrowed to 0600 when an older
 * start left it readable by others — with its companions, which SQLite then creates with the
 * same mode. The data is personal; nobody else on the machine has a reason to read it.
 */
export function ensurePrivateSqliteFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  for (const path of [file, ...SQLITE_COMPANIONS.map((suffix) => file + suffix)]) narrow(path);
}

function narrow(path: string): void {
  if (!existsSync(path)) return;
  try {
    const { mode } = statSync(path);
    if ((mode & 0o077) !== 0) chmodSync(path, mode & 0o700);
  } catch {
    // Not ours to change (another owner): SQLite will say so if it cannot open it either.
  }
}
