import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import { createLogger } from '@govgraph/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PLAYGROUND_CLIENT_DIR,
  playgroundInputsHash,
  readPlaygroundBundle,
  writePlaygroundBundle,
  type PlaygroundBundleManifest,
} from '../src/playground/build-playground-bundle.js';
import type { PlaygroundPageConfig } from '../src/playground/client/page-config.js';
import { loadExamples } from '../src/playground/load-examples.js';
import { withGeneratedTypes } from '../src/playground/load-generated-types.js';
import { DEFAULT_OPERATIONS_DIR } from '../src/playground/playground-options.js';
import { prefersHtml } from '../src/playground/prefers-html.js';
import type { RunningGateway } from '../src/server.js';
import { postGraphQL, startGateway } from './helpers/start-gateway.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/**
 * Absolute URLs the bundle may contain. None of them is ever requested by the page (the browser
 * test records every request and finds only the gateway); each is text or an identifier:
 */
const HARMLESS_URLS: Readonly<Record<string, string>> = {
  // XML namespace names that React and GraphiQL's icons put on SVG/MathML elements: identifiers, never fetched.
  'http://www.w3.org/2000/svg': 'SVG namespace',
  'http://www.w3.org/1999/xhtml': 'XHTML namespace',
  'http://www.w3.org/1999/xlink': 'XLink namespace',
  'http://www.w3.org/XML/1998/namespace': 'XML namespace',
  'http://www.w3.org/1998/Math/MathML': 'MathML namespace',
  // JSON Schema's own identifiers ($schema values), which Monaco's JSON worker compares names
  // against; it requests no schema (GraphiQL leaves enableSchemaRequest off).
  'http://json-schema.org/': 'JSON Schema identifier',
  'http://json-schema.org/draft-': 'JSON Schema identifier',
  'http://json-schema.org/draft-03/schema': 'JSON Schema identifier',
  'http://json-schema.org/draft-03/schema#': 'JSON Schema identifier',
  'http://json-schema.org/draft-04/schema': 'JSON Schema identifier',
  'http://json-schema.org/draft-04/schema#': 'JSON Schema identifier',
  'http://json-schema.org/draft-06/schema#': 'JSON Schema identifier',
  'http://json-schema.org/draft-07/schema#': 'JSON Schema identifier',
  'https://json-schema.org/draft/2019-09/schema': 'JSON Schema identifier',
  'https://json-schema.org/draft/2020-12/schema': 'JSON Schema identifier',
  // Words inside error and warning messages, only ever shown as text.
  'https://reactjs.org/docs/error-decoder.html?invariant=': "React's minified error messages",
  'https://yarnpkg.com/en/docs/selective-version-resolutions': "graphql-js's message about two copies of graphql",
  'https://prettier.io/docs/plugins#optional-embed': "Prettier's message about an old plugin",
  'https://github.com/microsoft/monaco-editor#faq': "Monaco's warning when workers cannot start",
  'https://github.com/graphql/graphiql/tree/main/packages/monaco-graphql#custom-webworker-for-passing-non-static-config-to-worker.':
    "monaco-graphql's message about worker configuration",
  'https://github.com/markedjs/marked.': "a message of Monaco's markdown renderer",
  // Descriptions of graphql-js's built-in types, shown as text in the schema docs.
  'https://en.wikipedia.org/wiki/IEEE_floating_point': 'description of the Float scalar',
  'https://commonmark.org/': "description of @deprecated's reason",
  // The placeholder target Monaco's markdown renderer gives an unfinished link while text streams in: never fetched.
  'https://microsoft.com': "Monaco's placeholder link target",
  // Links a person may follow by hand (Monaco's help texts, GraphiQL's logo); the page loads none of them.
  'https://github.com/graphql/graphiql': "GraphiQL's default logo link (govgraph's logo replaces it)",
  'https://code.visualstudio.com/docs/editor/codebasics#_find-and-replace': "a link in Monaco's find widget",
  'https://code.visualstudio.com/docs/editor/codebasics#_multicursor-modifier': "a link in Monaco's accessibility help",
  'https://code.visualstudio.com/docs/reference/default-keybindings': "a link in Monaco's accessibility help",
  'https://code.visualstudio.com/shortcuts/keyboard-shortcuts-macos.pdf': "a link in GraphiQL's keyboard-shortcuts dialog",
  'https://code.visualstudio.com/shortcuts/keyboard-shortcuts-windows.pdf': "a link in GraphiQL's keyboard-shortcuts dialog",
  'https://github.com/brijeshb42/monaco-vim.': "Monaco's accessibility help, naming a plugin",
  'https://github.com/aioutecism/monaco-emacs': "Monaco's accessibility help, naming a plugin",
};

/** Every absolute http(s) URL with a host in a text, as written. */
function absoluteUrls(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[a-z0-9.-]+[^\s"'`)<>\\]*/gi) ?? [])];
}

function isLocal(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

function pageConfig(html: string): PlaygroundPageConfig {
  const match = /<script type="application\/json" id="playground-config">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error('no configuration block in the page');
  return JSON.parse(match[1]!) as PlaygroundPageConfig;
}

function assetUrls(html: string): { script: string; stylesheet: string } {
  const script = /<script defer src="([^"]+)"><\/script>/.exec(html)?.[1];
  const stylesheet = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1];
  if (!script || !stylesheet) throw new Error('the page names no script or no stylesheet');
  return { script, stylesheet };
}

function cspDirectives(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

describe('prefersHtml', () => {
  const request = (method: string, accept?: string) => ({ method, headers: accept ? { accept } : {} }) as IncomingMessage;

  it("is true for a browser's GET, false for GraphQL clients", () => {
    expect(prefersHtml(request('GET', BROWSER_ACCEPT))).toBe(true);
    expect(prefersHtml(request('GET', 'text/html'))).toBe(true);
    expect(prefersHtml(request('HEAD', 'text/html'))).toBe(true);
    expect(prefersHtml(request('POST', 'text/html'))).toBe(false);
    expect(prefersHtml(request('GET'))).toBe(false);
    expect(prefersHtml(request('GET', '*/*'))).toBe(false);
    expect(prefersHtml(request('GET', 'application/json'))).toBe(false);
    expect(prefersHtml(request('GET', 'application/graphql-response+json, application/json;q=0.9'))).toBe(false);
    expect(prefersHtml(request('GET', 'application/json, text/html;q=0.5'))).toBe(false);
    expect(prefersHtml(request('GET', 'text/html;q=0, */*'))).toBe(false);
  });
});

describe('loadExamples', () => {
  it('offers every contract operation, with its description and example variables', async () => {
    const examples = await loadExamples(DEFAULT_OPERATIONS_DIR, { 'start-form.graphql': { matterCode: 'JJ-0101' } });
    const files = readdirSync(DEFAULT_OPERATIONS_DIR)
      .filter((file) => file.endsWith('.graphql'))
      .sort();
    expect(examples.map((example) => example.file)).toEqual(files);
    const myHome = examples.find((example) => example.file === 'my-home.graphql')!;
    expect(myHome).toMatchObject({ name: 'MyHome', kind: 'query', variables: '' });
    expect(myHome.description).toMatch(/^The personal \/ enterprise page/);
    expect(myHome.query).toBe(readFileSync(join(DEFAULT_OPERATIONS_DIR, 'my-home.graphql'), 'utf8'));
    expect(JSON.parse(examples.find((example) => example.file === 'start-form.graphql')!.variables)).toEqual({ matterCode: 'JJ-0101' });
    // Without given variables: the required ones, null, to be filled in.
    expect(JSON.parse(examples.find((example) => example.file === 'review-application.graphql')!.variables)).toEqual({ id: null });
    expect(examples.find((example) => example.file === 'login.graphql')!.kind).toBe('mutation');
  });

  it('gives no examples for a folder that is not there', async () => {
    expect(await loadExamples('/nonexistent/govgraph/operations')).toEqual([]);
  });
});

describe('withGeneratedTypes', () => {
  let dir: string;
  beforeAll(() => {
    // graphql-codegen's output as portal/kit/src/generated/operations holds it: here for one operation only.
    dir = mkdtempSync(join(tmpdir(), 'govgraph-generated-types-'));
    writeFileSync(join(dir, 'start-form.ts'), 'export type StartFormQuery = { matter: { code: string } | null };\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives an example its operation's generated TypeScript, and none where there is no file", async () => {
    const examples = await withGeneratedTypes(await loadExamples(DEFAULT_OPERATIONS_DIR), dir);
    const startForm = examples.find((example) => example.file === 'start-form.graphql')!;
    expect(startForm.typescript).toEqual({ path: join(dir, 'start-form.ts'), source: 'export type StartFormQuery = { matter: { code: string } | null };\n' });
    expect(examples.filter((example) => example.typescript).map((example) => example.file)).toEqual(['start-form.graphql']);
    expect(await withGeneratedTypes(examples.slice(0, 2), '/nonexistent/govgraph/generated')).toEqual(examples.slice(0, 2));
  });
});

describe('the playground bundle on disk', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'govgraph-playground-bundle-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is written once, kept while its inputs are unchanged, and refused when they change', async () => {
    const bundleDir = join(dir, 'bundle');
    const first = await writePlaygroundBundle({ dir: bundleDir });
    expect(first.reused).toBe(false);
    const manifest = JSON.parse(readFileSync(join(bundleDir, 'manifest.json'), 'utf8')) as PlaygroundBundleManifest;
    expect(manifest.script).toMatch(/^playground-[A-Z0-9]+\.js$/);
    expect(Object.keys(manifest.workers)).toEqual(['editor', 'json', 'graphql']);
    expect(manifest.packages.map((p) => p.name)).toEqual(expect.arrayContaining(['graphiql', '@graphiql/react', 'monaco-editor', 'monaco-graphql', 'react', 'esbuild']));
    expect(manifest.packages.find((p) => p.name === 'graphiql')!.version).toMatch(/^5\./);
    for (const file of manifest.files) expect(readdirSync(bundleDir)).toEqual(expect.arrayContaining([file, `${file}.gz`]));

    const again = await writePlaygroundBundle({ dir: bundleDir });
    expect(again).toMatchObject({ reused: true });
    expect(again.ms).toBeLessThan(first.ms);
    const bundle = await readPlaygroundBundle(bundleDir);
    expect(bundle).toMatchObject({ source: 'disk', inputsHash: manifest.inputsHash });
    expect(bundle!.script.name).toBe(manifest.script);
    expect(bundle!.workers.graphql.name).toBe(manifest.workers.graphql);

    // Another version of a bundled package, or other client sources: another hash, and the bundle is stale.
    const fakePackage = join(dir, 'node_modules', 'fake');
    mkdirSync(fakePackage, { recursive: true });
    writeFileSync(join(fakePackage, 'package.json'), '{"name":"fake","version":"1.0.0"}');
    const withFake = [...manifest.packages, { dir: relative(PLAYGROUND_CLIENT_DIR, fakePackage) }];
    const hashBefore = await playgroundInputsHash(PLAYGROUND_CLIENT_DIR, withFake);
    writeFileSync(join(fakePackage, 'package.json'), '{"name":"fake","version":"1.0.1"}');
    expect(await playgroundInputsHash(PLAYGROUND_CLIENT_DIR, withFake)).not.toBe(hashBefore);
    writeFileSync(join(bundleDir, 'manifest.json'), JSON.stringify({ ...manifest, inputsHash: 'f'.repeat(64) }));
    expect(await readPlaygroundBundle(bundleDir)).toBeNull();
    expect(await readPlaygroundBundle(join(dir, 'absent'))).toBeNull();
  }, 60_000);
});

/** The gateway's log lines, for what it says about the playground. */
function capturedLog(): { lines: Array<Record<string, unknown>>; log: ReturnType<typeof createLogger> } {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger('gateway-test', 'info', destination) };
}

describe('playground served by the gateway', () => {
  let gateway: RunningGateway;
  let html: string;
  let page: Response;
  let script: Response;
  let stylesheet: Response;
  let scriptText: string;
  let stylesheetText: string;
  let workerTexts: string[];
  let bundleDir: string;
  let typesDir: string;
  const { lines, log } = capturedLog();

  beforeAll(async () => {
    // As `npm run build` / `npm start` leave it: a bundle on disk, and generated types for one operation.
    bundleDir = mkdtempSync(join(tmpdir(), 'govgraph-playground-served-'));
    typesDir = join(bundleDir, 'generated');
    mkdirSync(typesDir);
    writeFileSync(join(typesDir, 'my-home.ts'), 'export type MyHomeQuery = { me: { name: string } | null };\n');
    await writePlaygroundBundle({ dir: join(bundleDir, 'bundle') });
    gateway = await startGateway({ NODE_ENV: 'development' }, { log, playground: { bundleDir: join(bundleDir, 'bundle'), generatedTypesDir: typesDir } });
    const started = performance.now();
    page = await fetch(`${gateway.url}/playground`);
    html = await page.text();
    const pageMs = Math.round(performance.now() - started);
    const urls = assetUrls(html);
    [script, stylesheet] = await Promise.all([fetch(new URL(urls.script, page.url)), fetch(new URL(urls.stylesheet, page.url))]);
    [scriptText, stylesheetText] = await Promise.all([script.text(), stylesheet.text()]);
    const workers = Object.values(pageConfig(html).workers);
    workerTexts = await Promise.all(workers.map(async (worker) => (await fetch(new URL(worker, page.url))).text()));
    console.info(
      `playground: first page from the bundle on disk in ${pageMs} ms, with its assets in ${Math.round(performance.now() - started)} ms; script ${scriptText.length} bytes, stylesheet ${stylesheetText.length} bytes`,
    );
  }, 60_000);
  afterAll(async () => {
    await gateway?.close();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  it('serves the bundle that is on disk, and says so', () => {
    const ready = lines.find((line) => line.msg === 'playground ready');
    expect(ready).toMatchObject({ bundle: 'disk', typedExamples: 1 });
  });

  it('serves the Monaco workers from the gateway, named in the page', async () => {
    const { workers } = pageConfig(html);
    expect(Object.keys(workers)).toEqual(['editor', 'json', 'graphql']);
    for (const [label, url] of Object.entries(workers)) {
      expect(url).toMatch(new RegExp(`^playground/assets/${label}\\.worker-[A-Z0-9]+\\.js$`));
      const worker = await fetch(new URL(url, page.url));
      expect(worker.status).toBe(200);
      expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
  });

  it("hands the page each operation's generated TypeScript where there is a file", () => {
    const typed = pageConfig(html).examples.filter((example) => example.typescript);
    expect(typed.map((example) => [example.file, example.typescript!.source])).toEqual([['my-home.graphql', 'export type MyHomeQuery = { me: { name: string } | null };\n']]);
  });

  it('serves the page with its script and stylesheet from the gateway', () => {
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const urls = assetUrls(html);
    expect(urls.script).toMatch(/^playground\/assets\/playground-[A-Z0-9]+\.js$/);
    expect(urls.stylesheet).toMatch(/^playground\/assets\/playground-[A-Z0-9]+\.css$/);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(scriptText).toContain('graphiql');
    expect(stylesheet.status).toBe(200);
    expect(stylesheet.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(stylesheetText).toContain('.graphiql-container');
    expect(stylesheetText).toContain('.gg-panel');
  });

  it('sends a Content-Security-Policy that allows only the gateway, with a new style nonce each time', async () => {
    const csp = cspDirectives(page.headers.get('content-security-policy'));
    const nonce = pageConfig(html).styleNonce;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", `'nonce-${nonce}'`],
      'style-src-attr': ["'unsafe-inline'"],
      'font-src': ["'self'", 'data:'],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'worker-src': ["'self'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
    const again = await fetch(`${gateway.url}/playground`);
    expect(pageConfig(await again.text()).styleNonce).not.toBe(nonce);
    // Nothing inline runs: the one inline script element is a JSON data block.
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/json" id="playground-config">', expect.stringMatching(/^<script defer src=/)]);
    expect(html).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
  });

  it('hands the page the contract operations, the login operation and the demo accounts', () => {
    const config = pageConfig(html);
    expect(config.endpoint).toBe('graphql');
    expect(config.loginOperation).toBe(readFileSync(join(DEFAULT_OPERATIONS_DIR, 'login.graphql'), 'utf8'));
    expect(config.examples.map((example) => example.file)).toContain('my-home.graphql');
    expect(config.examples).toHaveLength(readdirSync(DEFAULT_OPERATIONS_DIR).filter((file) => file.endsWith('.graphql')).length);
    expect(config.demoAccounts.map((account) => account.username)).toEqual([
      'zhangsan',
      'lisi',
      'wangwu',
      'officer.police',
      'officer.market',
      'officer.hall',
      'officer.supervisor',
    ]);
    expect(config.demoPassword).toBe('demo');
  });

  it('refers to no other host: the page, script and stylesheet hold only harmless absolute URLs', () => {
    expect(absoluteUrls(html)).toEqual([]);
    expect(absoluteUrls(stylesheetText)).toEqual([]);
    // Fonts and images of the stylesheet are inline data: URLs, never fetched; no @import.
    const cssUrls = [...stylesheetText.matchAll(/url\(\s*["']?([^"')]*)/g)].map((match) => match[1]!);
    expect(cssUrls.length).toBeGreaterThan(0);
    expect(cssUrls.filter((url) => !url.startsWith('data:'))).toEqual([]);
    expect(stylesheetText).not.toContain('@import');
    for (const text of [scriptText, ...workerTexts]) {
      const unexpected = absoluteUrls(text).filter((url) => !isLocal(url) && !(url in HARMLESS_URLS));
      expect(unexpected).toEqual([]);
      expect(text).not.toMatch(/sourceMappingURL=(?!data:)\S*\/\//);
    }
  });

  it('serves the licence notices of the bundled packages beside the script', async () => {
    const match = /For license information please see (\S+)/.exec(scriptText);
    expect(match).not.toBeNull();
    const notice = await fetch(new URL(`playground/assets/${match![1]}`, `${gateway.url}/`));
    expect(notice.status).toBe(200);
    expect(notice.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await notice.text()).toContain('@license React');
  });

  it('answers a revalidation with 304 and sends gzip when asked', async () => {
    const url = new URL(assetUrls(html).script, page.url);
    const etag = script.headers.get('etag')!;
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    // fetch asks for gzip and unpacks it: the same text arrives.
    expect(script.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(Buffer.byteLength(scriptText));
  });

  it("serves the same page to a browser's GET of /graphql, and GraphQL to everyone else", async () => {
    const browser = await fetch(gateway.graphqlUrl, { headers: { accept: BROWSER_ACCEPT } });
    expect(browser.status).toBe(200);
    expect(browser.headers.get('vary')).toBe('accept');
    expect(browser.headers.get('content-security-policy')).toContain("script-src 'self'");
    const same = await browser.text();
    expect(assetUrls(same)).toEqual(assetUrls(html));
    // The page's relative URLs resolve to the same files from /graphql.
    expect(new URL(assetUrls(same).script, browser.url).pathname).toBe(new URL(assetUrls(html).script, page.url).pathname);

    const client = await fetch(gateway.graphqlUrl, { headers: { accept: 'application/json' } });
    expect(client.headers.get('content-type')).toMatch(/application\/json/);
    const answer = await postGraphQL(gateway, { query: '{ __typename }' });
    expect(answer.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers what it does not serve with 404 and 405', async () => {
    expect((await fetch(`${gateway.url}/playground/assets/nope.js`)).status).toBe(404);
    expect((await fetch(`${gateway.url}/playground/other`)).status).toBe(404);
    const post = await fetch(`${gateway.url}/playground`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const slash = await fetch(`${gateway.url}/playground/`, { redirect: 'manual' });
    expect(slash.status).toBe(308);
    expect(new URL(slash.headers.get('location')!, slash.url).pathname).toBe('/playground');
  });
});

describe('playground with NODE_ENV=production', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startGateway({ NODE_ENV: 'production' });
  });
  afterAll(() => gateway?.close());

  it('is not served: /playground is 404 and a browser gets no page from /graphql', async () => {
    expect((await fetch(`${gateway.url}/playground`)).status).toBe(404);
    expect((await fetch(`${gateway.url}/playground/assets/playground.js`)).status).toBe(404);
    const browser = await fetch(gateway.graphqlUrl, { headers: { accept: BROWSER_ACCEPT } });
    expect(browser.headers.get('content-type')).not.toMatch(/text\/html/);
    const text = await browser.text();
    expect(text).not.toMatch(/graphiql|playground|<script/i);
  });
});
