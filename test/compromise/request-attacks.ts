import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, importJWK, type JWK } from 'jose';
import { DEPARTMENTS } from '@govgraph/kit';
import { signRequest, signRouteRequest, TOKEN_AUDIENCE, TOKEN_ISSUER, type Claims, type PartyKeys } from '@govgraph/kit/trust';
import { signGrantWith } from '../src/grants.js';
import type { AttackOutcome } from './attack-table.js';
import type { CompromisedGraph } from './compromised-graph.js';

/** zhangsan's full ID number and mobile: an answer holding either is a leak. */
export const ZHANGSAN_FULL = /440303199003071233|13800138000/;

const PROFILE = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person { id name profileFacts { path value } } } }`;

export interface Posted {
  status: number;
  text: string;
  code: string | undefined;
}

export async function post(url: string, body: string, headers: Record<string, string>): Promise<Posted> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code;
  } catch {
    code = undefined;
  }
  return { status: response.status, text, code };
}

const summary = (answer: Posted) => `${answer.status} ${answer.code ?? 'no error code'}${ZHANGSAN_FULL.test(answer.text) ? ', FULL ID NUMBER IN ANSWER' : ''}`;

/**
 * The compromised department signs requests as if it were the gateway (with its own key, and with
 * its signature under the gateway's key id), claiming to be zhangsan, to every other department.
 */
export async function forgedClaims(cg: CompromisedGraph, attacker: PartyKeys, zhangsan: Claims): Promise<AttackOutcome[]> {
  const rows: AttackOutcome[] = [];
  const body = JSON.stringify({ query: PROFILE, variables: { reps: [{ __typename: 'Person', id: 'P-000001' }] } });
  for (const target of ['identity', 'licences', 'applications', 'disclosure', 'consultation']) {
    const url = cg.graph.graphqlUrls[target]!;
    const own = await post(url, body, { ...signRequest(attacker, { audience: target, requestId: `forge-${target}`, claims: zhangsan, body }) });
    rows.push({
      attack: `forged claims (zhangsan) to ${target}, signed with ${attacker.party}'s key`,
      expected: '401 UNAUTHENTICATED',
      outcome: summary(own),
      refused: own.status === 401 && own.code === 'UNAUTHENTICATED' && !ZHANGSAN_FULL.test(own.text),
    });
  }
  // The attacker's signature presented under the gateway's key id.
  const gatewayKid = cg.keysOf('gateway').keys.sign('kid').kid;
  const headers = signRequest(attacker, { audience: 'identity', requestId: 'forge-spliced', claims: zhangsan, body });
  headers['x-govgraph-signature'] = `${gatewayKid}.${headers['x-govgraph-signature'].split('.')[1]}`;
  const spliced = await post(cg.graph.graphqlUrls.identity!, body, { ...headers });
  rows.push({
    attack: `forged claims to identity, ${attacker.party}'s signature under the gateway's key id`,
    expected: '401 UNAUTHENTICATED',
    outcome: summary(spliced),
    refused: spliced.status === 401 && !ZHANGSAN_FULL.test(spliced.text),
  });
  return rows;
}

/**
 * A case grant for a case that does not exist, minted with the compromised department's key, for
 * a police officer; delivered to identity the way a real plan would deliver it (signed by the
 * gateway), so only the grant's own signature can stop it.
 */
export async function mintedGrant(cg: CompromisedGraph, attacker: PartyKeys, officer: Claims): Promise<AttackOutcome> {
  const grant = {
    applicantId: 'P-000001',
    accountId: officer.accountId,
    department: DEPARTMENTS.trafficPolice.code,
    caseId: 'no-such-case',
    purpose: '审查办件 JJ2026-999999',
    expiresAt: Date.now() + 600_000,
  };
  const reference = signGrantWith(attacker, grant);
  const body = JSON.stringify({ query: PROFILE, variables: { reps: [{ __typename: 'Person', id: reference }] } });
  const answer = await post(cg.graph.graphqlUrls.identity!, body, {
    ...signRequest(cg.keysOf('gateway').keys, { audience: 'identity', requestId: 'minted-grant', claims: officer, body }),
  });
  const opened = /"name"\s*:\s*"张三"/.test(answer.text) || ZHANGSAN_FULL.test(answer.text);
  return {
    attack: `case grant for a made-up case, signed with ${attacker.party}'s key, to identity`,
    expected: 'entity null, nothing read',
    outcome: `${answer.status} ${opened ? 'PROFILE RETURNED' : '_entities [null]'}`,
    refused: answer.status === 200 && !opened && /"_entities"\s*:\s*\[\s*null\s*\]/.test(answer.text),
  };
}

/** A request captured on its way to one identity replica, sent again to a second replica. */
export async function replayToReplica(cg: CompromisedGraph, replicaUrl: string, zhangsan: Claims): Promise<AttackOutcome> {
  const body = JSON.stringify({ query: '{ me { id } }' });
  const captured = { ...signRequest(cg.keysOf('gateway').keys, { audience: 'identity', requestId: 'captured-1', claims: zhangsan, body }) };
  const original = await post(cg.graph.graphqlUrls.identity!, body, captured);
  const replayed = await post(replicaUrl, body, captured);
  return {
    attack: 'captured gateway→identity request replayed to a second identity replica',
    expected: 'first 200, replay 401',
    outcome: `first ${original.status}, replay ${replayed.status} ${replayed.code ?? ''}`.trim(),
    refused: original.status === 200 && replayed.status === 401,
  };
}

/** The documents route: a captured signed download sent twice, and one signed with the attacker's key. */
export async function documentsRoute(cg: CompromisedGraph, attacker: PartyKeys, zhangsan: Claims): Promise<AttackOutcome[]> {
  const base = cg.graph.urls.applications!;
  const target = '/documents/D-000001';
  const get = (headers: Record<string, string>) => fetch(`${base}${target}`, { headers }).then(async (r) => ({ status: r.status, text: await r.text() }));
  const captured = { ...signRouteRequest(cg.keysOf('gateway').keys, { audience: 'applications', requestId: 'doc-1', claims: zhangsan, method: 'GET', target, body: 'none' }) };
  const first = await get(captured);
  const again = await get(captured);
  const forged = await get({ ...signRouteRequest(attacker, { audience: 'applications', requestId: 'doc-2', claims: zhangsan, method: 'GET', target, body: 'none' }) });
  return [
    {
      attack: 'captured signed document download sent twice',
      expected: 'first accepted, replay 401',
      outcome: `first ${first.status}, replay ${again.status}`,
      refused: first.status !== 401 && again.status === 401,
    },
    {
      attack: `document download signed with ${attacker.party}'s key`,
      expected: '401 UNAUTHENTICATED',
      outcome: `${forged.status}`,
      refused: forged.status === 401,
    },
  ];
}

/** A portal token for zhangsan made with the compromised department's key, sent to the gateway. */
export async function forgedToken(cg: CompromisedGraph, attacker: PartyKeys): Promise<AttackOutcome> {
  const file = join(cg.folderOf(attacker.party), 'keys', attacker.party, 'signing-keys.json');
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { keys: Array<{ kid: string; privateKey: string }> };
  const jwk = createPrivateKey(stored.keys[0]!.privateKey).export({ format: 'jwk' }) as JWK;
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ person: 'P-000001', applicant: 'P-000001', roles: ['citizen'] })
    .setProtectedHeader({ alg: 'EdDSA', kid: stored.keys[0]!.kid })
    .setSubject('A-000001')
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(await importJWK(jwk, 'EdDSA'));
  const answer = await post(`${cg.gatewayUrl}/graphql`, JSON.stringify({ query: '{ me { id } }' }), { authorization: `Bearer ${token}` });
  return {
    attack: `portal token for zhangsan signed with ${attacker.party}'s key`,
    expected: '401 UNAUTHENTICATED',
    outcome: summary(answer),
    refused: answer.status === 401 && answer.code === 'UNAUTHENTICATED',
  };
}
