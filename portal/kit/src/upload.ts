import type { UploadedDocumentFields } from './upload-types.js';

export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Uploads a file as the signed-in applicant: `POST /documents?filename=…` with the raw bytes
 * (no multipart). The same bytes uploaded twice give the same document (200 instead of 201).
 * The document's id is then what a material of `submitApplication` names.
 */
export async function uploadDocument(gatewayOrigin: string, token: string, file: Blob, filename: string): Promise<UploadedDocumentFields> {
  const url = new URL('/documents', gatewayOrigin);
  url.searchParams.set('filename', filename);
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as {
    document?: UploadedDocumentFields;
    errors?: { message?: string; extensions?: { code?: string } }[];
  };
  if ((response.status === 200 || response.status === 201) && body.document) return body.document;
  const first = body.errors?.[0];
  throw new UploadError(response.status, first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first?.message ?? `上传失败（${response.status}）`);
}
