// A vitest reporter for what the JSON report drops: an error in a suite's hook (beforeAll failing
// skips the suite's tests and leaves only "the file failed") and errors outside any test. It writes
// them to .test-results/suite-errors.json, which scripts/test-summary.mjs prints at the end of `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const OUTPUT = '.test-results/suite-errors.json';

function describeError(error) {
  return String(error?.stack || error?.message || error)
    .split('\n')
    .slice(0, 8)
    .join('\n');
}

/** Suites (and files) whose own result carries errors, with the path of names leading to them. */
function failedSuites(task, path, found) {
  const names = task.type === 'suite' && task.name ? [...path, task.name] : path;
  if (task.type !== 'test' && task.result?.errors?.length) {
    found.push({ file: task.file?.filepath ?? task.filepath, suite: names.join(' > ') || '(the file)', errors: task.result.errors.map(describeError) });
  }
  for (const child of task.tasks ?? []) failedSuites(child, names, found);
  return found;
}

export default class SuiteErrorsReporter {
  onInit(vitest) {
    this.root = vitest.config.root;
  }

  onTestRunEnd(testModules, unhandledErrors = []) {
    const suites = [];
    for (const module of testModules) failedSuites(module.task, [], suites);
    const unhandled = unhandledErrors.map(describeError);
    const file = resolve(this.root ?? process.cwd(), OUTPUT);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ suites, unhandled }, null, 2));
  }
}
