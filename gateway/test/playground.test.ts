import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaygroundPageConfig } from '../src/playground/client/page-config.js';
import { loadExamples } from '../src/playground/load-examples.js';
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
  // Words inside error messages, only ever shown as text.
  'https://reactjs.org/docs/error-decoder.html?invariant=': "React's minified error messages",
  'https://yarnpkg.com/en/docs/selective-version-resolutions': "graphql-js's message about two copies of graphql",
  'https://github.com/graphql/graphiql/blob/master/examples/graphiql-cdn/index.html#L49': "GraphiQL's message about an old React",
  // Descriptions of graphql-js's built-in types, shown as text in the schema docs.
  'https://en.wikipedia.org/wiki/IEEE_floating_point': 'description of the Float scalar',
  'https://commonmark.org/': "description of @deprecated's reason",
  // Links a person may follow by hand; the page loads neither.
  'https://github.com/graphql/graphiql': "GraphiQL's default logo link (govgraph's logo replaces it)",
  'https://codemirror.net/5/doc/manual.html#keymaps': "a link in GraphiQL's keyboard-shortcuts dialog",
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

describe('playground served by the gateway', () => {
  let gateway: RunningGateway;
  let html: string;
  let page: Response;
  let script: Response;
  let stylesheet: Response;
  let scriptText: string;
  let stylesheetText: string;

  beforeAll(async () => {
    gateway = await startGateway({ NODE_ENV: 'development' });
    const started = performance.now();
    page = await fetch(`${gateway.url}/playground`);
    html = await page.text();
    console.info(`playground: first page (bundle built) in ${Math.round(performance.now() - started)} ms`);
    const urls = assetUrls(html);
    script = await fetch(new URL(urls.script, page.url));
    scriptText = await script.text();
    stylesheet = await fetch(new URL(urls.stylesheet, page.url));
    stylesheetText = await stylesheet.text();
    console.info(`playground: script ${scriptText.length} bytes, stylesheet ${stylesheetText.length} bytes`);
  });
  afterAll(() => gateway?.close());

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
      'font-src': ["'self'", 'data:'],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
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
    expect(config.demoAccounts.map((account) => account.username)).toEqual(['zhangsan', 'lisi', 'wangwu', 'officer.police', 'officer.market']);
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
    const unexpected = absoluteUrls(scriptText).filter((url) => !isLocal(url) && !(url in HARMLESS_URLS));
    expect(unexpected).toEqual([]);
    expect(scriptText).not.toMatch(/sourceMappingURL=(?!data:)\S*\/\//);
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
