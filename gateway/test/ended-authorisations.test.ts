import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, ENDED_AUTHORISATION_MEMORY_MS, ENDED_AUTHORISATIONS_PATH, verifyRouteRequest } from '@govgraph/kit';
import { testParties } from '@govgraph/kit/testing';
import { EndedAuthorisations } from '../src/authorisations/ended-authorisations.js';
import { fetchEndedAuthorisations } from '../src/authorisations/fetch-ended-authorisations.js';
import type { GatewayContext } from '../src/context.js';
import type { RequestRefusal } from '../src/plugins/gateway-plugin.js';
import { useEndedAuthorisations } from '../src/plugins/use-ended-authorisations.js';

const log = createLogger('test', 'silent');
const context = (authorisationId?: string): GatewayContext => ({
  requestId: 'r',
  clientAddress: null,
  log,
  planExecutor: 'govgraph',
  claims: { accountId: 'A-000002', personId: 'P-000002', applicantId: 'E-000001', roles: ['citizen'], department: null, ...(authorisationId ? { authorisationId } : {}) },
});
const refusalOf = (run: () => unknown): RequestRefusal | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error as RequestRefusal;
  }
};

describe('tokens acting under an ended authorisation', () => {
  it('are refused with 401 once known ended; before identity’s list was read, agents get 503, others pass', () => {
    const ended = new EndedAuthorisations();
    const plugin = useEndedAuthorisations({ ended });
    const check = (ctx: GatewayContext) => refusalOf(() => plugin.onRequest!({} as never, ctx));

    expect(check(context('AUTH-1'))).toMatchObject({ status: 503, code: 'DOWNSTREAM_SERVICE_ERROR', extensions: { serviceName: 'identity' } });
    expect(check(context())).toBeNull(); // a legal representative's or a person's token names none
    expect(check({ ...context(), claims: null })).toBeNull();

    ended.addList([{ authorisationId: 'AUTH-1', endedAt: new Date().toISOString() }]);
    expect(check(context('AUTH-1'))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', extensions: { reason: 'AUTHORISATION_ENDED' } });
    expect(check(context('AUTH-2'))).toBeNull();
    ended.add('AUTH-2', new Date().toISOString()); // from an event
    expect(check(context('AUTH-2'))?.status).toBe(401);
  });

  it('are remembered a day, longer than any token lives', () => {
    let now = Date.parse('2026-03-02T00:00:00Z');
    const ended = new EndedAuthorisations(() => now);
    ended.addList([{ authorisationId: 'AUTH-old', endedAt: new Date(now).toISOString() }]);
    now += ENDED_AUTHORISATION_MEMORY_MS - 1;
    ended.addList([]);
    expect(ended.has('AUTH-old')).toBe(true);
    now += 2;
    ended.addList([]);
    expect(ended.has('AUTH-old')).toBe(false);
  });
});

describe("identity's list of ended authorisations", () => {
  const parties = testParties(['gateway', 'identity']);
  let server: Server;
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('is asked for with the gateway’s signature, for identity only, and read strictly', async () => {
    let answer: unknown = { ended: [{ authorisationId: 'AUTH-1', endedAt: '2026-03-02T04:00:00.000Z' }] };
    server = createServer((req, res) => {
      const header = (name: string) => req.headers[name] as string | undefined;
      const verified = verifyRouteRequest(parties.identity.trust, 'identity', header, { method: req.method ?? '', target: req.url ?? '' });
      res.writeHead(verified.ok && req.url === ENDED_AUTHORISATIONS_PATH ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

    expect(await fetchEndedAuthorisations(url, parties.gateway.keys, 2_000)).toEqual([{ authorisationId: 'AUTH-1', endedAt: '2026-03-02T04:00:00.000Z' }]);
    // Signed by anyone but the gateway: identity refuses it.
    await expect(fetchEndedAuthorisations(url, parties.identity.keys, 2_000)).rejects.toThrow(/401/);
    answer = { ended: [{ authorisationId: 1 }] };
    await expect(fetchEndedAuthorisations(url, parties.gateway.keys, 2_000)).rejects.toThrow(/not a list/);
  });
});
