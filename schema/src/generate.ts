import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { composeSupergraph, type SubgraphSdl } from './compose.js';
import { buildTrustedDocumentManifest, printTrustedDocumentManifest, TRUSTED_DOCUMENT_MANIFEST_FILE } from './governance/trusted-document-manifest.js';
import { readTrustedOperations } from './governance/trusted-operations.js';
import { CONTRACT_OPERATIONS_DIR, OPERATIONS_DIR, SUPERGRAPH_FILE, subgraphFile } from './paths.js';
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
 * The trusted documents' manifest (id = SHA-256 of each file's text), from the contract when it
 * is beside the checkout, else from the committed operations.
 */
function trustedDocumentManifest(operations: GeneratedFile[]): GeneratedFile {
  const documents = operations.length > 0 ? operations.map((f) => ({ file: basename(f.path), source: f.content })) : readTrustedOperations(OPERATIONS_DIR);
  return {
    path: join(OPERATIONS_DIR, TRUSTED_DOCUMENT_MANIFEST_FILE),
    content: printTrustedDocumentManifest(buildTrustedDocumentManifest(documents)),
  };
}

/** Everything `npm run compose` writes, computed from code. */
export async function generatedFiles(): Promise<GeneratedFile[]> {
  const subgraphs = await printSubgraphs();
  const operations = contractOperations();
  return [
    ...subgraphs.map((s) => ({ path: subgraphFile(s.name), content: s.sdl })),
    { path: SUPERGRAPH_FILE, content: composeSupergraph(subgraphs) },
    ...operations,
    trustedDocumentManifest(operations),
  ];
}

/** Files whose committed content differs from what the code generates now. */
export async function staleFiles(): Promise<string[]> {
  const files = await generatedFiles();
  return files.filter((f) => !existsSync(f.path) || readFileSync(f.path, 'utf8') !== f.content).map((f) => f.path);
}
