import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import { BodyTooLargeError, ErrorCode, isOfficer, isUniqueViolation, sendJson, type DataAccessEvent, type Logger, type SignedRoute, type SignedRouteContext } from '@govgraph/kit';
import type { ApplicationTables } from '../database.js';
import { attachmentDisposition, checkFilename } from './document-filename.js';
import { newDocumentId } from './document-id.js';
import { DocumentRepository } from './document.repository.js';
import { DocumentStore, DocumentTooLargeError, EmptyDocumentError, MediaTypeNotAllowedError } from './document-store.js';
import type { Document } from './document.type.js';
import { ALLOWED_MEDIA_TYPES } from './media-type.js';
import { WITH_DEPARTMENT } from '../application/case-view.js';

/**
 * The subgraph's own ceiling for one document. Users meet the gateway's limit
 * (GATEWAY_MAX_UPLOAD_BYTES, 20 MiB by default), which must stay below this.
 */
export const DOCUMENT_MAX_BYTES = 100 * 1024 * 1024;

export interface DocumentRoutesOptions {
  db: Kysely<ApplicationTables>;
  /** Blobs live under `<dataDir>/documents`. */
  dataDir: string;
  log: Logger;
  clock?: () => Date;
  /** Reports an officer's download to the person's data-access log; awaited before any byte leaves. */
  publishAccess: (event: DataAccessEvent) => Promise<unknown>;
  maxBytes?: number;
}

/** The upload answer and what a download describes: the document without its owner. */
export interface DocumentView {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

function view(document: Document): DocumentView {
  const { id, filename, mediaType, size, sha256, uploadedAt } = document;
  return { id, filename, mediaType, size, sha256, uploadedAt };
}

function refuse(res: ServerResponse, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  sendJson(res, status, { errors: [{ message, extensions: { ...extensions, code } }] });
}

/**
 * `POST /documents?filename=…` (the body is the file, streamed) and `GET /documents/<id>`, both
 * signed by the gateway. Uploads are stored by content and deduplicated per owner; a download is
 * for the owner, or for an officer of a department with a case that lists the document among its
 * materials — reported to the person's data-access log first. Anyone else learns nothing,
 * not even that the document exists.
 */
export function createDocumentRoutes(options: DocumentRoutesOptions): SignedRoute[] {
  const store = new DocumentStore(options.dataDir);
  const documents = new DocumentRepository(options.db);
  const clock = options.clock ?? (() => new Date());
  const maxBytes = options.maxBytes ?? DOCUMENT_MAX_BYTES;
  void store.sweepTemp().catch((error) => options.log.warn({ err: error }, 'could not sweep stale document temp files'));

  async function upload(req: IncomingMessage, res: ServerResponse, ctx: SignedRouteContext): Promise<void> {
    if (!ctx.claims) return refuse(res, 401, ErrorCode.UNAUTHENTICATED, 'Sign in to upload documents');
    const ownerId = ctx.claims.applicantId;
    if (!ownerId) return refuse(res, 403, ErrorCode.FORBIDDEN, 'Only an applicant can upload documents');
    const name = checkFilename(new URL(req.url ?? '/', 'http://localhost').searchParams.get('filename'));
    if (!name.ok) return refuse(res, 400, ErrorCode.BAD_USER_INPUT, name.reason, { reason: 'BAD_FILENAME', field: 'filename' });
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return tooLarge(res);

    let blob;
    try {
      blob = await store.put(ctx.body, { maxBytes });
    } catch (error) {
      if (error instanceof DocumentTooLargeError || error instanceof BodyTooLargeError) return tooLarge(res);
      if (error instanceof EmptyDocumentError) return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'The document is empty', { reason: 'EMPTY' });
      if (error instanceof MediaTypeNotAllowedError) {
        const allowed = ALLOWED_MEDIA_TYPES.map((t) => t.mediaType);
        return refuse(res, 415, ErrorCode.BAD_USER_INPUT, `The content is ${error.detected}; allowed: ${ALLOWED_MEDIA_TYPES.map((t) => t.label).join(', ')}`, {
          reason: 'MEDIA_TYPE_NOT_ALLOWED',
          allowed,
        });
      }
      if (!req.complete) {
        ctx.log.info({ ownerId }, 'upload abandoned by the sender; nothing stored');
        return;
      }
      throw error; // BodySignatureError: the kit answers 401
    }

    const existing = await documents.byOwnerAndHash(ownerId, blob.sha256);
    if (existing) return sendJson(res, 200, { document: view(existing) });
    const document: Document = {
      id: newDocumentId(),
      ownerId,
      filename: name.filename,
      mediaType: blob.mediaType,
      size: blob.size,
      sha256: blob.sha256,
      uploadedAt: clock().toISOString(),
    };
    try {
      await documents.insert(document);
    } catch (error) {
      if (isUniqueViolation(error)) {
        // The same owner uploaded the same content at the same moment: theirs is the one.
        const winner = await documents.byOwnerAndHash(ownerId, blob.sha256);
        if (winner) return sendJson(res, 200, { document: view(winner) });
      }
      if (blob.created && !(await documents.isHashUsed(blob.sha256))) await store.remove(blob.sha256);
      throw error;
    }
    // Filenames often carry a person's name: logged by id and owner only.
    ctx.log.info({ documentId: document.id, ownerId, size: document.size, mediaType: document.mediaType }, 'document uploaded');
    sendJson(res, 201, { document: view(document) });
  }

  function tooLarge(res: ServerResponse): void {
    refuse(res, 413, ErrorCode.BAD_USER_INPUT, `The document is larger than ${maxBytes} bytes`, { reason: 'TOO_LARGE', limitBytes: maxBytes });
  }

  async function download(req: IncomingMessage, res: ServerResponse, ctx: SignedRouteContext): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const id = path.slice('/documents/'.length);
    const notFound = () => refuse(res, 404, ErrorCode.NOT_FOUND, `Document ${JSON.stringify(id.slice(0, 64))} not found`);
    if (!ctx.claims) return refuse(res, 401, ErrorCode.UNAUTHENTICATED, 'Sign in to download documents');
    if (!ID_SHAPE.test(id)) return notFound();
    const document = await documents.byId(id);
    if (!document) return notFound();

    let access: DataAccessEvent | null = null;
    if (document.ownerId !== ctx.claims.applicantId) {
      const department = ctx.claims.department;
      if (!isOfficer(ctx.claims) || !department) return notFound();
      // Only while a case that lists it is with the department: a closed case's materials stay closed.
      const listing = await documents.caseListing(id, department, [...WITH_DEPARTMENT]);
      if (!listing) return notFound();
      access = {
        applicantId: document.ownerId,
        at: clock().toISOString(),
        accessorAccountId: ctx.claims.accountId,
        departmentCode: department,
        purpose: `下载办件材料 ${listing.number}`,
        caseId: listing.id,
        fields: ['applications.document'],
      };
    }

    const blob = await store.open(document.sha256);
    if (!blob) {
      ctx.log.error({ documentId: id }, 'document content missing from the store');
      return refuse(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
    }
    try {
      if (access) {
        await options.publishAccess(access);
        ctx.log.info({ documentId: id, caseId: access.caseId, ownerId: document.ownerId }, 'document downloaded by an officer through a case');
      }
    } catch (error) {
      blob.stream.destroy();
      throw error;
    }
    res.writeHead(200, {
      'content-type': document.mediaType,
      'content-length': String(blob.size),
      'content-disposition': attachmentDisposition(document.filename),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
      'repr-digest': `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`,
      etag: `"${document.sha256}"`,
    });
    try {
      await pipeline(blob.stream, res);
    } catch (error) {
      if (!res.destroyed || res.writableFinished) throw error;
      ctx.log.info({ documentId: id }, 'download abandoned by the receiver');
    }
  }

  return [
    { method: 'POST', path: '/documents', maxBodyBytes: maxBytes, handler: upload },
    { method: 'GET', path: '/documents/', handler: download },
  ];
}
