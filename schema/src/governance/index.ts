/**
 * Schema governance: composing, checking a subgraph change against the graph and its contract
 * operations, and the per-department publish keys. Light on purpose (graphql and
 * @apollo/composition only), so the gateway's registry runs the same check as the CLI.
 */
export * from './check-subgraph.js';
export * from './compose-graph.js';
export * from './entity-keys.js';
export * from './format-report.js';
export * from './operation-usage.js';
export * from './publish-key.js';
export * from './schema-diff.js';
export * from './subgraph-files.js';
export * from './trusted-document-manifest.js';
export * from './trusted-operations.js';
export type { SubgraphSdl } from '../compose.js';
export { OPERATIONS_DIR, SCHEMA_DIR, SUBGRAPHS_DIR, SUPERGRAPH_FILE, subgraphFile } from '../paths.js';
