#!/usr/bin/env node
// `npm run new-subgraph -- <name> [--dir <folder>] [--port <n>] [--department <text>] [--no-register] [--no-install]`
//
// Scaffolds a department's subgraph into <dir>/<name> (default subgraphs/<name>) — a copy of the live
// example department, subgraphs/example-bureau, renamed (new-subgraph/copy-example.mjs) — and
// joins it to the graph: an entry in subgraphs/registry.json (read by composition, `npm start`
// and the test harness), the workspace in the root package.json, the dependency of
// @govgraph/schema, its entry in schema/data-policy.json (its personal data, and draft agreements
// for the data flows it opens), then `npm install` to link it. --no-register writes the folder
// only (tests scaffold into test/.scratch/ this way); --no-install leaves `npm install` to you.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { copyExample } from './new-subgraph/copy-example.mjs';
import { EXAMPLE_DIR, namesOf } from './new-subgraph/names.mjs';
import { addPolicyEntry } from './new-subgraph/policy-entry.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const REGISTRY = join(root, 'subgraphs', 'registry.json');
const NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const GATEWAY_PORT = 4000;
/** Folders and packages of the repository, and words that would confuse a reader of the graph. */
const RESERVED = new Set([
  'kit',
  'gateway',
  'schema',
  'test',
  'tests',
  'scripts',
  'docs',
  'data',
  'shared',
  'node-modules',
  'registry',
  'supergraph',
  'subgraph',
  'subgraphs',
  'govgraph',
  'graph',
  'all',
  'new',
  'query',
  'mutation',
]);
const USAGE = 'usage: npm run new-subgraph -- <name> [--dir <folder>] [--port <n>] [--department <text>] [--no-register] [--no-install]';

class UsageError extends Error {}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
const posix = (path) => path.split(sep).join('/');

function parse(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      port: { type: 'string' },
      department: { type: 'string' },
      'no-register': { type: 'boolean', default: false },
      'no-install': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name the department' : `one name only, got ${positionals.join(' ')}`);
  return { name: positionals[0], ...values };
}

/** Names of every workspace package, so the new package never shadows one. */
function workspacePackages() {
  const names = new Set();
  for (const workspace of readJson(join(root, 'package.json')).workspaces ?? []) {
    const file = join(root, workspace, 'package.json');
    if (existsSync(file)) names.add(readJson(file).name);
  }
  return names;
}

function checkName(name, registry) {
  if (!NAME_PATTERN.test(name) || name.length > 40) {
    throw new UsageError(
      `"${name}" is not a department name: use kebab-case, lower-case letters, digits and dashes, starting with a letter (e.g. housing-fund), at most 40 characters`,
    );
  }
  if (RESERVED.has(name)) throw new UsageError(`"${name}" is reserved; choose another name`);
  if (registry.some((entry) => entry.name === name)) throw new UsageError(`"${name}" is already a subgraph of the graph (subgraphs/registry.json)`);
  if (workspacePackages().has(`@govgraph/${name}`)) throw new UsageError(`@govgraph/${name} already exists in this repository`);
}

function choosePort(option, registry, register) {
  const taken = new Map([[GATEWAY_PORT, 'the gateway'], ...registry.map((entry) => [entry.port, entry.name])]);
  if (option === undefined) {
    let port = Math.max(GATEWAY_PORT, ...registry.map((entry) => entry.port)) + 1;
    while (taken.has(port)) port += 1;
    return port;
  }
  const port = Number(option);
  if (!/^\d+$/.test(option) || port < 1024 || port > 65_535) throw new UsageError(`--port must be a number 1024-65535, got ${option}`);
  if (register && taken.has(port)) throw new UsageError(`port ${port} is already ${taken.get(port)}'s`);
  return port;
}

function register(entry) {
  const registry = readJson(REGISTRY);
  registry.subgraphs.push(entry);
  writeJson(REGISTRY, registry);

  // The root workspaces list names every package folder.
  const rootPackage = readJson(join(root, 'package.json'));
  if (!rootPackage.workspaces.includes(entry.dir)) {
    const lastSubgraph = rootPackage.workspaces.reduce((last, w, i) => (w.startsWith('subgraphs/') ? i : last), -1);
    rootPackage.workspaces.splice(lastSubgraph + 1, 0, entry.dir);
    writeJson(join(root, 'package.json'), rootPackage);
  }

  // Composition imports every registered package: @govgraph/schema depends on it (and Turborepo sees that).
  const schemaFile = join(root, 'schema', 'package.json');
  const schemaPackage = readJson(schemaFile);
  if (!schemaPackage.dependencies[entry.package]) {
    const deps = Object.entries(schemaPackage.dependencies);
    const lastDepartment = deps.reduce((last, [dep], i) => (dep.startsWith('@govgraph/') && dep !== '@govgraph/kit' ? i : last), deps.length - 1);
    deps.splice(lastDepartment + 1, 0, [entry.package, '*']);
    schemaPackage.dependencies = Object.fromEntries(deps);
    writeJson(schemaFile, schemaPackage);
  }
}

/**
 * Renaming changes line lengths, so the copy is formatted as `npm run lint` expects (biome.jsonc);
 * a copy Biome cannot format is left as written, and lint names what to fix.
 */
function formatCopy(target) {
  const biome = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'biome.cmd' : 'biome');
  if (!existsSync(biome)) return;
  spawnSync(biome, ['format', '--write', target], { cwd: root, stdio: 'ignore', shell: process.platform === 'win32' });
}

async function main() {
  const options = parse(process.argv.slice(2));
  const registry = readJson(REGISTRY).subgraphs;
  const shouldRegister = !options['no-register'];
  checkName(options.name, registry);
  const port = choosePort(options.port, registry, shouldRegister);

  const parent = resolve(process.env.INIT_CWD || process.cwd(), options.dir ?? join(root, 'subgraphs'));
  const target = join(parent, options.name);
  const fromRoot = relative(root, target);
  // Node finds @govgraph/kit and the other dependencies in the root node_modules only from inside the repository.
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) throw new UsageError(`--dir must be inside the repository (${root})`);
  if (existsSync(target)) throw new UsageError(`${posix(fromRoot)} already exists`);
  // npm start compiles subgraphs/*/src with the root tsconfig (decorators): that is where a department lives.
  if (shouldRegister && posix(fromRoot) !== `subgraphs/${options.name}`) {
    throw new UsageError(`a registered subgraph lives in subgraphs/${options.name}; add --no-register to scaffold into ${posix(relative(root, parent))}`);
  }

  const names = namesOf(options.name);
  let files;
  try {
    files = copyExample({
      exampleDir: join(root, EXAMPLE_DIR),
      target,
      root: posix(relative(target, root)),
      names,
      department: options.department ?? names.title,
    });
  } catch (error) {
    rmSync(target, { recursive: true, force: true });
    throw error;
  }
  formatCopy(target);
  console.log(`created ${posix(fromRoot)}/ (@govgraph/${options.name}), a copy of ${EXAMPLE_DIR}:`);
  for (const path of files) console.log(`  ${path}`);

  if (!shouldRegister) {
    console.log(`\nnot registered (--no-register): npm start and composition leave it out; it listens on ${names.env}_PORT.`);
    return;
  }
  const entry = { name: options.name, port, package: `@govgraph/${options.name}`, dir: posix(fromRoot) };
  register(entry);
  console.log(`\nregistered ${options.name} on port ${port} (${names.env}_PORT) in subgraphs/registry.json;`);
  console.log(`added ${entry.dir} to the workspaces and ${entry.package} to @govgraph/schema's dependencies.`);
  const agreements = await addPolicyEntry(root, names);
  console.log(`classified its personal data in schema/data-policy.json (Applicant.${names.camel}Records, ${names.pascal}Record.*)${agreements.length === 0 ? '.' : ','}`);
  if (agreements.length > 0) {
    console.log(`and drafted ${agreements.length} data-sharing agreement${agreements.length === 1 ? '' : 's'} for the flows it opens: ${agreements.map((a) => a.id).join(', ')}.`);
    console.log('Write their purpose and legal basis (marked "TO COMPLETE") before committing: a test refuses the placeholders.');
  }

  let linked = false;
  if (!options['no-install']) {
    console.log('\nnpm install (links the new workspace, records it in package-lock.json) …');
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    linked = npm.status === 0;
    if (!linked) console.error('npm install failed: run it yourself before composing or starting.');
  }
  console.log(`
next:
  ${linked ? '' : 'npm install                           # link the new workspace first\n  '}npm run compose                       # prints schema/subgraphs/${options.name}.graphql, recomposes the supergraph
  npm test -w @govgraph/${options.name}   # its unit tests
  npm start                             # the graph on :4000, ${options.name} among its services on :${port}
  # or, with a graph already running: npm start -w @govgraph/${options.name}, then govgraph check and
  # publish it to that gateway without a restart (docs/departments.md, "Run a department alone")
  then, signed in as zhangsan: { me { ${names.camel}Records { id title status recordedOn } } }
`);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof UsageError) && error?.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && error?.code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw error;
  console.error(`new-subgraph: ${error.message}\n${USAGE}`);
  process.exit(2);
}
