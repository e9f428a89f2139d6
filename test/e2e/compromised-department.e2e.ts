import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claims } from '@govgraph/kit/trust';
import { redisAvailable } from '@govgraph/kit/testing';
import { formatAttackTable, type AttackOutcome } from '../compromise/attack-table.js';
import { startCompromisedGraph, type CompromisedGraph } from '../compromise/compromised-graph.js';
import { forgedEvents } from '../compromise/event-attacks.js';
import { registryAttacks } from '../compromise/registry-attacks.js';
import { documentsRoute, forgedClaims, forgedToken, mintedGrant, post, replayToReplica, ZHANGSAN_FULL } from '../compromise/request-attacks.js';
import { readOperation } from '../src/harness.js';

/**
 * Issue 16: the catalog department is taken — its key folder, its database, its data folder and
 * its publish credential are the attacker's. Against the whole graph as real processes (each
 * department in a folder of its own, one trust list, Redis), every way it could act as another
 * party is tried; the suite prints attack, expected refusal and outcome, and every row must be a
 * refusal. Two control rows show the same paths work for the party they belong to.
 */
describe.runIf(await redisAvailable())('a compromised department cannot act as another', () => {
  let cg: CompromisedGraph;
  let zhangsanToken: string;
  let zhangsan: Claims;
  let police: Claims;
  const rows: AttackOutcome[] = [];

  const claimsOf = (token: string): Claims => {
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
    return { accountId: payload.sub, personId: payload.person ?? null, applicantId: payload.applicant ?? null, roles: payload.roles ?? [], department: payload.dept ?? null };
  };
  const login = async (username: string) => {
    const answer = await post(`${cg.gatewayUrl}/graphql`, JSON.stringify({ query: readOperation('login.graphql'), variables: { username, password: 'demo' } }), {});
    return JSON.parse(answer.text).data.login.token as string;
  };

  beforeAll(async () => {
    cg = await startCompromisedGraph();
    zhangsanToken = await login('zhangsan');
    zhangsan = claimsOf(zhangsanToken);
    police = claimsOf(await login('officer.police'));
  }, 240_000);
  afterAll(async () => {
    if (rows.length > 0) console.log(`\n${formatAttackTable(rows)}\n`);
    await cg?.close();
  });

  it('control: the graph answers its own parties (MyHome as zhangsan through the gateway)', async () => {
    const answer = await post(`${cg.gatewayUrl}/graphql`, JSON.stringify({ query: readOperation('my-home.graphql') }), { authorization: `Bearer ${zhangsanToken}` });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('张三');
  });

  it('the attacker holds only its own folder: no other party key is in it', () => {
    const attacker = cg.keysOf('catalog');
    expect(attacker.keys.party).toBe('catalog');
    for (const other of ['gateway', 'identity', 'licences', 'applications', 'disclosure', 'consultation']) expect(cg.folderOf(other)).not.toBe(cg.folderOf('catalog'));
  });

  it('forged claims to every department, under its own key and under the gateway’s key id', async () => {
    const found = await forgedClaims(cg, cg.keysOf('catalog').keys, zhangsan);
    rows.push(...found);
    expect(found.filter((r) => !r.refused)).toEqual([]);
  });

  it('a case grant minted with the catalog’s key opens nothing', async () => {
    const row = await mintedGrant(cg, cg.keysOf('catalog').keys, police);
    rows.push(row);
    expect(row).toMatchObject({ refused: true });
  });

  it('a portal token made with the catalog’s key is refused by the gateway', async () => {
    const row = await forgedToken(cg, cg.keysOf('catalog').keys);
    rows.push(row);
    expect(row).toMatchObject({ refused: true });
  });

  it('a captured request replayed to a second replica, and the documents route replayed or forged', async () => {
    const replica = await cg.replicaOf('identity');
    const replay = await replayToReplica(cg, replica.graphqlUrl, zhangsan);
    const documents = await documentsRoute(cg, cg.keysOf('catalog').keys, zhangsan);
    rows.push(replay, ...documents);
    expect([replay, ...documents].filter((r) => !r.refused)).toEqual([]);
  }, 120_000);

  it('the registry: another department’s subgraph, a re-route, @override and undeclared @requires of personal data', async () => {
    const found = await registryAttacks(cg, zhangsanToken);
    rows.push(...found);
    expect(found.filter((r) => !r.refused)).toEqual([]);
    // And the portal still gets zhangsan's data from identity, not from the catalog.
    const home = await post(`${cg.gatewayUrl}/graphql`, JSON.stringify({ query: readOperation('my-home.graphql') }), { authorization: `Bearer ${zhangsanToken}` });
    expect(home.text).toContain('张三');
  }, 60_000);

  it('events: unsigned, signed by the catalog on another department’s stream, and replayed — none applied, each counted', async () => {
    const found = await forgedEvents(cg, zhangsanToken, zhangsan);
    rows.push(...found);
    expect(found.filter((r) => !r.refused)).toEqual([]);
  }, 60_000);

  it('nothing above leaked zhangsan’s full ID number', () => {
    expect(rows.filter((r) => ZHANGSAN_FULL.test(r.outcome))).toEqual([]);
  });
});
