#!/usr/bin/env node
// The closing lines of `npm test`: every failed test again, by package, file and name (the stream
// above interleaves a dozen tasks, and CI keeps only its tail), then the totals of the vitest JSON
// reports. Its argument is turbo's exit status, so a failed lint or type check still fails the run.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const turboStatus = Number(process.argv[2] ?? 0);
const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const missing = [];
const failures = [];
for (const workspace of workspaces) {
  const report = join(root, workspace, '.test-results', 'vitest.json');
  if (!existsSync(report)) {
    missing.push(workspace);
    continue;
  }
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, testResults = [] } = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += numPassedTests;
  totals.failed += numFailedTests;
  totals.skipped += numPendingTests + numTodoTests;
  for (const file of testResults) {
    const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    // A file that failed to load or in a hook has no failed test of its own, only a message.
    if (failed.length === 0 && file.status === 'failed') failed.push({ fullName: '(the file itself)', failureMessages: [file.message ?? ''] });
    for (const test of failed) {
      const message = (test.failureMessages ?? []).join('\n').split('\n').slice(0, 6).join('\n      ');
      failures.push(`  ${relative(root, file.name)} > ${test.fullName}\n      ${message}`);
    }
  }
  // Hook failures and unhandled errors, which the JSON report leaves without a message.
  const suiteErrors = join(root, workspace, '.test-results', 'suite-errors.json');
  if (existsSync(suiteErrors)) {
    const { suites = [], unhandled = [] } = JSON.parse(readFileSync(suiteErrors, 'utf8'));
    for (const suite of suites)
      failures.push(
        `  ${relative(root, suite.file ?? workspace)} > ${suite.suite} (hook or file error)\n      ${suite.errors.join('\n').split('\n').slice(0, 8).join('\n      ')}`,
      );
    for (const error of unhandled) failures.push(`  ${workspace} > (unhandled error)\n      ${error.split('\n').join('\n      ')}`);
  }
}
if (failures.length > 0) console.log(`\nFailed:\n${failures.join('\n')}`);
if (missing.length > 0) console.log(`no test report from: ${missing.join(', ')}`);
if (turboStatus !== 0) console.log(`turbo ended with status ${turboStatus} (a lint, type check or test task failed; see its lines above)`);
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(turboStatus !== 0 || totals.failed > 0 || missing.length > 0 || totals.passed === 0 ? 1 : 0);
