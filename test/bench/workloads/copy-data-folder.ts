import { chmodSync, closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';

const SQLITE_HEADER = 'SQLite format 3\0';
/** A database's companions: its write-ahead log and shared memory, taken care of by the backup. */
const COMPANION = /-(wal|shm|journal)$/;

function isSqlite(file: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, header, 0, header.length, 0) === header.length && header.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * A consistent copy of a running graph's data folder: every SQLite database through SQLite's
 * online backup (a snapshot, whatever its write-ahead log holds, even if a process wrote
 * meanwhile), every other file (keys, the trust list) copied as it is, modes kept (private keys
 * and databases stay private).
 */
export async function copyDataFolder(from: string, to: string): Promise<void> {
  mkdirSync(to, { recursive: true, mode: statSync(from).mode & 0o777 });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await copyDataFolder(source, target);
    else if (!entry.isFile() || COMPANION.test(entry.name)) continue;
    else if (isSqlite(source)) {
      const db = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
      try {
        await db.backup(target);
      } finally {
        db.close();
      }
      chmodSync(target, statSync(source).mode & 0o777);
    } else {
      copyFileSync(source, target);
      chmodSync(target, statSync(source).mode & 0o777);
    }
  }
}
