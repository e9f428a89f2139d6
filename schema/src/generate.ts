import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { SubgraphSdl } from './compose.js';
import { buildTrustedDocumentManifest, printTrustedDocumentManifest, TRUSTED_DOCUMENT_MANIFEST_FILE } from './governance/trusted-document-manifest.js';
import { PERSISTED_QUERY_MANIFEST_FILE, printPersistedQueryManifest } from './governance/persisted-query-manifest.js';
import { readTrustedOperations, type TrustedOperation } from './governance/trusted-operations.js';
import { composeWithApiSchema, printApiSchema } from './api-schema.js';
import { API_SCHEMA_FILE, CONTRACT_OPERATIONS_DIR, OPERATIONS_DIR, SUPERGRAPH_FILE, subgraphFile } from './paths.js';
import { SUBGRAPH_SERVICES, defaultRoutingUrl } from './subgraph-services.js';

/** One generated file: where it goes and what it must contain. */
export interface GeneratedFile {
  path: string;
  content: string;
}

export async function printSubgraphs(): Promise<SubgraphSdl[]> {
  return Promise.all(
    SUBGRAPH_SERVICES.map(async (service) => ({
      name: service.name,
      url: defaultRoutingUrl(service.name),
      sdl: (await service.buildSchema()).sdl,
    })),
  );
}

/** The contract operations, copied so that a clone without ../shared still has them. */
function contractOperations(): GeneratedFile[] {
  if (!existsSync(CONTRACT_OPERATIONS_DIR)) return [];
  return readdirSync(CONTRACT_OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => ({ path: join(OPERATIONS_DIR, file), content: readFileSync(join(CONTRACT_OPERATIONS_DIR, file), 'utf8') }));
}

/**
 * Every trusted document: the contract's operations (as the contract has them, when it is beside
 * the checkout) and the reference portal's own, committed beside them in `schema/operations/`.
 */
function trustedOperations(contract: GeneratedFile[]): TrustedOperation[] {
  const byFile = new Map(readTrustedOperations(OPERATIONS_DIR).map((operation) => [operation.file, operation]));
  for (const file of contract) byFile.set(basename(file.path), { file: basename(file.path), source: file.content });
  return [...byFile.values()];
}

/** The trusted documents' manifest (id = SHA-256 of each file's text), in ours and in Apollo's format. */
function trustedDocumentManifests(operations: TrustedOperation[]): GeneratedFile[] {
  const manifest = buildTrustedDocumentManifest(operations);
  const sources = new Map(operations.map((operation) => [operation.file, operation.source]));
  const documents = manifest.operations.map((entry) => ({ ...entry, source: sources.get(entry.file) ?? '' }));
  return [
    { path: join(OPERATIONS_DIR, TRUSTED_DOCUMENT_MANIFEST_FILE), content: printTrustedDocumentManifest(manifest) },
    { path: join(OPERATIONS_DIR, PERSISTED_QUERY_MANIFEST_FILE), content: printPersistedQueryManifest(documents) },
  ];
}

/** Everything `npm run compose` writes, computed from code. */
export async function generatedFiles(): Promise<GeneratedFile[]> {
  const subgraphs = await printSubgraphs();
  const contract = contractOperations();
  const { supergraphSdl, apiSchema } = composeWithApiSchema(subgraphs);
  return [
    ...subgraphs.map((s) => ({ path: subgraphFile(s.name), content: s.sdl })),
    { path: SUPERGRAPH_FILE, content: supergraphSdl },
    { path: API_SCHEMA_FILE, content: printApiSchema(apiSchema) },
    ...contract,
    ...trustedDocumentManifests(trustedOperations(contract)),
  ];
}

/** Files whose committed content differs from what the code generates now. */
export async function staleFiles(): Promise<string[]> {
  const files = await generatedFiles();
  return files.filter((f) => !existsSync(f.path) || readFileSync(f.path, 'utf8') !== f.content).map((f) => f.path);
}
