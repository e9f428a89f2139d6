// The portal client kit: typed trusted documents, a client that sends their ids, session, uploads and errors.
export { createGovgraphClient, type GovgraphClientOptions } from './create-client.js';
export { operationName, trustedDocumentId } from './document-ids.js';
export { ERROR_MESSAGES, errorCode, errorMessage, inputProblems, type InputProblem, type KnownErrorCode } from './error-codes.js';
export { SessionStore, type KeyValueStorage, type PortalSession } from './session-store.js';
export { UploadError, uploadDocument } from './upload.js';
export type { UploadedDocumentFields } from './upload-types.js';
export type * from './generated/types.js';
export * from './generated/index.js';
