import { describe, expect, it } from 'vitest';
import { attachmentDisposition, checkFilename } from '../src/document/document-filename.js';

describe('checkFilename', () => {
  it('trims and keeps an ordinary name, Chinese included', () => {
    expect(checkFilename('  身份证 正面.jpg ')).toEqual({ ok: true, filename: '身份证 正面.jpg' });
    expect(checkFilename('a'.repeat(255))).toMatchObject({ ok: true });
    expect(checkFilename('证'.repeat(255))).toMatchObject({ ok: true });
  });

  it.each([
    [null, /required/],
    ['   ', /required/],
    ['a'.repeat(256), /longer than 255/],
    ['../../etc/passwd', /\/ or \\/],
    ['C:\\Windows\\evil.exe', /\/ or \\/],
    ['line\nbreak.pdf', /control/],
    ['nul\u0000.pdf', /control/],
    ['invoice\u202Efdp.exe', /control/],
    ['..', /name a file/],
  ])('refuses %j', (raw, reason) => {
    const checked = checkFilename(raw);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.reason).toMatch(reason);
  });
});

describe('attachmentDisposition', () => {
  it('offers an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('营业执照 (副本).pdf')).toBe(
      `attachment; filename="____ (__).pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%28%E5%89%AF%E6%9C%AC%29.pdf`,
    );
    expect(attachmentDisposition('a"b\\c.png')).toBe(`attachment; filename="a_b_c.png"; filename*=UTF-8''a%22b%5Cc.png`);
  });
});
