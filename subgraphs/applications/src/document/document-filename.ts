/** Longest filename kept (characters), as the document table's column allows. */
export const MAX_FILENAME_LENGTH = 255;

/** Control characters, and the bidirectional overrides that make "exe.pdf" read as "fdp.exe". */
const FORBIDDEN = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export type FilenameCheck = { ok: true; filename: string } | { ok: false; reason: string };

/**
 * The name the applicant gave the file, as shown back and offered on download. It is only ever a
 * label (blobs are stored by hash), yet it must not smuggle a path or invisible characters: trimmed,
 * 1–255 characters, no control characters or direction overrides, no / or \, not just dots.
 */
export function checkFilename(raw: string | null | undefined): FilenameCheck {
  if (raw === null || raw === undefined) return { ok: false, reason: 'A filename is required' };
  const filename = raw.normalize('NFC').trim();
  if (filename === '') return { ok: false, reason: 'A filename is required' };
  if ([...filename].length > MAX_FILENAME_LENGTH) return { ok: false, reason: `The filename is longer than ${MAX_FILENAME_LENGTH} characters` };
  if (FORBIDDEN.test(filename)) return { ok: false, reason: 'The filename contains control characters' };
  if (/[/\\]/.test(filename)) return { ok: false, reason: 'The filename must not contain / or \\' };
  if (/^\.+$/.test(filename)) return { ok: false, reason: 'The filename must name a file' };
  return { ok: true, filename };
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII fallback for old clients, and the
 * exact name in UTF-8 (RFC 8187).
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
