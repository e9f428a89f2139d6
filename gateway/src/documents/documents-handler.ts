import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '@govgraph/kit';
import type { PartyKeys } from '@govgraph/kit/trust';
import type { GatewayContext } from '../context.js';
import { RequestRefusal } from '../plugins/gateway-plugin.js';
import type { PluginPipeline } from '../plugins/plugin-pipeline.js';
import { forwardDownload } from './forward-download.js';
import { forwardUpload, UploadTooLargeError } from './forward-upload.js';
import { relayResponse, unavailable } from './relay-response.js';
import { uploadFilename } from './upload-filename.js';

export interface DocumentsHandlerOptions {
  /** The applications subgraph's documents endpoint, e.g. http://127.0.0.1:4004/documents. */
  documentsUrl: string;
  /** The gateway's own key: signs the forwarded request and its body trailer. */
  keys: PartyKeys;
  /** Auth first: the same plugins' `onRequest` hooks that run before GraphQL fill the claims. */
  pipeline: Pick<PluginPipeline, 'request'>;
  maxUploadBytes: number;
  timeoutMs: number;
}

export const DOCUMENTS_PATH = '/documents';

export function isDocumentsPath(path: string): boolean {
  return path === DOCUMENTS_PATH || path.startsWith(`${DOCUMENTS_PATH}/`);
}

const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

function tooLarge(limitBytes: number): RequestRefusal {
  const mib = Math.round((limitBytes / (1024 * 1024)) * 10) / 10;
  return new RequestRefusal(
    413,
    ErrorCode.BAD_USER_INPUT,
    `The document is larger than ${mib} MiB (${limitBytes} bytes)`,
    { reason: 'TOO_LARGE', limitBytes },
    { connection: 'close' },
  );
}

/**
 * `POST /documents?filename=<name>` (the raw file as the body) and `GET /documents/<id>`: the
 * bearer token is checked as for GraphQL, then the request is streamed to the applications
 * subgraph, signed, and its answer streamed back. Nothing is buffered whole; an upload over the
 * limit is refused from its Content-Length before it is read, or cut off once it passes it.
 */
export function createDocumentsHandler(options: DocumentsHandlerOptions) {
  const base = options.documentsUrl.replace(/\/+$/, '');

  async function authenticate(req: IncomingMessage, context: GatewayContext, what: string) {
    try {
      await options.pipeline.request(req, context);
    } catch (error) {
      // Refused before the body was read: do not read it (and discard it) after answering.
      if (error instanceof RequestRefusal) throw new RequestRefusal(error.status, error.code, error.message, error.extensions, { ...error.headers, connection: 'close' });
      throw error;
    }
    if (!context.claims) {
      throw new RequestRefusal(401, ErrorCode.UNAUTHENTICATED, `Sign in to ${what}`, {}, { 'www-authenticate': 'Bearer', connection: 'close' });
    }
    return context.claims;
  }

  async function upload(req: IncomingMessage, res: ServerResponse, context: GatewayContext, url: URL): Promise<void> {
    // Refused before anything is read: a declared size over the limit.
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > options.maxUploadBytes) throw tooLarge(options.maxUploadBytes);
    const claims = await authenticate(req, context, 'upload documents');
    if (!claims.applicantId) {
      throw new RequestRefusal(403, ErrorCode.FORBIDDEN, 'Only an applicant can upload documents', {}, { connection: 'close' });
    }
    const filename = uploadFilename(req, url);
    if (filename === null) {
      throw new RequestRefusal(
        400,
        ErrorCode.BAD_USER_INPUT,
        'The x-filename header is not valid URI encoding',
        { reason: 'BAD_FILENAME', field: 'filename' },
        { connection: 'close' },
      );
    }
    const target = new URL(base);
    if (filename !== undefined) target.searchParams.set('filename', filename);
    // A client waiting for "100 Continue" (curl on large files) sends its body only now.
    if (/100-continue/i.test(String(req.headers.expect ?? ''))) res.writeContinue();

    let forwarded;
    try {
      forwarded = await forwardUpload(req, {
        url: target,
        keys: options.keys,
        requestId: context.requestId,
        claims,
        clientAddress: context.clientAddress,
        maxBytes: options.maxUploadBytes,
        timeoutMs: options.timeoutMs,
      });
    } catch (error) {
      if (error instanceof UploadTooLargeError) throw tooLarge(error.limitBytes);
      if (req.destroyed && !req.complete) {
        context.log.info('upload abandoned by the client');
        return;
      }
      context.log.error({ serviceName: 'applications', err: error }, 'document upload could not reach the applications service');
      throw unavailable();
    }
    try {
      await relayResponse(forwarded.response, res, { log: context.log, closeAfter: !forwarded.complete });
    } finally {
      forwarded.finish();
    }
  }

  async function download(req: IncomingMessage, res: ServerResponse, context: GatewayContext, id: string): Promise<void> {
    const claims = await authenticate(req, context, 'download documents');
    if (!DOCUMENT_ID.test(id)) throw new RequestRefusal(404, ErrorCode.NOT_FOUND, 'Document not found');
    let response: IncomingMessage;
    try {
      response = await forwardDownload({
        url: new URL(`${base}/${id}`),
        keys: options.keys,
        requestId: context.requestId,
        claims,
        clientAddress: context.clientAddress,
        timeoutMs: options.timeoutMs,
      });
    } catch (error) {
      context.log.error({ serviceName: 'applications', err: error }, 'document download could not reach the applications service');
      throw unavailable();
    }
    await relayResponse(response, res, { log: context.log, closeAfter: false });
  }

  return async function handleDocuments(req: IncomingMessage, res: ServerResponse, context: GatewayContext): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (url.pathname === DOCUMENTS_PATH) {
      if (method !== 'POST') throw new RequestRefusal(405, 'BAD_REQUEST', 'Upload a document with POST', {}, { allow: 'POST' });
      return upload(req, res, context, url);
    }
    if (method !== 'GET') throw new RequestRefusal(405, 'BAD_REQUEST', 'Download a document with GET', {}, { allow: 'GET' });
    let id: string;
    try {
      id = decodeURIComponent(url.pathname.slice(DOCUMENTS_PATH.length + 1));
    } catch {
      id = '';
    }
    return download(req, res, context, id);
  };
}

export type DocumentsHandler = ReturnType<typeof createDocumentsHandler>;
