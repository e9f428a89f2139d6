import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, loadGatewayConfig, type RunningGateway } from '@govgraph/gateway';
import { createLogger, subgraphEnvPrefix } from '@govgraph/kit';
import { REDIS_URL, redisAvailable } from '@govgraph/kit/testing';
import { postGraphQL, startGraph, type GraphHarness } from '../src/harness.js';

/**
 * Issue 17, item 4: an agent's token acting for an enterprise stops working within a second of
 * the legal representative revoking the agent — for reads and document uploads through the
 * gateway, in identity itself, and in a gateway started after the revocation.
 */
const COMPANY = 'E-000001';
const LISI = 'P-000002';
/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const COMPANY_PAGE = `{ me { id ... on Enterprise { name agents { role person { id } } } } }`;

const redisUp = await redisAvailable();

/** Probes until done or past the deadline (then the caller's expectations fail). */
async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms: number): Promise<{ value: T }> {
  const deadline = performance.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value) || performance.now() > deadline) return { value };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function revocationJourney(name: string, options: () => Parameters<typeof startGraph>[0]) {
  describe(`a revoked agent's token (${name})`, () => {
    let graph: GraphHarness;
    beforeAll(async () => {
      graph = await startGraph(options());
    });
    afterAll(async () => graph?.close());

    const upload = async (token: string, filename: string) => {
      const response = await fetch(`${graph.gateway.url}/documents?filename=${filename}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: PNG });
      return { status: response.status, body: (await response.json()) as { errors?: Array<{ message: string; extensions: Record<string, unknown> }> } };
    };
    const actAs = async (token: string, enterpriseId: string | null) => (await graph.operation('act-as.graphql', { enterpriseId }, token)).data?.actAs?.token as string;
    /** Another of lisi's tokens minted before the revocation, for the gateway started after it. */
    let spare: string;

    it('reads and uploads for the company until revoked, then is refused within a second — and identity refuses it itself', async () => {
      const lisi = await actAs(await graph.login('lisi'), COMPANY);
      expect(graph.claimsOf(lisi)).toMatchObject({ applicantId: COMPANY, personId: LISI, authorisationId: `AUTH-${COMPANY}-${LISI}` });
      spare = await actAs(await graph.login('lisi'), COMPANY);
      const wangwu = await actAs(await graph.login('wangwu'), COMPANY);

      const before = await graph.query(COMPANY_PAGE, {}, lisi);
      expect(before.errors).toBeUndefined();
      expect(before.data.me).toMatchObject({ id: COMPANY, name: '深圳市示例科技有限公司' });
      expect((await upload(lisi, 'before.png')).status).toBe(201);

      const revoked = await graph.query(`mutation($p: ID!) { revokeAgent(personId: $p) }`, { p: LISI }, wangwu);
      const revokedAt = performance.now();
      expect(revoked.data).toEqual({ revokeAgent: true });

      // The gateway learns it from identity's signed event on `authorisation-ended`.
      const read = await until(
        () => graph.query(COMPANY_PAGE, {}, lisi),
        (r) => r.status === 401,
        1_000,
      );
      const readRefusedAfter = performance.now() - revokedAt;
      expect(read.value.status).toBe(401);
      expect(readRefusedAfter).toBeLessThan(1_000);
      expect(read.value.data ?? null).toBeNull();
      expect(read.value.errors?.[0]).toMatchObject({ message: expect.stringContaining('has ended'), extensions: { code: 'UNAUTHENTICATED', reason: 'AUTHORISATION_ENDED' } });
      const uploaded = await upload(lisi, 'after.png');
      const uploadRefusedAfter = performance.now() - revokedAt;
      expect(uploaded.status).toBe(401);
      expect(uploadRefusedAfter).toBeLessThan(1_000);
      expect(uploaded.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'AUTHORISATION_ENDED' });
      console.log(
        `  ${name}: the revoked token's read was refused ${Math.round(readRefusedAfter)} ms and its upload ${Math.round(uploadRefusedAfter)} ms after revokeAgent answered`,
      );

      // identity refuses it too, whatever a gateway lets through: it checks its own register.
      const direct = await graph.subgraphQuery('identity', COMPANY_PAGE, {}, graph.claimsOf(lisi));
      expect(direct.data?.me ?? null).toBeNull();
      expect(direct.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'AUTHORISATION_ENDED' });

      // Nobody else is touched: the legal representative goes on, lisi signs in and acts as herself.
      const page = await graph.query(COMPANY_PAGE, {}, wangwu);
      expect(page.errors).toBeUndefined();
      expect(page.data.me.agents.filter((a: { role: string }) => a.role === 'LEGAL_REPRESENTATIVE')).toHaveLength(1);
      const lisiAgain = await graph.login('lisi');
      expect((await graph.query(`{ me { id } }`, {}, lisiAgain)).data.me.id).toBe(LISI);
      expect((await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, lisiAgain)).errors?.[0]).toMatchObject({
        extensions: { code: 'FORBIDDEN' },
        message: expect.stringContaining('ended on'),
      });
    });

    it('a gateway started after the revocation refuses the token too, from identity’s list alone', async () => {
      const token = spare;
      // Its own data folder: no events file to join, so only the list read at start can know.
      const ownData = mkdtempSync(join(tmpdir(), 'govgraph-late-gateway-'));
      let late: RunningGateway | undefined;
      try {
        const config = loadGatewayConfig({
          DATA_DIR: ownData,
          ...graph.keyEnv,
          NODE_ENV: 'test',
          ...Object.fromEntries(Object.entries(graph.subgraphs).map(([subgraph, running]) => [`${subgraphEnvPrefix(subgraph)}_URL`, running.graphqlUrl])),
        });
        late = await createGateway(config, { log: createLogger('late-gateway', 'silent') }).listen(0, '127.0.0.1');
        const answer = await postGraphQL(late.graphqlUrl, { query: COMPANY_PAGE }, { authorization: `Bearer ${token}` });
        expect(answer.status).toBe(401);
        expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'AUTHORISATION_ENDED' });
        const wangwu = await actAs(await graph.login('wangwu'), COMPANY);
        expect((await postGraphQL(late.graphqlUrl, { query: COMPANY_PAGE }, { authorization: `Bearer ${wangwu}` })).data.me.id).toBe(COMPANY);
      } finally {
        await late?.close();
        rmSync(ownData, { recursive: true, force: true });
      }
    });
  });
}

revocationJourney('events in DATA_DIR/events.sqlite', () => ({}));
describe.skipIf(!redisUp)('with Redis', () => {
  revocationJourney('events on Redis', () => ({ redisUrl: REDIS_URL }));
});
