import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { TrustedOperation } from './trusted-operations.js';

/** The manifest's file name, beside the trusted documents in `schema/operations/`. */
export const TRUSTED_DOCUMENT_MANIFEST_FILE = 'manifest.json';
export const TRUSTED_DOCUMENT_MANIFEST_FORMAT = 'govgraph-trusted-documents';

export type OperationType = OperationDefinitionNode['operation'];

/** One trusted document as the manifest lists it. */
export interface TrustedDocumentEntry {
  /** SHA-256 of the document's text exactly as committed (UTF-8), lowercase hex: what a portal sends instead of the text. */
  id: string;
  /** The operation's name, e.g. `StartForm`. */
  name: string;
  type: OperationType;
  /** File name beside the manifest, e.g. `start-form.graphql`. */
  file: string;
}

export interface TrustedDocumentManifest {
  format: typeof TRUSTED_DOCUMENT_MANIFEST_FORMAT;
  version: 1;
  operations: TrustedDocumentEntry[];
}

/** A manifest entry with its text, read and checked against its id. */
export interface TrustedDocument extends TrustedDocumentEntry {
  source: string;
}

/** The id of a document: SHA-256 of its text as sent, lowercase hex (the APQ `sha256Hash`). */
export function documentId(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

/**
 * The manifest of a set of trusted documents, sorted by file. Each document must hold exactly
 * one named operation (its name labels logs and metrics), and no two may share a name or a text.
 */
export function buildTrustedDocumentManifest(operations: readonly TrustedOperation[]): TrustedDocumentManifest {
  const entries: TrustedDocumentEntry[] = [];
  const byName = new Map<string, string>();
  const byId = new Map<string, string>();
  for (const { file, source } of [...operations].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const operation = singleOperation(file, source);
    const name = operation.name!.value;
    const id = documentId(source);
    if (byId.has(id)) throw new Error(`${file}: the same text as ${byId.get(id)}`);
    if (byName.has(name)) throw new Error(`${file}: operation ${name} is already defined in ${byName.get(name)}`);
    byName.set(name, file);
    byId.set(id, file);
    entries.push({ id, name, type: operation.operation, file });
  }
  return { format: TRUSTED_DOCUMENT_MANIFEST_FORMAT, version: 1, operations: entries };
}

/** The manifest as committed: two-space JSON with a final newline. */
export function printTrustedDocumentManifest(manifest: TrustedDocumentManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Parses and checks a manifest's shape; throws saying what is wrong. */
export function parseTrustedDocumentManifest(json: string): TrustedDocumentManifest {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('not valid JSON');
  }
  const manifest = value as Partial<TrustedDocumentManifest> | null;
  if (!manifest || manifest.format !== TRUSTED_DOCUMENT_MANIFEST_FORMAT || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(`not a ${TRUSTED_DOCUMENT_MANIFEST_FORMAT} manifest of version 1`);
  }
  for (const entry of manifest.operations as unknown[]) {
    const e = entry as Partial<TrustedDocumentEntry> | null;
    const valid =
      !!e &&
      typeof e.id === 'string' &&
      /^[0-9a-f]{64}$/.test(e.id) &&
      typeof e.name === 'string' &&
      typeof e.file === 'string' &&
      /^[^/\\]+\.graphql$/.test(e.file) &&
      (e.type === 'query' || e.type === 'mutation' || e.type === 'subscription');
    if (!valid) throw new Error(`malformed entry ${JSON.stringify(entry)}`);
  }
  return manifest as TrustedDocumentManifest;
}

/**
 * Reads a manifest and the documents beside it, checking that each file's text still has the
 * id the manifest gives it: a gateway never serves a document its portals did not build against.
 */
export function loadTrustedDocuments(manifestPath: string): TrustedDocument[] {
  if (!existsSync(manifestPath)) throw new Error(`no manifest at ${manifestPath}`);
  let manifest: TrustedDocumentManifest;
  try {
    manifest = parseTrustedDocumentManifest(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new Error(`${manifestPath}: ${(error as Error).message}`);
  }
  const dir = dirname(manifestPath);
  return manifest.operations.map((entry) => {
    const path = join(dir, entry.file);
    if (!existsSync(path)) throw new Error(`${manifestPath}: ${entry.file} is listed but missing`);
    const source = readFileSync(path, 'utf8');
    if (documentId(source) !== entry.id) {
      throw new Error(`${manifestPath}: ${entry.file} no longer has the id ${entry.id}; run \`npm run compose\``);
    }
    return { ...entry, source };
  });
}

function singleOperation(file: string, source: string): OperationDefinitionNode {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(source).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  if (operations.length !== 1) throw new Error(`${file}: a trusted document holds exactly one operation, found ${operations.length}`);
  if (!operations[0]!.name) throw new Error(`${file}: the operation needs a name`);
  return operations[0]!;
}
