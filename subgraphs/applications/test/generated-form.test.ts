import { spawnSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { testParties } from '@govgraph/kit/testing';
import { TrustStore } from '@govgraph/kit/trust';
import { describe, expect, it } from 'vitest';
import {
  generatedFormSignedText,
  produceGeneratedForm,
  renderApplicationForm,
  sha256Hex,
  signGeneratedForm,
  verifyGeneratedForm,
  type ApplicationFormInput,
} from '../src/generated-form/index.js';

const input: ApplicationFormInput = {
  matter: { code: '11440300MB2C92051X4440116008000', name: '食品经营许可（新办）', departmentName: '深圳市市场监督管理局' },
  caseNumber: '440300202600000123',
  submittedAt: '2026-11-26T06:03:05.000Z',
  applicantName: '张三',
  fields: [
    { label: '申请人姓名', value: '张三' },
    { label: '身份证号码', value: '440301199001011233' },
    { label: '电子邮箱', value: null },
    { label: '经营场所', value: '深圳市南山区粤海街道科技园路1号' },
    { label: '送达方式', value: '' },
  ],
  materials: [
    { name: '营业执照', evidence: '营业执照 91440300MA5G8XXX1X' },
    { name: '申请人身份证明', evidence: 'id-card.jpg' },
  ],
  keyId: 'AbCdEfGhIjKlMnOpQrStUv',
};

const pdftotextFound = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
const inCi = process.env.CI === 'true';
if (!pdftotextFound && !inCi) {
  console.warn('generated-form.test: pdftotext (Debian poppler-utils) is not installed: the read-back of the Chinese text is SKIPPED (CI requires it)');
}

/** The text poppler reads from the PDF, as a reader's viewer would extract it. */
function pdftotext(pdf: Buffer): string {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: pdf });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr.toString()}`);
  return result.stdout.toString('utf8');
}

/** Every Flate stream of the PDF, inflated (pdfkit compresses content, fonts and CMaps). */
function inflatedStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  const start = /(?<!end)stream\r?\n/g;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const from = match.index + match[0].length;
    const to = text.indexOf('endstream', from);
    if (to < 0) break;
    try {
      streams.push(inflateSync(pdf.subarray(from, to)).toString('latin1'));
    } catch {
      // an uncompressed or non-Flate stream
    }
    start.lastIndex = to;
  }
  return streams;
}

function utf16Hex(text: string): string[] {
  return [...text].map((char) => char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));
}

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}

describe('the generated application form (免填单)', () => {
  it('is a PDF with the CJK font embedded as a subset, mapped back to Unicode', async () => {
    const started = performance.now();
    const pdf = await renderApplicationForm(input);
    const ms = performance.now() - started;
    const again = performance.now();
    await renderApplicationForm({ ...input, caseNumber: '440300202600000124' });
    console.log(`generated form: ${pdf.length} bytes, render ${ms.toFixed(0)} ms in this worker (font maybe loaded before), then ${(performance.now() - again).toFixed(0)} ms`);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('/Identity-H');
    // Only the CJK font: pdfkit's default Helvetica is never loaded, so nothing depends on a reader's fonts.
    expect(raw).not.toContain('Helvetica');
    // A subset, not the 10 MB font.
    expect(pdf.length).toBeLessThan(200_000);
    // The ToUnicode CMap maps the glyphs used back to the title's and the applicant's characters.
    const cmap = inflatedStreams(pdf).find((s) => s.includes('begincmap'));
    expect(cmap).toBeDefined();
    for (const hex of utf16Hex('食品经营许可申请表张三深圳市监督管理局')) expect(cmap?.toUpperCase()).toContain(`<${hex}>`);
  });

  it.skipIf(!pdftotextFound && !inCi)('reads back in Chinese: title, case, applicant, time, every field in order, materials, the signer', async () => {
    expect(pdftotextFound, 'pdftotext (poppler-utils) must be installed in CI').toBe(true);
    const text = pdftotext(await renderApplicationForm(input));
    for (const expected of [
      '食品经营许可（新办）申请表',
      '440300202600000123',
      '11440300MB2C92051X4440116008000',
      '深圳市市场监督管理局',
      '张三',
      '2026-11-26 14:03:05（北京时间）',
      '营业执照 91440300MA5G8XXX1X',
      'id-card.jpg',
      '免填单',
      'applications',
      'AbCdEfGhIjKlMnOpQrStUv',
    ]) {
      expect(text).toContain(expected);
    }
    const lines = text.split('\n');
    const lineOf = (label: string) => lines.findIndex((line) => line.trimStart().startsWith(label));
    const order = input.fields.map((f) => lineOf(f.label));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(lines[lineOf('身份证号码')]).toContain('440301199001011233');
    expect(lines[lineOf('电子邮箱')]).toMatch(/电子邮箱\s+—\s*$/);
    expect(lines[lineOf('送达方式')]).toMatch(/送达方式\s+—\s*$/);
    expect(lineOf('营业执照')).toBeGreaterThan(order.at(-1)!);
  });

  it('gives the same bytes for the same submission, and another file (and file id) for another', async () => {
    const one = await renderApplicationForm(input);
    const two = await renderApplicationForm(structuredClone(input));
    expect(sha256Hex(two)).toBe(sha256Hex(one));
    expect(two.equals(one)).toBe(true);
    const other = await renderApplicationForm({ ...input, fields: input.fields.map((f, i) => (i === 3 ? { ...f, value: '深圳市福田区' } : f)) });
    expect(sha256Hex(other)).not.toBe(sha256Hex(one));
    const fileId = (pdf: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(pdf.toString('latin1'))?.[1];
    expect(fileId(one)).toMatch(/^[0-9a-f]{32}$/);
    expect(fileId(other)).not.toBe(fileId(one));
  });

  it('prints control characters, bidi overrides, lone surrogates and 2,000-character values safely: shown, wrapped, never interpreted', async () => {
    const hostile = '\u0000甲\u0007乙\u001b[31m丙\u202Eevil\u202C\uD800丁\r\n第二行\tend 𠀀😀';
    const longLatin = 'x'.repeat(2000);
    const longChinese = '长'.repeat(1999) + '尾';
    const pdf = await renderApplicationForm({
      ...input,
      applicantName: '王五\u0000',
      fields: [...input.fields, { label: '备注\u0008', value: hostile }, { label: '说明', value: longLatin }, { label: '经营范围', value: longChinese }],
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThan(1);
    if (!pdftotextFound && !inCi) return;
    const text = pdftotext(pdf);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: none of them may reach the reader.
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000E-\u001F\u202A-\u202E\uFFFD]/);
    // Each unprintable character shows as □ where it was; so does one the font lacks (CJK Ext. B, emoji).
    expect(text).toMatch(/□甲□乙□\[31m丙□evil□□丁/);
    expect(text).toMatch(/第二行 end □□/);
    expect(text).toContain('王五□');
    // Wrapped to the column, across pages (the page footers come between): every character is there, no line is wider than the page.
    expect(text.match(/x/g)?.length).toBe(2000);
    expect(text.match(/长/g)?.length).toBe(1999);
    expect(text).toMatch(/长尾/);
    expect(Math.max(...text.split('\n').map((line) => line.trim().length))).toBeLessThan(140);
  });

  it('is signed by applications over its SHA-256 and the case; altered bytes, another case or another party do not verify', async () => {
    const parties = testParties(['applications', 'catalog'] as const);
    const trust = new TrustStore(`${parties.dir}/trust`);
    const { caseNumber: _number, keyId: _keyId, ...form } = input;
    const of = { caseId: 'AP-2026-00000123', caseNumber: '440300202600000123' };
    const { pdf, signed } = await produceGeneratedForm(parties.applications.keys, { ...form, ...of });

    expect(signed.sha256).toBe(sha256Hex(pdf));
    expect(signed.keyId).toBe(parties.applications.trust.keyIds('applications')[0]);
    expect(verifyGeneratedForm(trust, { ...of, pdf }, signed)).toEqual({ ok: true, keyId: signed.keyId });
    // The footer names the key that signed.
    if (pdftotextFound || inCi) expect(pdftotext(pdf)).toContain(signed.keyId);

    const altered = Buffer.from(pdf);
    altered[Math.floor(altered.length / 2)]! ^= 1;
    expect(verifyGeneratedForm(trust, { ...of, pdf: altered }, signed)).toEqual({ ok: false, reason: 'altered' });
    // Someone who alters the bytes and stores their hash still lacks applications' signature over it.
    expect(verifyGeneratedForm(trust, { ...of, pdf: altered }, { ...signed, sha256: sha256Hex(altered) })).toEqual({ ok: false, reason: 'bad-signature' });
    // The signature binds the case: the same document does not verify as another case's.
    expect(verifyGeneratedForm(trust, { caseId: 'AP-2026-00000124', caseNumber: of.caseNumber, pdf }, signed)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyGeneratedForm(trust, { caseId: of.caseId, caseNumber: '440300202600000124', pdf }, signed)).toEqual({ ok: false, reason: 'bad-signature' });

    // Another party cannot sign one, and its signature over the same text is not applications'.
    expect(() => signGeneratedForm(parties.catalog.keys, { ...of, pdf })).toThrow(/only applications signs/);
    const forged = parties.catalog.keys.sign(generatedFormSignedText({ ...of, sha256: signed.sha256 }));
    expect(verifyGeneratedForm(trust, { ...of, pdf }, { sha256: signed.sha256, keyId: forged.kid, signature: forged.signature })).toEqual({ ok: false, reason: 'unknown-key' });
    expect(verifyGeneratedForm(trust, { ...of, pdf }, { ...signed, signature: forged.signature })).toEqual({ ok: false, reason: 'bad-signature' });
  });
});
