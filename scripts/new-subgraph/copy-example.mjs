// The copy new-subgraph makes of the live example department: every file of subgraphs/example-bureau
// but what is generated or local, with every spelling of its name and department replaced.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { EXAMPLE_DEPARTMENT, EXAMPLE_NAME, namesOf } from './names.mjs';

/** Installed, generated or machine-local: never part of a department's source. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.test-results', '.turbo', 'dist', 'data']);
const SKIPPED_FILES = /\.(log|tsbuildinfo)$/;
/** The example's files that reach the repository root by a relative path (it lives two folders down). */
const ROOT_RELATIVE_FILES = new Set(['package.json', 'tsconfig.json', 'vitest.config.ts']);
const EXAMPLE_ROOT = '../..';
/** The README's note about the example itself, which a copy must not carry. */
const EXAMPLE_ONLY_NOTE = /<!-- live-example[^>]*-->[\s\S]*?<!-- \/live-example -->\n*/g;

const posix = (path) => path.split(sep).join('/');
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A string literal as the codebase writes them: single quotes unless the text has one. */
const quoted = (text) => (/['\\\n]/.test(text) ? JSON.stringify(text) : `'${text}'`);

/** The example's source files, as paths relative to its folder. */
export function exampleFiles(exampleDir) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path);
      } else if (entry.isFile() && !SKIPPED_FILES.test(entry.name)) {
        files.push(posix(relative(exampleDir, path)));
      }
    }
  };
  walk(exampleDir);
  return files;
}

/**
 * Replaces, in one pass (so no replacement is replaced again), every spelling of the example's
 * name with the department's, and the example's department with `department`: quoted where code
 * holds it as a string literal, as it is in prose.
 */
export function renamer(names, department) {
  const from = namesOf(EXAMPLE_NAME);
  const replacements = new Map([
    [from.name, names.name],
    [from.snake, names.snake],
    [from.camel, names.camel],
    [from.pascal, names.pascal],
    [from.env, names.env],
    [from.title, names.title],
    [from.words, names.words],
    [`seededRandom(${from.seed})`, `seededRandom(${names.seed})`],
    [quoted(EXAMPLE_DEPARTMENT), quoted(department)],
    [EXAMPLE_DEPARTMENT, department],
  ]);
  const literals = [...replacements.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // Record ids (`EB-000001`): the prefix only where it starts a word and a dash follows.
  const idPrefix = `(?<![A-Za-z0-9_])${from.idPrefix}(?=-)`;
  const spellings = new RegExp([...literals, idPrefix].join('|'), 'g');
  return (text) => text.replace(spellings, (found) => replacements.get(found) ?? names.idPrefix);
}

/**
 * Writes the copy into `target` and returns its files. `root` is the repository root relative to
 * `target`, for the files that reach it (package.json's scripts, tsconfig.json, vitest.config.ts).
 */
export function copyExample({ exampleDir, target, root, names, department }) {
  const rename = renamer(names, department);
  const written = [];
  for (const file of exampleFiles(exampleDir)) {
    let text = readFileSync(join(exampleDir, file), 'utf8');
    if (file === 'README.md') text = text.replace(EXAMPLE_ONLY_NOTE, '');
    if (ROOT_RELATIVE_FILES.has(file)) text = text.replaceAll(`${EXAMPLE_ROOT}/`, `${root}/`);
    const path = rename(file);
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), rename(text));
    written.push(path);
  }
  return written;
}
