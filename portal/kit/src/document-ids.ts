import type { DocumentNode } from 'graphql';
import manifest from '../../../schema/operations/manifest.json' with { type: 'json' };

/**
 * Trusted-document ids by operation name, from schema/operations/manifest.json (bundled, about
 * 2 KB). The id is the SHA-256 of the committed file's text, which is what the gateway knows; a
 * hash of the document as the client prints it would differ, so the client never computes one.
 */
const ID_BY_NAME: ReadonlyMap<string, string> = new Map(manifest.operations.map((operation) => [operation.name, operation.id]));

export function operationName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition') return definition.name?.value;
  }
  return undefined;
}

/** The id the gateway knows the document by; undefined for a document that is not trusted. */
export function trustedDocumentId(document: DocumentNode): string | undefined {
  const name = operationName(document);
  return name === undefined ? undefined : ID_BY_NAME.get(name);
}
