import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MIN_SECRET_LENGTH = 32;

/**
 * The HMAC secret shared by the gateway and the subgraphs. Production sets GOVGRAPH_SECRET;
 * a laptop gets one generated once into DATA_DIR, so every process started on that folder
 * agrees without configuration.
 */
export function loadSharedSecret(dataDir: string, fromEnv = process.env.GOVGRAPH_SECRET): string {
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_SECRET_LENGTH) {
      throw new Error(`GOVGRAPH_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    return fromEnv;
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'gateway-secret');
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, randomBytes(32).toString('base64url'), { mode: 0o600 });
  try {
    // link() is atomic and fails if another process published its secret first: then use theirs.
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  return readFileSync(file, 'utf8').trim();
}
