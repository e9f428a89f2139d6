import type { TrustedDocument } from './trusted-document-manifest.js';

/** The file beside `manifest.json` that Apollo's tooling reads. */
export const PERSISTED_QUERY_MANIFEST_FILE = 'persisted-query-manifest.json';

/**
 * The trusted documents in the format of Apollo's persisted-query manifests
 * (`apollo-persisted-query-manifest`, version 1): each operation with its text as `body`. The ids
 * are the same as in `manifest.json` (SHA-256 of the committed text), so a client built with
 * Apollo Client's persisted-query link and `generatePersistedQueryIdsFromManifest`, or any client
 * that looks an id up by operation name, sends ids the gateway knows.
 */
export function printPersistedQueryManifest(documents: readonly TrustedDocument[]): string {
  const operations = documents.map(({ id, name, type, source }) => ({ id, name, type, body: source }));
  return `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2)}\n`;
}
