import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGateway, loadGatewayConfig, type RunningGateway } from '@govgraph/gateway';
import { createLogger } from '@govgraph/kit';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CreateGatewayOptions } from '@govgraph/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../src/chromium.js';
import { startGraph, type GraphHarness } from '../src/harness.js';

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

/**
 * An editor's whole text, read from its Monaco editor (which draws only the visible lines):
 * GraphiQL puts Monaco on `globalThis.__MONACO`, and each editor knows its container element.
 */
function editorText(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      interface MonacoEditor {
        getContainerDomNode(): unknown;
        getValue(): string;
      }
      const container = element as unknown as { contains(node: unknown): boolean };
      const monaco = (globalThis as { __MONACO?: { editor: { getEditors(): MonacoEditor[] } } }).__MONACO;
      const editor = monaco?.editor.getEditors().find((candidate) => container.contains(candidate.getContainerDomNode()));
      return editor?.getValue() ?? '';
    });
}

/** The result pane's JSON once a result has arrived. */
async function resultText(page: Page): Promise<string> {
  await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: 20_000 }).toMatch(/^\s*\{/);
  return editorText(page, '.graphiql-response');
}

/** Console errors and uncaught exceptions of a page. */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

describe.runIf(chromiumAvailable())('the playground in Chromium', () => {
  let graph: GraphHarness;
  let browser: Browser;

  beforeAll(async () => {
    const started = performance.now();
    [graph, browser] = await Promise.all([startGraph(), launchChromium()]);
    console.info(`browser test: graph and Chromium ${browser.version()} up in ${Math.round(performance.now() - started)} ms`);
  });
  afterAll(async () => {
    await browser?.close();
    await graph?.close();
  });

  it('signs in as zhangsan, runs MyHome, and loads nothing from anywhere but the gateway', async () => {
    const started = performance.now();
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, serviceWorkers: 'block' });
    const requests = await recordRequests(context);
    const page = await context.newPage();
    const consoleErrors = recordErrors(page);

    const response = await page.goto(`${graph.gateway.url}/playground`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    await page.locator('.graphiql-container').waitFor();

    // Sign in through the panel.
    await page.getByRole('button', { name: 'Show Sign in' }).click();
    await page.getByRole('button', { name: 'Sign in as zhangsan' }).click();
    await page.locator('.gg-session-name', { hasText: '张三' }).waitFor();
    await page.locator('.gg-badge[data-signed-in="true"]', { hasText: 'zhangsan' }).waitFor();

    // Open the MyHome example from the picker and run it.
    await page.getByRole('button', { name: 'Show Examples' }).click();
    await page.locator('button[data-file="my-home.graphql"]').click();
    await page.locator('.graphiql-tab', { hasText: 'MyHome' }).waitFor();
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toContain('query MyHome');
    await page.getByRole('button', { name: /^Execute query/ }).click();

    const result = JSON.parse(await resultText(page)) as {
      data?: { me?: { name?: string; licences?: Array<{ title: string }> } };
      errors?: unknown[];
    };
    expect(result.errors).toBeUndefined();
    expect(result.data?.me?.name).toBe('张三');
    const titles = (result.data?.me?.licences ?? []).map((licence) => licence.title);
    expect(titles).toContain('机动车驾驶证');
    // And as a person sees it: in the result pane on the page.
    const pane = page.locator('.graphiql-response');
    await expect.poll(() => pane.innerText()).toContain('张三');
    await expect.poll(() => pane.innerText()).toContain('机动车驾驶证');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}playground.png` });

    const hosts = [...new Set(requests.map((url) => new URL(url).host))];
    const elsewhere = requests.filter((url) => {
      const parsed = new URL(url);
      return parsed.protocol !== 'data:' && !LOCAL_HOSTS.has(parsed.hostname);
    });
    expect(elsewhere).toEqual([]);
    expect(hosts).toEqual([new URL(graph.gateway.url).host]);
    expect(requests.some((url) => new URL(url).pathname === '/graphql')).toBe(true);
    // Monaco's three workers came from the bundle on the gateway.
    for (const worker of ['editor', 'json', 'graphql']) {
      expect(requests.some((url) => new RegExp(`/playground/assets/${worker}\\.worker-[A-Z0-9]+\\.js$`).test(new URL(url).pathname))).toBe(true);
    }
    // No Content-Security-Policy violation, no script error.
    expect(consoleErrors).toEqual([]);
    console.info(`browser test: ${requests.length} requests, all to ${hosts.join(', ')}; sign-in to result in ${Math.round(performance.now() - started)} ms`);
    await context.close();
  });

  it("shows the departments' descriptions in the schema docs, and opens dialogs within the CSP", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
    const requests = await recordRequests(context);
    const page = await context.newPage();
    const consoleErrors = recordErrors(page);
    await page.goto(`${graph.gateway.url}/playground`);
    // GraphiQL's dialogs lock scrolling with a <style> element: allowed by the page's style nonce.
    await page.getByRole('button', { name: 'Open settings dialog' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await page.locator('style[nonce]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
    // Query.prefill's description, written in the applications subgraph.
    await page.locator('.graphiql-doc-explorer-field-name', { hasText: 'prefill' }).waitFor();
    const docs = await page.locator('.graphiql-doc-explorer').innerText();
    expect(docs).toMatch(/officer's workbench|earliest deadline first/);
    expect(requests.filter((url) => !LOCAL_HOSTS.has(new URL(url).hostname))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("shows an operation's generated TypeScript, read-only with a copy button, and no types button where there is none", async () => {
    // graphql-codegen's files, as portal/kit/src/generated/operations holds them: one for MyHome only.
    const typesDir = mkdtempSync(join(tmpdir(), 'govgraph-playground-types-'));
    const myHomeTypes = 'export type MyHomeQuery = { me: { name: string; licences: Array<{ title: string }> | null } };\n// <script>not markup</script>\n';
    writeFileSync(join(typesDir, 'my-home.ts'), myHomeTypes);
    const gateway = await startDevelopmentGateway(graph, { generatedTypesDir: typesDir });
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const requests = await recordRequests(context);
    const page = await context.newPage();
    const consoleErrors = recordErrors(page);
    try {
      await page.goto(`${gateway.url}/playground`);
      await page.locator('button[data-file="my-home.graphql"]').waitFor();
      // Only the operation with a generated file offers the view.
      const typed = await page
        .locator('button[data-types-for]')
        .evaluateAll((buttons) => buttons.map((button) => (button as unknown as { dataset: { typesFor?: string } }).dataset.typesFor));
      expect(typed).toEqual(['my-home.graphql']);
      await page.getByRole('button', { name: 'TypeScript types of MyHome' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expect.poll(() => dialog.locator('.gg-types-source').textContent()).toBe(myHomeTypes);
      expect(await dialog.locator('.gg-types-path').innerText()).toBe(join(typesDir, 'my-home.ts'));
      // Read-only text, not an input.
      expect(await dialog.locator('textarea, input, [contenteditable="true"]').count()).toBe(0);
      await dialog.getByRole('button', { name: 'Copy' }).click();
      await dialog.getByText('Copied', { exact: true }).waitFor();
      const clipboard = () => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText();
      expect(await page.evaluate(clipboard)).toBe(myHomeTypes);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(requests.filter((url) => !LOCAL_HOSTS.has(new URL(url).hostname))).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await gateway.close();
      rmSync(typesDir, { recursive: true, force: true });
    }
  });

  it('is off with NODE_ENV=production: /playground is 404 and /graphql gives a browser no playground', async () => {
    const production = await startProductionGateway(graph);
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      const playground = await page.goto(`${production.url}/playground`);
      expect(playground?.status()).toBe(404);
      const endpoint = await page.goto(production.graphqlUrl);
      expect(endpoint?.headers()['content-type']).not.toMatch(/text\/html/);
      expect(await page.locator('.graphiql-container').count()).toBe(0);
      expect(await page.content()).not.toMatch(/graphiql|playground/i);
    } finally {
      await context.close();
      await production.close();
    }
  });
});

/** A second gateway over the same subgraphs, as a production deployment would run it. */
function startProductionGateway(graph: GraphHarness): Promise<RunningGateway> {
  return startSecondGateway(graph, 'production');
}

/** A second development gateway over the same subgraphs, with its own playground options. */
function startDevelopmentGateway(graph: GraphHarness, playground: NonNullable<CreateGatewayOptions['playground']>): Promise<RunningGateway> {
  return startSecondGateway(graph, 'development', playground);
}

async function startSecondGateway(graph: GraphHarness, nodeEnv: string, playground?: NonNullable<CreateGatewayOptions['playground']>): Promise<RunningGateway> {
  const config = loadGatewayConfig({
    NODE_ENV: nodeEnv,
    DATA_DIR: graph.dataDir,
    ...graph.keyEnv,
    ...Object.fromEntries(Object.entries(graph.subgraphs).map(([name, subgraph]) => [`${name.toUpperCase()}_URL`, subgraph.graphqlUrl])),
  });
  return createGateway(config, { log: createLogger(`gateway-${nodeEnv}`, 'silent'), ...(playground ? { playground } : {}) }).listen(0, '127.0.0.1');
}
