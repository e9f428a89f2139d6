import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_REGISTRY, subgraphEnvPrefix } from '@govgraph/kit';
import { freePorts } from '../src/free-ports.js';
import { postGraphQL, readOperation } from '../src/harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs the README's start command as a user would, on its own ports and data folder. */
function npmStart(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env: { ...process.env, ...env, LOG_LEVEL: 'info' } });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, exited: new Promise((resolve) => child.on('exit', resolve)) };
}

async function waitFor(condition: () => boolean, timeoutMs: number, output: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    // What npm start printed last says which service it was waiting for.
    if (Date.now() > deadline) throw new Error(`timed out; npm start printed last:\n${output().split('\n').slice(-40).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'govgraph-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts the graph with demo data, stops on Ctrl-C, and starts again without re-seeding', async () => {
    // Every department of subgraphs/registry.json (the known four, and any added since) and the gateway.
    const [gateway, portal, ...ports] = await freePorts(SUBGRAPH_REGISTRY.length + 2);
    const env = {
      DATA_DIR: dataDir,
      GATEWAY_PORT: String(gateway),
      PORTAL_PORT: String(portal),
      ...Object.fromEntries(SUBGRAPH_REGISTRY.map((s, i) => [`${subgraphEnvPrefix(s.name)}_PORT`, String(ports[i])])),
    };
    const url = `http://127.0.0.1:${gateway}/graphql`;

    for (const round of [1, 2]) {
      const started = npmStart(env);
      // Well under a minute on a quiet machine (about 20 s here); the rest is for a CI run's load.
      await waitFor(() => started.output().includes('govgraph is ready'), 150_000, started.output);
      expect(started.output()).toContain(url);
      expect(started.output()).toContain('zhangsan');
      expect(started.output().split('demo data seeded').length - 1).toBe(round === 1 ? SUBGRAPH_REGISTRY.length : 0); // each department once

      const login = await postGraphQL(url, { query: readOperation('login.graphql'), variables: { username: 'zhangsan', password: 'demo' } });
      const token = login.data.login.token as string;
      const form = await postGraphQL(url, { query: readOperation('start-form.graphql'), variables: { matterCode: 'JJ-0101' } }, { authorization: `Bearer ${token}` });
      expect(form.errors).toBeUndefined();
      expect(form.data.prefill.fields.find((f: { key: string }) => f.key === 'applicantName').value).toBe('张三');

      // The reference portal: its page names the gateway, and the gateway lets that origin read its answers.
      const portalUrl = `http://127.0.0.1:${portal}`;
      expect(started.output()).toContain(portalUrl);
      const page = await fetch(portalUrl);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`<meta name="govgraph-gateway" content="${url}">`);
      const preflight = await fetch(url, {
        method: 'OPTIONS',
        headers: { origin: portalUrl, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(portalUrl);

      started.child.kill('SIGINT');
      expect(await started.exited).toBe(0);
      expect(started.output().split('shutting down').length - 1).toBe(SUBGRAPH_REGISTRY.length + 1);
    }
  }, 360_000);
});
