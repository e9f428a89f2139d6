import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One trusted document: a portal contract operation as committed in `schema/operations/`. */
export interface TrustedOperation {
  /** File name, e.g. `start-form.graphql`. */
  file: string;
  source: string;
}

/** Every `*.graphql` in the folder, by file name; none when the folder is absent. */
export function readTrustedOperations(dir: string): TrustedOperation[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, source: readFileSync(join(dir, file), 'utf8') }));
}
