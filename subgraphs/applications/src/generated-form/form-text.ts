/** How a value is printed on the generated form: what cannot be printed is shown, never interpreted. */

/**
 * Shown where a value had a character that is not text (a control, a bidi override, a lone surrogate)
 * or one the font has no glyph for (an emoji, a rare character outside the font): □, as Chinese print
 * marks a character it cannot show. (U+FFFD is not in Noto Sans SC.)
 */
export const REPLACEMENT = '\u25A1';
/** Shown for an optional field left empty. */
export const EMPTY_VALUE = '—';
/** A value longer than this is cut (fields hold at most 2,000 characters; this bounds the work for anything else). */
export const MAX_PRINTED_CHARS = 4000;

// C0 controls but line feed, DEL, C1 controls; bidi embeddings, overrides and isolates (they would reorder
// what the reader sees); lone surrogates. Tabs become spaces, line ends line feeds, before this runs.
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that are not printed as given.
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A value as printed: line ends kept as line feeds (multiline), every other control and every character without a glyph shown as □, empty as "—". */
export function printable(value: string | null | undefined, options: { multiline?: boolean; hasGlyph?: (codePoint: number) => boolean } = {}): string {
  if (value === null || value === undefined) return EMPTY_VALUE;
  let text = value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  if (!options.multiline) text = text.replace(/\n/g, ' ');
  text = text.replace(UNPRINTABLE, REPLACEMENT).trim();
  const hasGlyph = options.hasGlyph;
  if (hasGlyph) text = Array.from(text, (char) => (char === '\n' || hasGlyph(char.codePointAt(0)!) ? char : REPLACEMENT)).join('');
  if (text.length === 0) return EMPTY_VALUE;
  if (text.length > MAX_PRINTED_CHARS) {
    // Never cut a surrogate pair in half.
    const end = /[\uD800-\uDBFF]/.test(text[MAX_PRINTED_CHARS - 1]!) ? MAX_PRINTED_CHARS - 1 : MAX_PRINTED_CHARS;
    text = `${text.slice(0, end)}…（以下 ${text.length - end} 字未印出）`;
  }
  return text;
}

const CITY_OFFSET_MS = 8 * 3600_000;

/**
 * An ISO instant as the city reads it: `2026-11-26 14:03:05（北京时间）`. Computed with the fixed
 * UTC+8 offset (China keeps no daylight saving), not through ICU, so the bytes never depend on the
 * Node build's time-zone data.
 */
export function cityDateTime(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) throw new Error(`not an ISO instant: ${JSON.stringify(iso.slice(0, 40))}`);
  const local = new Date(at + CITY_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}（北京时间）`;
}
