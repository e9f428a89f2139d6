import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BENCHMARKS_MD = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));

/**
 * Replaces the `<!-- growth:<part>:start -->…<!-- growth:<part>:end -->` block inside the growth
 * section of docs/benchmarks.md (adding it at the section's end the first time), so the
 * hand-written explanation around the measured tables survives every run.
 */
export function writeGrowthSection(part: string, markdown: string): void {
  const text = readFileSync(BENCHMARKS_MD, 'utf8');
  const [sectionStart, sectionEnd] = ['<!-- growth:start -->', '<!-- growth:end -->'];
  const [start, end] = [`<!-- growth:${part}:start -->`, `<!-- growth:${part}:end -->`];
  const from = text.indexOf(sectionStart);
  const to = text.indexOf(sectionEnd);
  if (from < 0 || to < from) throw new Error(`docs/benchmarks.md has no ${sectionStart} … ${sectionEnd} section`);
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const section = text.slice(from, to);
  const updated =
    section.includes(start) && section.includes(end)
      ? section.slice(0, section.indexOf(start)) + block + section.slice(section.indexOf(end) + end.length)
      : `${section.trimEnd()}\n\n${block}\n`;
  writeFileSync(BENCHMARKS_MD, text.slice(0, from) + updated + text.slice(to));
  console.error(`wrote the growth ${part} table into ${BENCHMARKS_MD}`);
}
