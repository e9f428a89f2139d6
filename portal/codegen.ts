import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * graphql-codegen over the trusted documents in schema/operations/ and the API schema
 * schema/api.graphql (both written by `npm run compose`): the schema's enums, inputs and scalars
 * in one file, one file per operation with its result and variable types and its typed document
 * (self-contained: it declares the enums and inputs it uses), and an index of them.
 * `npm run codegen -w @govgraph/portal` writes them; a test fails when they are stale.
 */
const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const OPERATIONS = at('../schema/operations/');
const GENERATED = at('./kit/src/generated/');
const operationFiles = readdirSync(OPERATIONS)
  .filter((file) => file.endsWith('.graphql'))
  .sort();

const shared = {
  scalars: { DateTime: 'string', Date: 'string' },
  // Never `any`: a scalar the config does not name is `unknown` until someone says what it is.
  defaultScalarType: 'unknown',
  enumsAsTypes: true,
  useTypeImports: true,
  avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
  skipTypename: false,
};

const config: CodegenConfig = {
  schema: at('../schema/api.graphql'),
  emitLegacyCommonJSImports: false,
  silent: true,
  generates: {
    [`${GENERATED}types.ts`]: { plugins: ['typescript'], config: { ...shared, onlyOperationTypes: true } },
    [`${GENERATED}index.ts`]: { documents: `${OPERATIONS}*.graphql`, plugins: [at('./codegen/operation-index.mjs')] },
    ...Object.fromEntries(
      operationFiles.map((file) => [
        `${GENERATED}operations/${file.replace(/\.graphql$/, '.ts')}`,
        { documents: `${OPERATIONS}${file}`, plugins: ['typescript-operations', 'typed-document-node'], config: shared },
      ]),
    ),
  },
};

export default config;
