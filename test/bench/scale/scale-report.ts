import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCALE_MD = fileURLToPath(new URL('../../../docs/scale.md', import.meta.url));
const [START, END] = ['<!-- scale-bench:start -->', '<!-- scale-bench:end -->'];

/** Replaces the measured block of docs/scale.md (between the scale-bench markers), keeping the prose around it. */
export function writeScaleSection(markdown: string): void {
  const text = readFileSync(SCALE_MD, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`docs/scale.md has no ${START} … ${END} block`);
  writeFileSync(SCALE_MD, `${text.slice(0, from)}${START}\n${markdown.trim()}\n${text.slice(to)}`);
  console.error(`wrote the scale table into ${SCALE_MD}`);
}
