// Type-aware promise rules only: Biome (biome.jsonc) lints and formats everything else. Biome's own
// noFloatingPromises misses promises whose type comes from a library (Kysely, node-redis, node:fs,
// Playwright, vitest's expect), so these stay with typescript-eslint, which asks the TypeScript compiler.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['**/node_modules/', '**/dist/', '**/.test-results/', '**/.turbo/', 'data/', 'test/artifacts/', 'test/.scratch/'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.mjs'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        // One program for the whole repository and one each for the playground's and the portal's
        // browser code: about half the time of projectService's program per package.
        project: ['./tsconfig.eslint.json', './gateway/src/playground/client/tsconfig.json', './portal/web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: {
      // Comments written for other linters (Biome's, or none) are not ESLint's to judge.
      reportUnusedDisableDirectives: 'off',
    },
    rules: {
      // An unawaited write, or a rejection nobody handles (which ends a Node process). `void p` is
      // accepted as a decision: say beside it why nothing needs to wait for, or hear from, p.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function where a void callback is expected (an event listener, a request handler):
      // its rejection goes nowhere.
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
);
