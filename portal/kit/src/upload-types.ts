/** A stored document as `POST /documents` answers it. */
export interface UploadedDocumentFields {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}
