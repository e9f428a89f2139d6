import type { IncomingMessage } from 'node:http';

/**
 * The filename of an upload: `?filename=` on the URL, else the `x-filename` header
 * (URI-encoded, so any name survives a header). undefined when neither is given; null when the
 * header is not valid percent-encoding. The applications subgraph judges the name itself.
 */
export function uploadFilename(req: IncomingMessage, url: URL): string | null | undefined {
  const fromQuery = url.searchParams.get('filename');
  if (fromQuery !== null) return fromQuery;
  const header = req.headers['x-filename'];
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
