import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaygroundExample } from './client/page-config.js';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Each example with its operation's generated TypeScript (graphql-codegen's file of the same stem:
 * `start-form.graphql` → `start-form.ts`), read from `dir` when the gateway first serves the page.
 * An example without such a file is returned as it was: the panel then offers no types view.
 */
export async function withGeneratedTypes(examples: readonly PlaygroundExample[], dir: string): Promise<PlaygroundExample[]> {
  return Promise.all(
    examples.map(async (example) => {
      const file = join(dir, `${example.file.replace(/\.graphql$/, '')}.ts`);
      try {
        return { ...example, typescript: { path: displayPath(file), source: await readFile(file, 'utf8') } };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return example;
        throw error;
      }
    }),
  );
}

/** Relative to the repository when the file is inside it (`portal/kit/src/generated/operations/x.ts`), else absolute. */
function displayPath(file: string): string {
  const inside = relative(REPOSITORY_ROOT, file);
  return inside.startsWith('..') || isAbsolute(inside) ? file : inside.split(sep).join('/');
}
