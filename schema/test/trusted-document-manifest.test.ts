import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildTrustedDocumentManifest,
  documentId,
  loadTrustedDocuments,
  PERSISTED_QUERY_MANIFEST_FILE,
  parseTrustedDocumentManifest,
  printTrustedDocumentManifest,
  readTrustedOperations,
  TRUSTED_DOCUMENT_MANIFEST_FILE,
} from '../src/governance/index.js';
import { OPERATIONS_DIR } from '../src/paths.js';

const sha256 = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

describe('the committed trusted-document manifest', () => {
  const manifestPath = join(OPERATIONS_DIR, TRUSTED_DOCUMENT_MANIFEST_FILE);
  const manifest = parseTrustedDocumentManifest(readFileSync(manifestPath, 'utf8'));

  it('lists every trusted operation once (the contract’s 15, the reference portal’s 5, the disclosure and consultation offices’ 15, the supervision board), by file, with the SHA-256 of its bytes as its id', () => {
    const files = readTrustedOperations(OPERATIONS_DIR);
    expect(files).toHaveLength(36);
    expect(manifest.operations.map((entry) => entry.file)).toEqual(files.map((f) => f.file));
    for (const entry of manifest.operations) {
      expect(entry.id, entry.file).toBe(
        createHash('sha256')
          .update(readFileSync(join(OPERATIONS_DIR, entry.file)))
          .digest('hex'),
      );
    }
  });

  it('names each operation and its type as the document does', () => {
    const byFile = Object.fromEntries(manifest.operations.map((entry) => [entry.file, entry]));
    expect(byFile['start-form.graphql']).toMatchObject({ name: 'StartForm', type: 'query' });
    expect(byFile['login.graphql']).toMatchObject({ name: 'Login', type: 'mutation' });
    expect(byFile['verify-licence.graphql']).toMatchObject({ name: 'VerifyLicence', type: 'query' });
  });

  it('loads with every document checked against its id', () => {
    const documents = loadTrustedDocuments(manifestPath);
    expect(documents).toHaveLength(36);
    for (const document of documents) expect(documentId(document.source)).toBe(document.id);
  });

  it('is also written in Apollo’s persisted-query manifest format, with the same ids and each text as its body', () => {
    const apollo = JSON.parse(readFileSync(join(OPERATIONS_DIR, PERSISTED_QUERY_MANIFEST_FILE), 'utf8')) as {
      format: string;
      version: number;
      operations: { id: string; name: string; type: string; body: string }[];
    };
    expect(apollo.format).toBe('apollo-persisted-query-manifest');
    expect(apollo.version).toBe(1);
    expect(apollo.operations.map(({ id, name, type }) => ({ id, name, type }))).toEqual(manifest.operations.map(({ id, name, type }) => ({ id, name, type })));
    for (const operation of apollo.operations) {
      expect(sha256(operation.body), operation.name).toBe(operation.id);
      const file = manifest.operations.find((entry) => entry.id === operation.id)!.file;
      expect(operation.body).toBe(readFileSync(join(OPERATIONS_DIR, file), 'utf8'));
    }
  });
});

describe('buildTrustedDocumentManifest', () => {
  const matters = '# Matters, public\nquery Matters { matters { code } }\n';
  const login = 'mutation Login($u: String!) { login(username: $u) { token } }';

  it('hashes the text exactly as sent (comments, whitespace, UTF-8) and sorts by file', () => {
    const chinese = 'query Search { a } # 驾驶证\n';
    const manifest = buildTrustedDocumentManifest([
      { file: 'z.graphql', source: login },
      { file: 'a.graphql', source: matters },
      { file: 'm.graphql', source: chinese },
    ]);
    expect(manifest).toEqual({
      format: 'govgraph-trusted-documents',
      version: 1,
      operations: [
        { id: sha256(matters), name: 'Matters', type: 'query', file: 'a.graphql' },
        { id: sha256(chinese), name: 'Search', type: 'query', file: 'm.graphql' },
        { id: sha256(login), name: 'Login', type: 'mutation', file: 'z.graphql' },
      ],
    });
    expect(sha256(matters)).not.toBe(sha256(matters.trim()));
    expect(printTrustedDocumentManifest(manifest).endsWith('}\n')).toBe(true);
    expect(parseTrustedDocumentManifest(printTrustedDocumentManifest(manifest))).toEqual(manifest);
  });

  it.each([
    ['two operations', 'query A { a } query B { b }', /exactly one operation, found 2/],
    ['an anonymous operation', '{ a }', /needs a name/],
    ['no operation', 'fragment F on Query { a }', /exactly one operation, found 0/],
    ['a syntax error', 'query A {', /x\.graphql: Syntax Error/],
  ])('refuses %s', (_what, source, message) => {
    expect(() => buildTrustedDocumentManifest([{ file: 'x.graphql', source }])).toThrow(message);
  });

  it('refuses two documents with one name, or with one text', () => {
    expect(() =>
      buildTrustedDocumentManifest([
        { file: 'a.graphql', source: 'query A { a }' },
        { file: 'b.graphql', source: 'query A { b }' },
      ]),
    ).toThrow(/b\.graphql: operation A is already defined in a\.graphql/);
    expect(() =>
      buildTrustedDocumentManifest([
        { file: 'a.graphql', source: 'query A { a }' },
        { file: 'b.graphql', source: 'query A { a }' },
      ]),
    ).toThrow(/b\.graphql: the same text as a\.graphql/);
  });
});

describe('parseTrustedDocumentManifest and loadTrustedDocuments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govgraph-manifest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['another format', '{"format":"apollo-persisted-query-manifest","version":1,"operations":[]}', /not a govgraph-trusted-documents manifest/],
    ['a short id', '{"format":"govgraph-trusted-documents","version":1,"operations":[{"id":"abc","name":"A","type":"query","file":"a.graphql"}]}', /malformed entry/],
    [
      'a path outside the folder',
      `{"format":"govgraph-trusted-documents","version":1,"operations":[{"id":"${'a'.repeat(64)}","name":"A","type":"query","file":"../a.graphql"}]}`,
      /malformed entry/,
    ],
  ])('refuses %s', (_what, json, message) => {
    expect(() => parseTrustedDocumentManifest(json)).toThrow(message);
  });

  it('refuses a document changed since the manifest was written, and a missing one', () => {
    const source = 'query A { a }\n';
    writeFileSync(join(dir, 'a.graphql'), source);
    const path = join(dir, 'manifest.json');
    writeFileSync(path, printTrustedDocumentManifest(buildTrustedDocumentManifest([{ file: 'a.graphql', source }])));
    expect(loadTrustedDocuments(path)).toEqual([{ id: sha256(source), name: 'A', type: 'query', file: 'a.graphql', source }]);

    writeFileSync(join(dir, 'a.graphql'), 'query A { a b }\n');
    expect(() => loadTrustedDocuments(path)).toThrow(/a\.graphql no longer has the id .*npm run compose/);
    rmSync(join(dir, 'a.graphql'));
    expect(() => loadTrustedDocuments(path)).toThrow(/a\.graphql is listed but missing/);
    expect(() => loadTrustedDocuments(join(dir, 'nope.json'))).toThrow(/no manifest at/);
  });
});
