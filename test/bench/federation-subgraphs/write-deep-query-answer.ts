/** Writes workloads/deep-query.expected.json from the data (see deep-query-answer.ts). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deepQueryAnswer } from './deep-query-answer.js';

const target = fileURLToPath(new URL('../workloads/deep-query.expected.json', import.meta.url));
const text = `${JSON.stringify(deepQueryAnswer(), null, 1)}\n`;
writeFileSync(target, text);
console.log(`wrote ${target} (${Buffer.byteLength(JSON.stringify(deepQueryAnswer()))} bytes as one line)`);
