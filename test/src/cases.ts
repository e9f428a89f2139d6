import type { GraphHarness } from './harness.js';

/** A small valid PNG (1×1) and PDF, for uploads in journeys. */
export const PNG_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export function pdfBytes(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'utf8');
}

export interface UploadedDocument {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

/** Uploads through the gateway's document endpoint, as a portal does. */
export async function upload(graph: GraphHarness, token: string, filename: string, body: Buffer): Promise<{ status: number; json: any }> {
  const response = await fetch(`${graph.gateway.url}/documents?filename=${encodeURIComponent(filename)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body,
  });
  return { status: response.status, json: await response.json() };
}

export async function uploadDocument(graph: GraphHarness, token: string, filename: string, body: Buffer): Promise<UploadedDocument> {
  const { status, json } = await upload(graph, token, filename, body);
  if (status >= 300) throw new Error(`upload of ${filename} failed: ${status} ${JSON.stringify(json)}`);
  return json.document;
}

/** The form's prefilled values as submission input, with the applicant's own values for the rest. */
export function fieldsFrom(prefill: any, own: Record<string, string>): Array<{ key: string; value: string | null }> {
  return prefill.fields.map((f: { key: string; value: string | null }) => ({ key: f.key, value: own[f.key] ?? f.value }));
}

/** Polls until the check passes (events between departments are asynchronous). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A clock the test moves: the applications subgraph counts deadlines by it. */
export function movableClock(startIso: string) {
  let now = Date.parse(startIso);
  return {
    clock: () => new Date(now),
    set(iso: string) {
      now = Date.parse(iso);
    },
  };
}
