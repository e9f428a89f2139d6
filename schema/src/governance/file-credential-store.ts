import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, openSync, closeSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readCredentialRecord, type CredentialRecord, type CredentialStore } from './credential-store.js';

interface CredentialFile {
  credentials: CredentialRecord[];
}

const LOCK_WAIT_MS = 5_000;
/** A lock older than this was left by a process that died mid-write. */
const STALE_LOCK_MS = 30_000;

/**
 * Credentials in one JSON file (`<DATA_DIR>/registry/credentials.json`, 0600 in a 0700 folder),
 * for a gateway without Redis. Every gateway process on the machine reads it; the CLI writes it
 * under a lock file, replacing it atomically. A reader looks at its size and times before each
 * use and reads it again when it changed, so a revocation counts at the next request.
 */
export function createFileCredentialStore(file: string): CredentialStore {
  let cached: { stamp: string; records: CredentialRecord[] } | undefined;

  function read(): CredentialRecord[] {
    let stats;
    try {
      stats = statSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    // Anyone who can write the file can add a credential: refuse to trust such a file.
    if ((stats.mode & 0o022) !== 0) throw new Error(`${file} is writable by others than its owner: chmod 600 it`);
    const stamp = `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
    if (cached?.stamp === stamp) return cached.records;
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CredentialFile>;
    if (!Array.isArray(parsed.credentials)) throw new Error(`${file} is not a credentials file`);
    const records = parsed.credentials.map((entry, index) => {
      const record = readCredentialRecord(entry);
      if (!record) throw new Error(`${file}: credentials[${index}] is malformed`);
      return record;
    });
    cached = { stamp, records };
    return records;
  }

  function write(records: CredentialRecord[]): void {
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(draft, `${JSON.stringify({ credentials: records } satisfies CredentialFile, null, 2)}\n`, { mode: 0o600 });
    renameSync(draft, file);
  }

  async function changing<T>(change: (records: CredentialRecord[]) => { records?: CredentialRecord[]; result: T }): Promise<T> {
    const dir = dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const release = await lock(`${file}.lock`);
    try {
      cached = undefined;
      const outcome = change(read());
      if (outcome.records) write(outcome.records);
      return outcome.result;
    } finally {
      release();
    }
  }

  return {
    kind: 'file',
    location: file,
    async records() {
      return read();
    },
    async add(record) {
      await changing((records) => ({ records: [...records, record], result: undefined }));
    },
    async revoke(id, at) {
      return changing((records) => {
        const found = records.find((r) => r.id === id);
        if (!found) return { result: undefined };
        if (found.revokedAt) return { result: found };
        const revoked = { ...found, revokedAt: at };
        return { records: records.map((r) => (r.id === id ? revoked : r)), result: revoked };
      });
    },
    async close() {},
  };
}

/** An exclusive lock file (O_EXCL): two administrators issuing at once cannot lose one's change. */
async function lock(path: string): Promise<() => void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(path, 'wx', 0o600));
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_LOCK_MS) rmSync(path, { force: true });
    } catch {
      // released meanwhile
    }
    if (Date.now() > deadline) throw new Error(`${path} is held by another process; try again (or remove it if no govgraph command is running)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
