import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The spellings of a department's name, as `npm run new-subgraph` derives them (scripts/new-subgraph/names.mjs). */
export interface DepartmentNames {
  name: string;
  camel: string;
  pascal: string;
  env: string;
  snake: string;
  title: string;
  words: string;
  idPrefix: string;
  seed: number;
}

interface NamesModule {
  EXAMPLE_NAME: string;
  EXAMPLE_DIR: string;
  EXAMPLE_DEPARTMENT: string;
  namesOf(name: string): DepartmentNames;
}

/** The live example department that new-subgraph copies, and how it spells names. */
export async function exampleDepartment(): Promise<NamesModule & { dir: string; names: DepartmentNames }> {
  const module = (await import(pathToFileURL(join(root, 'scripts', 'new-subgraph', 'names.mjs')).href)) as NamesModule;
  return { ...module, dir: join(root, module.EXAMPLE_DIR), names: module.namesOf(module.EXAMPLE_NAME) };
}

/** A department folder's own files, relative to it: not what installs, tests and builds leave there. */
export function sourceFiles(folder: string, under = ''): string[] {
  return readdirSync(join(folder, under), { withFileTypes: true }).flatMap((entry) => {
    const path = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return ['node_modules', '.test-results', '.turbo', 'dist', 'data'].includes(entry.name) ? [] : sourceFiles(folder, path);
    return /\.(log|tsbuildinfo)$/.test(entry.name) ? [] : [path];
  });
}

/**
 * Every spelling of the example's name or department left in a scaffolded copy (its paths
 * included), as `file: spelling`: a copy renamed whole has none.
 */
export async function leftoverExampleSpellings(folder: string): Promise<string[]> {
  const { names, EXAMPLE_DEPARTMENT } = await exampleDepartment();
  const literals = [names.name, names.camel, names.pascal, names.env, names.snake, names.title, names.words, String(names.seed), EXAMPLE_DEPARTMENT];
  const idPrefix = new RegExp(`(?<![A-Za-z0-9_])${names.idPrefix}-`);
  return sourceFiles(folder).flatMap((path) => {
    const text = `${path}\n${readFileSync(join(folder, path), 'utf8')}`;
    const found = literals.filter((spelling) => text.includes(spelling));
    if (idPrefix.test(text)) found.push(`${names.idPrefix}-`);
    return found.map((spelling) => `${path}: ${spelling}`);
  });
}
