import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** schema/ — where the graph lives as files. */
export const SCHEMA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SUBGRAPHS_DIR = join(SCHEMA_DIR, 'subgraphs');
export const SUPERGRAPH_FILE = join(SCHEMA_DIR, 'supergraph.graphql');
/** The graph as clients see it (no federation directives): what codegen and portal teams read. */
export const API_SCHEMA_FILE = join(SCHEMA_DIR, 'api.graphql');
export const OPERATIONS_DIR = join(SCHEMA_DIR, 'operations');
/** The portal contract beside the checkout (../shared/portal-operations); absent on a laptop clone. */
export const CONTRACT_OPERATIONS_DIR = resolve(SCHEMA_DIR, '..', '..', 'shared', 'portal-operations');

export function subgraphFile(name: string): string {
  return join(SUBGRAPHS_DIR, `${name}.graphql`);
}
