import 'reflect-metadata';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT_OPERATIONS_DIR, OPERATIONS_DIR, staleFiles } from '../src/index.js';

describe('generated schema files', () => {
  it('are current: each subgraph SDL, the supergraph, the contract operations and their manifest', async () => {
    const stale = await staleFiles();
    // A stale file means code and committed schema disagree: regenerate and commit them together.
    expect(stale, `stale generated files — run \`npm run compose\` and commit:\n${stale.join('\n')}`).toEqual([]);
  }, 60_000);

  it.runIf(existsSync(CONTRACT_OPERATIONS_DIR))('hold every portal operation of the contract, unchanged', () => {
    const contract = readdirSync(CONTRACT_OPERATIONS_DIR)
      .filter((f) => f.endsWith('.graphql'))
      .sort();
    const committed = readdirSync(OPERATIONS_DIR)
      .filter((f) => f.endsWith('.graphql'))
      .sort();
    // The contract's operations are all there; the reference portal's own may stand beside them.
    expect(committed).toEqual(expect.arrayContaining(contract));
    for (const file of contract) {
      expect(readFileSync(join(OPERATIONS_DIR, file), 'utf8')).toBe(readFileSync(join(CONTRACT_OPERATIONS_DIR, file), 'utf8'));
    }
  });
});
