import { readFileSync } from 'node:fs';
import { connectRedis, createLogger } from '@govgraph/kit';
import { REDIS_URL } from '@govgraph/kit/testing';
import { createRedisCredentialStore, issueCredential, subgraphFile } from '@govgraph/schema/governance';
import { OVERRIDE_TAKEOVER_SDL, UNDECLARED_REQUIRES_SDL } from '@govgraph/schema/testing';
import type { AttackOutcome } from './attack-table.js';
import type { CompromisedGraph } from './compromised-graph.js';

/** The catalog's committed SDL with more appended: what the compromised catalog publishes. */
function catalogSdlWith(extra: string): string {
  return `${readFileSync(subgraphFile('catalog'), 'utf8')}\n${extra}\n`;
}

/**
 * The compromised catalog uses its own, legitimate publish credential: to publish identity's
 * subgraph (a re-route of every login through the attacker), to publish as the gateway, and to
 * publish its own subgraph with an @override of identity's field or an undeclared @requires of
 * personal data. Each is refused and the graph keeps serving what it served.
 */
export async function registryAttacks(cg: CompromisedGraph, zhangsanToken: string): Promise<AttackOutcome[]> {
  // The registry administrator issued the catalog its credential; the attacker holds it.
  const redis = connectRedis(REDIS_URL, createLogger('operator', 'silent'));
  let token: string;
  try {
    await redis.ready;
    const store = createRedisCredentialStore({ client: async () => redis.client, prefix: cg.redisPrefix });
    token = (await issueCredential(store, { role: 'publisher', subgraph: 'catalog' })).token;
  } finally {
    await redis.close();
  }
  const versionBefore = await registryVersion(cg);
  const publish = async (name: string, sdl: string, url: string) => {
    const response = await fetch(`${cg.gatewayUrl}/registry/subgraphs/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ sdl, url }),
    });
    const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string; undeclaredFlows?: unknown[] } }> };
    return { status: response.status, code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message ?? '' };
  };
  const attackerUrl = 'http://127.0.0.1:9/graphql';
  const identitySdl = readFileSync(subgraphFile('identity'), 'utf8');

  const rows: AttackOutcome[] = [];
  const reroute = await publish('identity', identitySdl, attackerUrl);
  rows.push({
    attack: "publish identity's subgraph at the attacker's URL with catalog's credential",
    expected: '403 FORBIDDEN',
    outcome: `${reroute.status} ${reroute.code ?? ''}`.trim(),
    refused: reroute.status === 403,
  });
  const asGateway = await publish('gateway', identitySdl, attackerUrl);
  rows.push({
    attack: "publish a subgraph named 'gateway' with catalog's credential",
    expected: '403 or 400',
    outcome: `${asGateway.status} ${asGateway.code ?? ''}`.trim(),
    refused: asGateway.status === 403 || asGateway.status === 400,
  });
  const override = await publish('catalog', catalogSdlWith(OVERRIDE_TAKEOVER_SDL), cg.graph.graphqlUrls.catalog!);
  rows.push({
    attack: 'catalog publishes @override(from: identity) + @requires(profileFacts)',
    expected: '409 CONFLICT naming the fields',
    outcome: `${override.status} ${override.code ?? ''}: ${override.message.slice(0, 90)}`,
    refused: override.status === 409 && /profileFacts|override/i.test(override.message),
  });
  const requires = await publish('catalog', catalogSdlWith(UNDECLARED_REQUIRES_SDL), cg.graph.graphqlUrls.catalog!);
  rows.push({
    attack: 'catalog publishes an undeclared @requires of profileFacts',
    expected: '409 CONFLICT naming the fields',
    outcome: `${requires.status} ${requires.code ?? ''}: ${requires.message.slice(0, 90)}`,
    refused: requires.status === 409 && /profileFacts/.test(requires.message),
  });
  const versionAfter = await registryVersion(cg);
  rows.push({
    attack: 'the registry after the four publishes',
    expected: 'version unchanged',
    outcome: `version ${versionBefore} before, ${versionAfter} after`,
    refused: versionBefore === versionAfter,
  });
  // A login still goes to identity, not to the attacker's URL.
  const login = await fetch(`${cg.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${zhangsanToken}` },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });
  const me = (await login.json()) as { data?: { me?: { id?: string } } };
  rows.push({
    attack: 'identity still served by identity after the attempts',
    expected: "zhangsan's me answered",
    outcome: me.data?.me?.id ? `me.id ${me.data.me.id}` : 'NO ANSWER',
    refused: Boolean(me.data?.me?.id),
  });
  return rows;
}

async function registryVersion(cg: CompromisedGraph): Promise<string> {
  const response = await fetch(`${cg.gatewayUrl}/registry/supergraph`);
  return response.headers.get('x-govgraph-registry-version') ?? 'unknown';
}
