import { createHash } from 'node:crypto';
import type { AnnualReportDocument } from './annual-report-operation.js';
import { annualReportModel, type ReportBlock } from './annual-report-model.js';
import { escapeHtml } from './report-format.js';

/** The document's one stylesheet, inline; the CSP allows it by its hash and nothing else. */
const STYLE = `
body{margin:0;background:#f5f5f2;color:#1d1d1b;font:15px/1.6 "Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:820px;margin:24px auto;padding:40px 48px;background:#fff;border:1px solid #ddd}
h1{font-size:24px;text-align:center;margin:0}
.subtitle{text-align:center;color:#555;margin:4px 0 24px}
.notice{border:1px solid #c9a227;background:#fdf6df;padding:8px 12px;margin-bottom:16px}
h2{font-size:18px;border-bottom:1px solid #bbb;padding-bottom:4px;margin-top:32px}
h3{font-size:15px;margin:16px 0 8px}
dl{display:grid;grid-template-columns:1fr auto;gap:2px 24px;margin:0 0 12px}
dt{color:#444}dd{margin:0;text-align:right;font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}
caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border:1px solid #ccc;padding:4px 8px}
th{background:#f0f0ec;font-weight:normal}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.unavailable{border-left:4px solid #b3261e;background:#fbeaea;padding:8px 12px}
footer{margin-top:32px;color:#666;font-size:13px}
@media print{body{background:#fff}main{border:0;margin:0;padding:0}}
`;

/** The Content-Security-Policy of the HTML download: nothing loads or runs; only the inline stylesheet applies. */
export const ANNUAL_REPORT_HTML_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'unavailable':
      return `<p class="unavailable" role="note">${escapeHtml(b.text)}</p>`;
    case 'rows': {
      const heading = b.heading ? `<h3>${escapeHtml(b.heading)}</h3>` : '';
      const rows = b.rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('');
      return `${heading}<dl>${rows}</dl>`;
    }
    case 'table': {
      const head = b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
      const rows = b.rows
        .map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td class="n">${escapeHtml(cell)}</td>`)).join('')}</tr>`)
        .join('\n');
      return `<table><caption>${escapeHtml(b.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
    }
  }
}

/** The annual report as one self-contained HTML document: inline CSS, no script, no external asset; every value escaped. */
export function renderAnnualReportHtml(document: AnnualReportDocument): string {
  const model = annualReportModel(document);
  const title = `${model.title}（${model.subtitle}）`;
  const sections = model.sections.map((s) => `<section>\n<h2>${escapeHtml(s.title)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(model.title)}</h1>
<p class="subtitle">${escapeHtml(model.subtitle)}</p>
${model.notice ? `<p class="notice" role="note">${escapeHtml(model.notice)}</p>\n` : ''}${sections}
<footer>${escapeHtml(model.footer)}</footer>
</main>
</body>
</html>
`;
}
