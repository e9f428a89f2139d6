/**
 * Schema governance: composing, checking a subgraph change against the graph, its contract
 * operations and the data-sharing policy, and the registry's credentials. Light on purpose
 * (graphql and @apollo/composition; Redis only through a client the caller passes), so the
 * gateway's registry runs the same check as the CLI.
 */
export * from './check-subgraph.js';
export * from './compose-graph.js';
export * from './credential-store.js';
export * from './data-flows.js';
export * from './data-policy.js';
export * from './entity-keys.js';
export * from './file-credential-store.js';
export * from './flow-check.js';
export * from './flow-policy.js';
export * from './format-report.js';
export * from './graph-model.js';
export * from './operation-usage.js';
export * from './policy-draft.js';
export * from './publish-credential.js';
export * from './redis-credential-store.js';
export * from './schema-diff.js';
export * from './subgraph-files.js';
export * from './subgraph-names.js';
export * from './trusted-document-manifest.js';
export * from './persisted-query-manifest.js';
export * from './trusted-operations.js';
export type { SubgraphSdl } from '../compose.js';
export { OPERATIONS_DIR, SCHEMA_DIR, SUBGRAPHS_DIR, SUPERGRAPH_FILE, subgraphFile } from '../paths.js';
