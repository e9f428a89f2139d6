/**
 * What a document is, judged by its first bytes, never by its name or the declared type: a
 * Windows executable renamed photo.jpg is still an executable. Only the kinds a case officer
 * opens are taken: PDF, OFD (the national fixed-layout format), and the image formats of scans and
 * phone photos.
 */

/** Bytes needed to tell every allowed kind apart (OFD's first zip entry name needs the most). */
export const SNIFF_BYTES = 64;

export interface AllowedMediaType {
  mediaType: string;
  label: string;
}

const ascii = (value: string) => Buffer.from(value, 'latin1');

function startsWith(head: Buffer, signature: Buffer, offset = 0): boolean {
  return head.length >= offset + signature.length && head.subarray(offset, offset + signature.length).equals(signature);
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const TIFF_LE = Buffer.from([0x49, 0x49, 0x2a, 0x00]);
const TIFF_BE = Buffer.from([0x4d, 0x4d, 0x00, 0x2a]);
const ZIP_LOCAL_FILE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The allowed kinds, in the order they are tried. */
const ALLOWED: Array<AllowedMediaType & { test(head: Buffer): boolean }> = [
  { mediaType: 'application/pdf', label: 'PDF', test: (h) => startsWith(h, ascii('%PDF-')) },
  { mediaType: 'application/ofd', label: 'OFD', test: isOfd },
  { mediaType: 'image/png', label: 'PNG', test: (h) => startsWith(h, PNG) },
  { mediaType: 'image/jpeg', label: 'JPEG', test: (h) => startsWith(h, JPEG) },
  { mediaType: 'image/webp', label: 'WebP', test: (h) => startsWith(h, ascii('RIFF')) && startsWith(h, ascii('WEBP'), 8) },
  { mediaType: 'image/gif', label: 'GIF', test: (h) => startsWith(h, ascii('GIF87a')) || startsWith(h, ascii('GIF89a')) },
  { mediaType: 'image/tiff', label: 'TIFF', test: (h) => startsWith(h, TIFF_LE) || startsWith(h, TIFF_BE) },
];

export const ALLOWED_MEDIA_TYPES: readonly AllowedMediaType[] = ALLOWED.map(({ mediaType, label }) => ({ mediaType, label }));

/**
 * An OFD file is a zip package whose root entry file is OFD.xml (GB/T 33190). Producers write it
 * first; a zip whose first entry is anything else (a Word file, an archive of anything) is not
 * taken, since nothing short of reading the whole package would tell what it holds.
 */
function isOfd(head: Buffer): boolean {
  if (!startsWith(head, ZIP_LOCAL_FILE) || head.length < 30) return false;
  const nameLength = head.readUInt16LE(26);
  return nameLength === 'OFD.xml'.length && startsWith(head, ascii('OFD.xml'), 30);
}

/** Kinds worth naming when refused, so the applicant learns why; anything else is "unrecognised". */
const KNOWN_REFUSED: Array<{ label: string; test(head: Buffer): boolean }> = [
  { label: 'a Windows executable', test: (h) => startsWith(h, ascii('MZ')) },
  { label: 'a Linux executable', test: (h) => startsWith(h, Buffer.from([0x7f, 0x45, 0x4c, 0x46])) },
  {
    label: 'a macOS executable',
    test: (h) =>
      [
        [0xfe, 0xed, 0xfa, 0xce],
        [0xfe, 0xed, 0xfa, 0xcf],
        [0xce, 0xfa, 0xed, 0xfe],
        [0xcf, 0xfa, 0xed, 0xfe],
        [0xca, 0xfe, 0xba, 0xbe],
      ].some((m) => startsWith(h, Buffer.from(m))),
  },
  { label: 'a script', test: (h) => startsWith(h, ascii('#!')) },
  { label: 'a web page or markup', test: (h) => /^(\uFEFF)?\s*<(!doctype|html|script|svg|\?xml)/i.test(h.toString('latin1').replace(/^\xEF\xBB\xBF/, '')) },
  { label: 'a zip archive', test: (h) => startsWith(h, ZIP_LOCAL_FILE) },
];

export type SniffResult = { allowed: true; mediaType: string } | { allowed: false; detected: string };

/** Judges a document by its first bytes (at least SNIFF_BYTES of them, or all of a shorter file). */
export function sniffMediaType(head: Buffer): SniffResult {
  const allowed = ALLOWED.find((kind) => kind.test(head));
  if (allowed) return { allowed: true, mediaType: allowed.mediaType };
  return { allowed: false, detected: KNOWN_REFUSED.find((kind) => kind.test(head))?.label ?? 'an unrecognised format' };
}
