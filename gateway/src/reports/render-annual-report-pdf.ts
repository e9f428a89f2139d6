import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { AnnualReportDocument } from './annual-report-operation.js';
import { annualReportModel, type ReportBlock } from './annual-report-model.js';

/** The font applications' generated forms embed: Noto Sans SC (OFL-1.1) from node_modules, never a system or network font. */
const FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
let fontBytes: Promise<Buffer> | undefined;

function cjkFont(): Promise<Buffer> {
  fontBytes ??= readFile(createRequire(import.meta.url).resolve(FONT_MODULE)).catch((error: unknown) => {
    fontBytes = undefined;
    throw error;
  });
  return fontBytes;
}

const PAGE = { width: 595.28, height: 841.89 }; // A4
const MARGIN = { top: 64, bottom: 72, left: 60, right: 60 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 10.5;
const INK = '#000000';
const MUTED = '#555555';
const RULE = '#999999';
const ALERT = '#b3261e';

/**
 * The annual report as a PDF (A4, Noto Sans SC embedded and subset): the same content as the
 * HTML download (annual-report-model.ts). Deterministic for the same data: the dates in the
 * document info are the report year's end, not the time of rendering.
 */
export async function renderAnnualReportPdf(document: AnnualReportDocument): Promise<Buffer> {
  const font = await cjkFont();
  const model = annualReportModel(document);
  const dated = new Date(Date.UTC(document.report.year, 11, 31));
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: `${model.title}（${model.subtitle}）`, Creator: 'govgraph gateway', CreationDate: dated, ModDate: dated },
    // A CJK font from the start: pdfkit then never loads (nor writes) its default Helvetica.
    font: font as unknown as string,
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const bottom = PAGE.height - MARGIN.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom) doc.addPage();
  };

  const rows = (b: Extract<ReportBlock, { kind: 'rows' }>) => {
    if (b.heading) {
      doc.fontSize(11.5);
      ensure(40);
      doc.moveDown(0.4).fillColor(INK).text(b.heading, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
      doc.moveDown(0.2);
    }
    doc.fontSize(BODY_SIZE);
    for (const [label, value] of b.rows) {
      ensure(16);
      const top = doc.y;
      doc.fillColor(MUTED).text(label, MARGIN.left, top, { width: CONTENT_WIDTH * 0.68 });
      const labelBottom = doc.y;
      doc.fillColor(INK).text(value, MARGIN.left + CONTENT_WIDTH * 0.68, top, { width: CONTENT_WIDTH * 0.32, align: 'right' });
      doc.x = MARGIN.left;
      doc.y = Math.max(labelBottom, doc.y) + 3;
    }
  };

  const table = (b: Extract<ReportBlock, { kind: 'table' }>) => {
    const columns = b.head.length;
    const first = columns > 2 ? CONTENT_WIDTH * 0.3 : CONTENT_WIDTH * 0.6;
    const rest = (CONTENT_WIDTH - first) / Math.max(1, columns - 1);
    const xOf = (i: number) => MARGIN.left + (i === 0 ? 0 : first + (i - 1) * rest);
    const widthOf = (i: number) => (i === 0 ? first : rest);
    const line = (cells: string[], color: string) => {
      doc.fontSize(BODY_SIZE);
      ensure(18);
      const top = doc.y;
      let lowest = top;
      cells.forEach((cell, i) => {
        doc.fillColor(color).text(cell, xOf(i) + 4, top + 3, { width: widthOf(i) - 8, align: i === 0 ? 'left' : 'right' });
        lowest = Math.max(lowest, doc.y);
      });
      doc
        .moveTo(MARGIN.left, lowest + 2)
        .lineTo(MARGIN.left + CONTENT_WIDTH, lowest + 2)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      doc.x = MARGIN.left;
      doc.y = lowest + 3;
    };
    doc.fontSize(BODY_SIZE);
    ensure(40);
    doc.moveDown(0.3).fillColor(INK).text(b.caption, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    line(b.head, MUTED);
    for (const row of b.rows) line(row, INK);
    doc.moveDown(0.4);
  };

  doc.fontSize(17).fillColor(INK).text(model.title, MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH, align: 'center' });
  doc.fontSize(11).fillColor(MUTED).text(model.subtitle, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.8);
  if (model.notice) {
    doc.fontSize(BODY_SIZE).fillColor(ALERT).text(model.notice, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.5);
  }
  for (const section of model.sections) {
    doc.fontSize(13);
    ensure(70);
    doc.moveDown(0.6).fillColor(INK).text(section.title, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    const y = doc.y + 3;
    doc
      .moveTo(MARGIN.left, y)
      .lineTo(PAGE.width - MARGIN.right, y)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + 6;
    for (const b of section.blocks) {
      if (b.kind === 'rows') rows(b);
      else if (b.kind === 'table') table(b);
      else {
        doc.fontSize(BODY_SIZE);
        ensure(30);
        doc.fillColor(ALERT).text(b.text, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
        doc.moveDown(0.3);
      }
    }
  }
  doc.fontSize(9);
  ensure(40);
  doc.moveDown(1).fillColor(MUTED).text(model.footer, MARGIN.left, doc.y, { width: CONTENT_WIDTH });

  // Page n of m in the bottom margin (no automatic page break there).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc
      .fontSize(8)
      .fillColor(MUTED)
      .text(`第 ${i - range.start + 1} 页，共 ${range.count} 页`, MARGIN.left, PAGE.height - MARGIN.bottom + 24, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
    doc.page.margins = margins;
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
