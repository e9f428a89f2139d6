import type { IncomingMessage } from 'node:http';

/**
 * True for a GET (or HEAD) whose Accept header ranks text/html above JSON — a browser's address
 * bar, not a GraphQL client (`*\/*` alone, as fetch and curl send, is not a preference).
 * Apollo Server uses the same rule for its landing page.
 */
export function prefersHtml(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const ranges = parseAccept(req.headers.accept ?? '');
  const html = quality(ranges, 'text', 'html');
  const json = [quality(ranges, 'application', 'json'), quality(ranges, 'application', 'graphql-response+json')].reduce((a, b) =>
    b.q > a.q || (b.q === a.q && b.specificity > a.specificity) ? b : a,
  );
  if (html.q === 0) return false;
  return html.q > json.q || (html.q === json.q && html.specificity > json.specificity);
}

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [mediaType = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const [type, subtype] = mediaType.split('/');
    if (!type || !subtype) continue;
    let q = 1;
    for (const parameter of parameters) {
      const match = /^q=([0-9.]+)$/.exec(parameter);
      if (match) q = Math.min(1, Number(match[1]) || 0);
    }
    ranges.push({ type, subtype, q });
  }
  return ranges;
}

/** The quality of the most specific range that matches, and how specific it was (2 exact, 1 type/*, 0 *\/*). */
function quality(ranges: MediaRange[], type: string, subtype: string): { q: number; specificity: number } {
  let best = { q: 0, specificity: -1 };
  for (const range of ranges) {
    const specificity = range.type === type && range.subtype === subtype ? 2 : range.type === type && range.subtype === '*' ? 1 : range.type === '*' ? 0 : -1;
    if (specificity > best.specificity) best = { q: range.q, specificity };
  }
  return best;
}
