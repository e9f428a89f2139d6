import { parseArgs } from 'node:util';
import { hostileInputs } from './generate-inputs.js';

/** Prints one input by seed and index, to reproduce a finding: `tsx hostile/show-input.ts --seed 1 --index 94`. */
const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, index: { type: 'string', default: '0' } } });
for (const input of hostileInputs(Number(values.seed), 1, Number(values.index))) {
  console.log(JSON.stringify({ ...input, body: input.body && input.body.length > 4000 ? `${input.body.slice(0, 4000)}… (${input.body.length} characters)` : input.body }, null, 2));
}
