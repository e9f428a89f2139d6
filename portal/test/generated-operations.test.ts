import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import codegenConfig from '../codegen.js';
import * as kit from '../kit/src/index.js';
import { operationName, trustedDocumentId } from '../kit/src/document-ids.js';

const manifest = JSON.parse(readFileSync(new URL('../../schema/operations/manifest.json', import.meta.url), 'utf8')) as {
  operations: { id: string; name: string }[];
};

describe('the client kit’s generated operations', () => {
  it('are current: codegen over schema/operations and schema/api.graphql writes exactly what is committed', async () => {
    const outputs = (await generate(codegenConfig, false)) as { filename: string; content: string }[];
    expect(outputs.length).toBe(manifest.operations.length + 2);
    const stale = outputs.filter((output) => readFileSync(output.filename, 'utf8') !== output.content).map((output) => output.filename);
    expect(stale, 'stale generated files: run `npm run codegen -w @govgraph/portal` and commit them').toEqual([]);
  }, 60_000);

  it('give every trusted document a typed document whose id the client finds by its name', () => {
    const documents = Object.entries(kit).filter(([name]) => /^[A-Z]\w*Document$/.test(name));
    expect(documents.map(([name]) => name.replace(/Document$/, '')).sort()).toEqual(manifest.operations.map((operation) => operation.name).sort());
    for (const [, document] of documents) {
      const name = operationName(document as never);
      expect(trustedDocumentId(document as never), name).toBe(manifest.operations.find((operation) => operation.name === name)?.id);
    }
  });

  it('find no id for a document that is not trusted, so the gateway refuses it rather than guessing', async () => {
    const { parse } = await import('graphql');
    expect(trustedDocumentId(parse('query Sneaky { me { id } }'))).toBeUndefined();
    expect(trustedDocumentId(parse('{ me { id } }'))).toBeUndefined();
  });
});
