import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { canonicalJson } from '@govgraph/kit';
import { cityDateTime, printable } from './form-text.js';

/** The party that signs generated forms; the footer names it with the key id. */
export const GENERATED_FORM_SIGNER = 'applications';

/** What the generated application form (免填单) prints: the case as submitted. */
export interface ApplicationFormInput {
  matter: { code: string; name: string; departmentName: string };
  caseNumber: string;
  /** ISO instant; printed in the city's time (UTC+8) and used as the PDF's creation date. */
  submittedAt: string;
  /** The person's name, or the enterprise's name, as given in the fields. */
  applicantName: string;
  /** Every field of the form, in the form's order; an empty optional field has value null or "". */
  fields: ReadonlyArray<{ label: string; value: string | null }>;
  /** The materials given: the requirement's name and what satisfied it (licence title and number, or a document's filename). */
  materials: ReadonlyArray<{ name: string; evidence: string }>;
  /** The id of applications' key that signs the form: printed in the footer (the hash of a document cannot be inside it). */
  keyId: string;
}

const FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

let fontBytes: Promise<Buffer> | undefined;

/** Noto Sans SC (OFL-1.1) from node_modules, read once per process on first use; never a system or network font. */
function cjkFont(): Promise<Buffer> {
  fontBytes ??= readFile(createRequire(import.meta.url).resolve(FONT_MODULE)).catch((error: unknown) => {
    fontBytes = undefined;
    throw error;
  });
  return fontBytes;
}

/** The path of the font file the forms embed (for the report and for tests). */
export function cjkFontPath(): string {
  return createRequire(import.meta.url).resolve(FONT_MODULE);
}

const PAGE = { width: 595.28, height: 841.89 }; // A4
const MARGIN = { top: 64, bottom: 72, left: 60, right: 60 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = 150;
const GAP = 12;
const VALUE_X = MARGIN.left + LABEL_WIDTH + GAP;
const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH - GAP;
const BODY_SIZE = 10.5;
const ROW_GAP = 5;
const INK = '#000000';
const MUTED = '#555555';
const RULE = '#999999';

/**
 * Whether the embedded font has a glyph for a code point: pdfkit keeps the fontkit font it embeds as
 * `_font.font` (pdfkit 0.20; not in its typings). Without it every character is printed as given.
 */
function fontGlyphs(doc: PDFKit.PDFDocument): ((codePoint: number) => boolean) | undefined {
  const font = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean } } })._font?.font;
  const has = font?.hasGlyphForCodePoint;
  if (typeof has !== 'function') return undefined;
  const known = new Map<number, boolean>();
  return (codePoint) => {
    let answer = known.get(codePoint);
    if (answer === undefined) {
      answer = codePoint === 0x20 || has.call(font, codePoint);
      known.set(codePoint, answer);
    }
    return answer;
  };
}

/** The same input always gives the same file id: derived from the input, not from the clock or chance. */
function inputDigest(input: ApplicationFormInput): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

/**
 * Renders the filled application form as a PDF: the title, the case, the applicant, the submission
 * time, every field (label → value, in form order), the materials given, and a footer saying the
 * system produced it from the submitted data and that applications signs it with the named key.
 * Deterministic: the same input gives the same bytes (dates from submittedAt, file id from the
 * input's SHA-256, fonts subset in the order of use).
 */
export async function renderApplicationForm(input: ApplicationFormInput): Promise<Buffer> {
  const font = await cjkFont();
  const submitted = new Date(Date.parse(input.submittedAt));
  const title = `${printable(input.matter.name)}申请表`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    // The Info dictionary's entries make pdfkit's file id (an MD5 of them): the input's digest makes it the input's.
    info: {
      Title: title,
      Subject: `办件 ${printable(input.caseNumber)}`,
      Author: GENERATED_FORM_SIGNER,
      Creator: 'govgraph applications (免填单)',
      CreationDate: submitted,
      ModDate: submitted,
      Keywords: `sha256-of-input:${inputDigest(input)}`,
    },
    // A CJK font from the start: pdfkit then never loads (nor writes) its default Helvetica.
    font: font as unknown as string,
    lang: 'zh-CN',
  });
  const glyphs = fontGlyphs(doc);
  const print = (value: string | null, multiline = false) => printable(value, { multiline, hasGlyph: glyphs });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const bottom = PAGE.height - MARGIN.bottom;
  const heightOf = (text: string, width: number) => doc.heightOfString(text, { width, lineGap: 1 });

  /** One row: the label on the left, the value wrapped on the right; a row that fits a page never splits. */
  const row = (label: string, value: string) => {
    const labelText = print(label);
    const valueText = print(value, true);
    doc.fontSize(BODY_SIZE);
    const height = Math.max(heightOf(labelText, LABEL_WIDTH), heightOf(valueText, VALUE_WIDTH));
    if (doc.y + height > bottom && height <= bottom - MARGIN.top) doc.addPage();
    const top = doc.y;
    const startPage = pageCount;
    doc.fillColor(MUTED).text(labelText, MARGIN.left, top, { width: LABEL_WIDTH, lineGap: 1 });
    const labelBottom = doc.y;
    // A value longer than a page flows onto the next pages (pdfkit breaks it by line); the label stays at its top.
    doc.fillColor(INK).text(valueText, VALUE_X, top, { width: VALUE_WIDTH, lineGap: 1 });
    const y = pageCount === startPage ? Math.max(labelBottom, doc.y) : doc.y;
    doc.x = MARGIN.left;
    doc.y = y + ROW_GAP;
  };

  const section = (heading: string) => {
    doc.fontSize(12.5);
    if (doc.y + 60 > bottom) doc.addPage();
    doc.moveDown(0.6);
    doc.fillColor(INK).text(heading, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    const y = doc.y + 3;
    doc
      .moveTo(MARGIN.left, y)
      .lineTo(PAGE.width - MARGIN.right, y)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + 7;
  };

  let pageCount = 1;
  doc.on('pageAdded', () => {
    pageCount += 1;
  });

  doc
    .fontSize(18)
    .fillColor(INK)
    .text(`${print(input.matter.name)}申请表`, MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.8);

  section('办件信息');
  row('办件编号', input.caseNumber);
  row('事项名称', input.matter.name);
  row('事项编码', input.matter.code);
  row('办理部门', input.matter.departmentName);
  row('申请人', input.applicantName);
  row('提交时间', cityDateTime(input.submittedAt));

  section('申请信息');
  if (input.fields.length === 0) row('（无）', '');
  for (const field of input.fields) row(field.label, field.value ?? '');

  section('申请材料');
  if (input.materials.length === 0) row('（无）', '');
  for (const material of input.materials) row(material.name, material.evidence);

  // The closing statement: who made this document and who vouches for it.
  const statement =
    `本申请表由政务服务系统根据申请人于 ${cityDateTime(input.submittedAt)} 提交的数据自动生成（免填单），申请人无需另行填写或上传。` +
    `本文件由 ${GENERATED_FORM_SIGNER} 以密钥 ${print(input.keyId)} 签名；签名覆盖本文件的 SHA-256 摘要及办件编号，摘要与签名随办件保存，不印于文件之内。`;
  doc.fontSize(9);
  if (doc.y + heightOf(statement, CONTENT_WIDTH) + 16 > bottom) doc.addPage();
  doc.moveDown(1);
  doc.fillColor(MUTED).text(statement, MARGIN.left, doc.y, { width: CONTENT_WIDTH, lineGap: 1 });

  // Every page: case number and page n of m, in the bottom margin (no automatic page break there).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${print(input.caseNumber)} · ${GENERATED_FORM_SIGNER} 生成 · 第 ${i + 1} 页 / 共 ${range.count} 页`, MARGIN.left, PAGE.height - MARGIN.bottom + 28, {
        width: CONTENT_WIDTH,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins = margins;
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
