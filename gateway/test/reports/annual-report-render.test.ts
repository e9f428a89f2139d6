import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, print, type FieldNode, type SelectionSetNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ANNUAL_REPORT_OPERATION, ANNUAL_REPORT_PARTS, annualReportDocuments, annualReportPartOperation } from '../../src/reports/annual-report-operation.js';
import { ANNUAL_REPORT_HTML_CSP, renderAnnualReportHtml } from '../../src/reports/render-annual-report-html.js';
import { renderAnnualReportPdf } from '../../src/reports/render-annual-report-pdf.js';
import { escapeHtml, formatCount, formatPercent } from '../../src/reports/report-format.js';
import { report2017 } from './annual-report-fixture.js';

const SECTION_TITLES = [
  '一、概述',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开收费情况',
  '五、因政府信息公开申请提起行政复议、行政诉讼情况',
  '六、咨询投诉处理情况',
];

describe('report formatting', () => {
  it('gives rates as percentages with one decimal and counts with thousands separators', () => {
    expect(formatPercent(0.959)).toBe('95.9%');
    expect(formatPercent(533 / 556)).toBe('95.9%');
    expect(formatPercent(0.99195)).toBe('99.2%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe('—');
    expect(formatCount(1444)).toBe('1,444');
    expect(formatCount(152762)).toBe('152,762');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('—');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('the annual report’s operation', () => {
  const fieldsOf = (set: SelectionSetNode | undefined): string[] =>
    (set?.selections ?? []).map((s) => {
      const f = s as FieldNode;
      return f.selectionSet ? `${f.name.value} { ${fieldsOf(f.selectionSet).join(' ')} }` : f.name.value;
    });
  const reportFields = (query: string) => {
    const operation = parse(query).definitions[0]!;
    const root = (operation as { selectionSet: SelectionSetNode }).selectionSet.selections[0] as FieldNode;
    return fieldsOf(root.selectionSet);
  };

  it('is split into parts that together ask exactly what the whole operation asks', () => {
    const whole = reportFields(ANNUAL_REPORT_OPERATION);
    const parts = ANNUAL_REPORT_PARTS.flatMap((part) => reportFields(annualReportPartOperation(part).query).filter((f) => f !== 'departmentCode' && f !== 'year'));
    expect(['departmentCode', 'year', ...parts].sort()).toEqual([...whole].sort());
    expect(print(parse(ANNUAL_REPORT_OPERATION))).toContain('annualReport(departmentCode: $departmentCode, year: $year)');
  });

  it('trusts its own documents by their SHA-256', () => {
    const documents = annualReportDocuments();
    expect(documents.map((d) => d.name)).toEqual([
      'AnnualReport',
      'AnnualReportDepartment',
      'AnnualReportCatalogOverview',
      'AnnualReportCaseOverview',
      'AnnualReportDisclosure',
      'AnnualReportConsultationAndComplaints',
    ]);
    expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
    expect(documents.every((d) => /^[0-9a-f]{64}$/.test(d.id))).toBe(true);
  });
});

describe('the HTML download', () => {
  it('has the report’s six sections, its figures formatted, and loads nothing', () => {
    const html = renderAnnualReportHtml({ report: report2017(), unavailable: {} });
    let at = -1;
    for (const title of SECTION_TITLES) {
      const next = html.indexOf(`<h2>${title}</h2>`);
      expect(next, title).toBeGreaterThan(at);
      at = next;
    }
    for (const figure of ['1,444', '556', '533', '95.9%', '645', '20,000', '249', '63.8%', '99.2%', '152,762', '146,859', '38,229', '4.8']) {
      expect(html, figure).toContain(figure);
    }
    expect(html).toContain('<title>市政务服务数据管理局政府信息公开工作年度报告（2017年度）</title>');
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|@import|url\(/i);
    expect(html).not.toContain('unavailable" role');
    // The CSP allows the one inline stylesheet by its hash, and nothing else.
    expect(ANNUAL_REPORT_HTML_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; frame-ancestors 'none'/);
  });

  it('escapes every value: a hostile department name or enum value stays text', () => {
    const hostile = `<script>alert("x")</script><img src=x onerror='y'>&`;
    const report = report2017({ department: { code: 'x', name: hostile } });
    report.proactiveDisclosure!.byCategory.push({ category: '<b>NEW</b>', releases: 1 });
    const html = renderAnnualReportHtml({ report, unavailable: {} });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>NEW');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt;&amp;');
    expect(html).toContain('&lt;b&gt;NEW&lt;/b&gt;');
  });

  it('marks a missing department’s part unavailable and renders the rest', () => {
    const report = report2017({ consultationAndComplaints: null, caseOverview: null });
    const html = renderAnnualReportHtml({ report, unavailable: { consultationAndComplaints: 'consultation', caseOverview: null } });
    expect(html).toContain('本报告部分内容暂不可用（办件统计、咨询投诉）');
    expect(html).toContain('咨询投诉系统未能应答（consultation）');
    expect(html.match(/class="unavailable"/g)).toHaveLength(2);
    expect(html).toContain('1,444');
    expect(html).toContain('<h2>六、咨询投诉处理情况</h2>');
  });
});

describe('the PDF download', () => {
  it('is a PDF whose text holds the section titles and the figures, in Noto Sans SC', async () => {
    const pdf = await renderAnnualReportPdf({ report: report2017(), unavailable: {} });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'annual-report-'));
    try {
      const file = join(dir, 'report.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const title of SECTION_TITLES) expect(text, title).toContain(title);
      for (const figure of ['1,444', '556', '533', '95.9%', '645', '20,000', '19,840', '99.2%', '63.8%', '152,762', '146,859', '38,229']) {
        expect(text, figure).toContain(figure);
      }
      expect(text).toContain('市政务服务数据管理局政府信息公开工作年度报告');
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(fonts).toMatch(/NotoSansSC/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which part is unavailable', async () => {
    const pdf = await renderAnnualReportPdf({ report: report2017({ catalogOverview: null }), unavailable: { catalogOverview: 'catalog' } });
    const dir = mkdtempSync(join(tmpdir(), 'annual-report-'));
    try {
      const file = join(dir, 'report.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain('事项目录系统未能应答（catalog）');
      expect(text).toContain('20,000');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
