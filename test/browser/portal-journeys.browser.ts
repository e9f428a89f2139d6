import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { type RunningPortal, startPortalServer } from '@govgraph/portal';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../src/chromium.js';
import { type GraphHarness, startGraph } from '../src/harness.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Every request the pages of a context make, recorded; anything not for this machine is refused before it leaves. */
async function recordRequests(context: BrowserContext): Promise<string[]> {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return LOCAL_HOSTS.has(url.hostname) ? route.continue() : route.abort('blockedbyclient');
  });
  return urls;
}

/** Console errors (a CSP violation is one) and uncaught exceptions of a page. */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A real 4×4 white PNG (an ID photo's white background, in miniature). */
function smallPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(4, 0);
  header.writeUInt32BE(4, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.concat(Array.from({ length: 4 }, () => Buffer.from([0, ...new Array(12).fill(255)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** A one-page PDF with a line of text. */
function smallPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 12 Tf 20 50 Td (Health OK) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}portal-${name}.png`, fullPage: true });
}

interface LicenceRow {
  id: string;
  title: string;
  number: string;
}

describe.runIf(chromiumAvailable())('the reference portal in Chromium', () => {
  let portal: RunningPortal;
  let graph: GraphHarness;
  let browser: Browser;

  beforeAll(async () => {
    // The portal's origin first: the gateway is started allowing it (CORS), then told to the page.
    portal = await startPortalServer({ port: 0, gatewayUrl: 'http://127.0.0.1:9/graphql' });
    [graph, browser] = await Promise.all([startGraph({ gatewayEnv: { GATEWAY_CORS_ORIGINS: portal.url } }), launchChromium()]);
    portal.setGatewayUrl(`${graph.gateway.url}/graphql`);
    console.info(`portal bundle: ${portal.bundle.script.gzipped.length} bytes gzipped (${portal.bundle.script.body.length} raw), built in ${portal.bundle.buildMs} ms`);
  });
  afterAll(async () => {
    await browser?.close();
    await graph?.close();
    await portal?.close();
  });

  async function licencesOf(username: string, enterpriseId?: string): Promise<LicenceRow[]> {
    let token = await graph.login(username);
    if (enterpriseId) token = (await graph.operation('act-as.graphql', { enterpriseId }, token)).data.actAs.token;
    return (await graph.operation('my-home.graphql', {}, token)).data.me.licences as LicenceRow[];
  }

  it('zhangsan renews a driving licence online; the police officer decides and issues it; zhangsan sees licence, case and data use', async () => {
    const before = new Set((await licencesOf('zhangsan')).map((licence) => licence.id));
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const requests = await recordRequests(context);
    const page = await context.newPage();
    const consoleErrors = recordErrors(page);

    const response = await page.goto(portal.url);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    await signIn(page, 'zhangsan');
    await page.getByRole('heading', { level: 1, name: '张三的主页' }).waitFor();
    await shoot(page, 'home');

    // Catalog → guide → form.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '办事服务' }).click();
    await page.getByLabel('搜索事项').fill('驾驶证');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /找到 \d+ 项事项/ })
      .waitFor({ state: 'attached' });
    await page.getByRole('link', { name: '机动车驾驶证期满换证' }).first().click();
    await page.getByRole('heading', { level: 1, name: '机动车驾驶证期满换证' }).waitFor();
    await page.getByRole('link', { name: '在线办理' }).click();

    // Prefilled, with where each value came from.
    const name = page.getByLabel('申请人姓名');
    await expect.poll(() => name.inputValue(), { timeout: 15_000 }).toBe('张三');
    const nameBadge = page.locator(`#${await name.getAttribute('aria-describedby')}`);
    expect(await nameBadge.innerText()).toContain('市政务服务数据管理局');
    expect(await nameBadge.innerText()).toContain('A 部门核验');
    const licenceBadge = page.locator(`#${await page.getByLabel('现驾驶证证号').getAttribute('aria-describedby')}`);
    expect(await licenceBadge.innerText()).toContain('市公安局交通警察局');
    // A changed value becomes the applicant's declaration, and can be reset to the verified one.
    const mobile = page.getByLabel('手机号码', { exact: true });
    const offeredMobile = await mobile.inputValue();
    await mobile.fill('13900139000');
    await page.getByText('D 申请人声明').waitFor();
    await page.getByRole('button', { name: '恢复手机号码为核验数据' }).click();
    expect(await mobile.inputValue()).toBe(offeredMobile);
    expect(await page.getByText('D 申请人声明').count()).toBe(0);

    await page.getByLabel('领证方式').selectOption('邮寄');
    // The driving licence replaces the paper copy (免证办).
    await expect.poll(() => page.getByRole('radio', { name: /电子证照：机动车驾驶证（\d+）/ }).isChecked()).toBe(true);
    await page.getByLabel('上传：近期一寸白底免冠彩色照片').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: smallPng() });
    await page.getByRole('status').filter({ hasText: '已上传 photo.png' }).waitFor();
    await page.getByLabel('上传：机动车驾驶人身体条件证明').setInputFiles({ name: 'health.pdf', mimeType: 'application/pdf', buffer: smallPdf() });
    await page.getByRole('status').filter({ hasText: '已上传 health.pdf' }).waitFor();
    expect(await page.getByRole('radio', { name: '新上传：photo.png' }).isChecked()).toBe(true);
    await shoot(page, 'form');
    // The graph's own checks: a mobile number it refuses is shown at the field and in the summary.
    await mobile.fill('12345');
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => mobile.getAttribute('aria-invalid')).toBe('true');
    const problem = page.locator(`#${(await mobile.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))}`);
    expect(await problem.innerText()).not.toBe('');
    expect(await page.getByRole('alert').filter({ hasText: '请修改以下' }).innerText()).toContain('手机号码');
    await shoot(page, 'form-problems');
    await page.getByRole('button', { name: '恢复手机号码为核验数据' }).click();
    await page.getByRole('button', { name: '提交申请' }).click();

    const caseHeading = page.getByRole('heading', { level: 1, name: /^办件 \d+$/ });
    await caseHeading.waitFor({ timeout: 15_000 });
    const caseNumber = (await caseHeading.innerText()).replace('办件 ', '').trim();
    await page.locator('[data-status="SUBMITTED"]').waitFor();
    await shoot(page, 'case-submitted');

    // The officer of the traffic police takes the case through to the licence.
    await signOut(page);
    await signIn(page, 'officer.police');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click();
    await page.getByRole('link', { name: caseNumber, exact: true }).click();
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByRole('button', { name: '批准', exact: true }).click();
    await page.getByRole('button', { name: '签发证照', exact: true }).click();
    await expect.poll(() => page.getByLabel('证照类型').inputValue()).not.toBe('');
    await page.getByRole('button', { name: '签发', exact: true }).click();
    const issued = page.getByRole('status').filter({ hasText: /\d{6,}/ });
    await issued.first().waitFor({ timeout: 15_000 });
    const issuedText = await issued.first().innerText();
    await shoot(page, 'officer-issued');

    const newLicence = (await licencesOf('zhangsan')).find((licence) => !before.has(licence.id) && licence.title === '机动车驾驶证');
    expect(newLicence, 'a new driving licence for zhangsan').toBeDefined();
    expect(issuedText).toContain(newLicence!.number);

    // Back as zhangsan: the licence, the completed case, and who read which data for it.
    await signOut(page);
    await signIn(page, 'zhangsan');
    await page.goto(`${portal.url}/#/`);
    const licences = page.getByRole('region', { name: '我的证照' });
    await licences.getByRole('row').filter({ hasText: '机动车驾驶证' }).filter({ hasText: newLicence!.number }).first().waitFor();
    // The licence's status event completes the case, a moment after the issue.
    await expect
      .poll(
        async () => {
          await page.goto(`${portal.url}/#/cases`);
          await page.reload();
          const row = page.getByRole('row').filter({ hasText: caseNumber });
          await row.waitFor();
          return row.innerText();
        },
        { timeout: 15_000 },
      )
      .toContain('已办结');
    await page.getByRole('link', { name: caseNumber, exact: true }).click();
    await page.locator('[data-status="COMPLETED"]').waitFor();
    await shoot(page, 'case-completed');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据使用记录' }).click();
    const entry = page
      .getByRole('row')
      .filter({ hasText: `审查办件 ${caseNumber}` })
      .filter({ hasText: '市公安局交通警察局' });
    await entry.first().waitFor();
    await shoot(page, 'data-access');

    const elsewhere = requests.filter((url) => {
      const parsed = new URL(url);
      return parsed.protocol !== 'data:' && parsed.protocol !== 'blob:' && parsed.hostname !== '127.0.0.1';
    });
    expect(elsewhere).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('wangwu acts for 深圳市示例科技有限公司 and is offered its business licence on the food-licence form', async () => {
    const businessLicence = (await licencesOf('wangwu', 'E-000001')).find((licence) => licence.title === '营业执照');
    expect(businessLicence).toBeDefined();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const requests = await recordRequests(context);
    const page = await context.newPage();
    const consoleErrors = recordErrors(page);

    await page.goto(portal.url);
    await signIn(page, 'wangwu');
    await page.getByRole('heading', { level: 1, name: '王五的主页' }).waitFor();
    await page.getByLabel('办理身份').selectOption({ label: '深圳市示例科技有限公司' });
    await page.getByRole('heading', { level: 1, name: '深圳市示例科技有限公司的主页' }).waitFor();
    await page.getByText('企业专属网页').waitFor();
    await shoot(page, 'enterprise-home');

    await page.goto(`${portal.url}/#/apply/SCJG-0203`);
    const offered = page.getByRole('radio', { name: `电子证照：营业执照（${businessLicence!.number}）` });
    await offered.waitFor();
    expect(await offered.isChecked()).toBe(true);
    await shoot(page, 'enterprise-form');

    // And back as oneself.
    await page.getByLabel('办理身份').selectOption({ label: '本人（王五）' });
    await page.getByRole('heading', { level: 1, name: '王五的主页' }).waitFor();

    expect(requests.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('reuses the earlier photo, answers a correction request with a new photo and address, then withdraws the case', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const requests = await recordRequests(context);
    const page = await context.newPage();
    const consoleErrors = recordErrors(page);
    await page.goto(`${portal.url}/#/apply/JJ-0101`);
    await signIn(page, 'zhangsan');
    await expect.poll(() => page.getByLabel('申请人姓名').inputValue(), { timeout: 15_000 }).toBe('张三');
    // The first journey's uploads serve this form too (once-only: nothing uploaded twice).
    expect(await page.getByRole('radio', { name: '已有材料：photo.png' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: '已有材料：health.pdf' }).isChecked()).toBe(true);
    await page.getByLabel('领证方式').selectOption('窗口自取');
    await page.getByRole('button', { name: '提交申请' }).click();
    const caseHeading = page.getByRole('heading', { level: 1, name: /^办件 \d+$/ });
    await caseHeading.waitFor({ timeout: 15_000 });
    const caseId = decodeURIComponent(new URL(page.url()).hash).replace('#/cases/', '');

    const officer = await graph.login('officer.police');
    const asked = await graph.operation('decide-application.graphql', { input: { id: caseId, action: 'REQUEST_CORRECTION', note: '照片不清晰，请重新上传' } }, officer);
    expect(asked.errors).toBeUndefined();
    await page.reload();
    const correction = page.getByRole('form', { name: '补正材料' });
    await correction.getByText('照片不清晰，请重新上传').waitFor();
    await correction.getByLabel('联系地址').fill('福田区福中三路2001号');
    const sharper = Buffer.concat([smallPng(), Buffer.from('sharper')]);
    await correction.getByLabel('上传：近期一寸白底免冠彩色照片').setInputFiles({ name: 'photo-2.png', mimeType: 'image/png', buffer: sharper });
    await correction.getByRole('status').filter({ hasText: '已上传 photo-2.png' }).waitFor();
    await shoot(page, 'correction');
    await correction.getByRole('button', { name: '提交补正' }).click();
    await page.locator('[data-status="SUBMITTED"]').waitFor();
    expect(await page.getByRole('region', { name: '申请信息' }).innerText()).toContain('福田区福中三路2001号');
    expect(await page.getByRole('region', { name: '申请材料' }).innerText()).toContain('photo-2.png');

    await page.getByRole('button', { name: '撤回申请' }).click();
    await page.getByLabel('撤回原因（选填）').fill('改为窗口办理');
    await page.getByRole('button', { name: '确认撤回' }).click();
    await page.locator('[data-status="WITHDRAWN"]').waitFor();
    expect(await page.getByRole('button', { name: '撤回申请' }).count()).toBe(0);
    await shoot(page, 'withdrawn');

    expect(requests.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('shows what arrived, and says the page may be incomplete, while the licence library is down', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    await recordRequests(context);
    const page = await context.newPage();
    await page.goto(portal.url);
    await signIn(page, 'zhangsan');
    await page.getByRole('heading', { level: 1, name: '张三的主页' }).waitFor();
    await graph.subgraphs.licences!.close();
    try {
      await page.reload();
      await page.getByRole('status').filter({ hasText: '部分信息暂时无法获取' }).waitFor({ timeout: 15_000 });
      // Identity answered: who I am is still there.
      await page.getByRole('heading', { level: 1, name: '张三的主页' }).waitFor();
      expect(await page.getByRole('region', { name: '基本信息' }).innerText()).toContain('138****8000');
      await shoot(page, 'partial');
    } finally {
      await graph.restartSubgraph('licences');
      await context.close();
    }
  });
});
