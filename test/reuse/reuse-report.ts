import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startGraph } from '../src/harness.js';
import { type ApplicantReuse, type Coverage, DEMO_APPLICANTS, measureReuse, share } from './measure-reuse.js';
import { REPORT_GATEWAY_ENV, REUSE_TARGETS } from './targets.js';

/**
 * `npm run reuse:report`: the once-only coverage of the whole catalog for the demo applicants —
 * every matter's form opened as a returning applicant would — per department and overall,
 * printed and written to docs/reuse.md.
 */
process.env.LOG_LEVEL ??= 'silent';
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
const OUT = fileURLToPath(new URL('../../docs/reuse.md', import.meta.url));
const percent = (part: number, whole: number) => `${(share(part, whole) * 100).toFixed(1)} %`;
const met = (value: number, target: number) => (value >= target ? 'met' : `**not met** (target ${(target * 100).toFixed(0)} %)`);

const started = performance.now();
const graph = await startGraph({ gatewayEnv: REPORT_GATEWAY_ENV });
let results: ApplicantReuse[];
try {
  results = [];
  for (const applicant of DEMO_APPLICANTS) results.push(await measureReuse(graph, applicant));
} finally {
  await graph.close();
}
const seconds = ((performance.now() - started) / 1000).toFixed(0);

const fieldsShare = (c: Coverage) => share(c.sourcedFilled, c.sourcedFields);
const materialsShare = (c: Coverage) => share(c.requiredSatisfied, c.requiredMaterials);
const lines: string[] = [
  '# Once-only coverage: what arrives filled',
  '',
  'Written by `npm run reuse:report` (test/reuse/reuse-report.ts); do not edit by hand. Every matter of',
  'the catalog the applicant may apply for (city and district implementations serving persons, or',
  'enterprises) is opened with the portal’s StartForm as a returning applicant would, on the demo data.',
  'Counted: form fields that name a source (a fact the graph could hold) that arrive filled, and',
  'required materials that something the graph holds satisfies (a licence, an earlier document, or',
  'the application form the system generates). `test/e2e/reuse-coverage.e2e.ts` fails below the',
  'targets (sourced fields ≥ 95 % for a person and for an enterprise, required materials ≥ 75 %).',
  '',
  `Run: ${new Date().toISOString().slice(0, 10)}, ${seconds} s.`,
  '',
  '| applicant | forms | sourced fields filled | | required materials satisfied | |',
  '|---|---|---|---|---|---|',
];
for (const { applicant, overall } of results) {
  lines.push(
    `| ${applicant.label} | ${overall.forms} | ${percent(overall.sourcedFilled, overall.sourcedFields)} (${overall.sourcedFilled} / ${overall.sourcedFields}) | ${met(fieldsShare(overall), REUSE_TARGETS.sourcedFields)} | ${percent(overall.requiredSatisfied, overall.requiredMaterials)} (${overall.requiredSatisfied} / ${overall.requiredMaterials}) | ${met(materialsShare(overall), REUSE_TARGETS.requiredMaterials)} |`,
  );
}
lines.push(
  '',
  '## By department',
  '',
  `| department | ${results.map((r) => `${r.applicant.label}: fields | materials`).join(' | ')} |`,
  `|---|${results.map(() => '---|---|').join('')}`,
);
const departments = [...new Set(results.flatMap((r) => [...r.byDepartment.keys()]))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
for (const department of departments) {
  const cells = results.map((r) => {
    const c = r.byDepartment.get(department);
    return c ? `${percent(c.sourcedFilled, c.sourcedFields)} | ${percent(c.requiredSatisfied, c.requiredMaterials)}` : '— | —';
  });
  lines.push(`| ${department} | ${cells.join(' | ')} |`);
}
lines.push('', '## What is still missing', '');
for (const r of results) {
  const top = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, count]) => `${name} (${count})`)
      .join(', ') || 'nothing';
  lines.push(`- **${r.applicant.label}** — empty sourced fields: ${top(r.unfilledSources)}; unsatisfied required materials: ${top(r.unsatisfiedMaterials)}.`);
}
lines.push('');
writeFileSync(OUT, lines.join('\n'));
console.log(lines.slice(12, 12 + 2 + results.length).join('\n'));
console.log(`\nwritten to docs/reuse.md (${seconds} s)`);
