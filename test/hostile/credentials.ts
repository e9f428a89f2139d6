import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, importJWK, SignJWT } from 'jose';
import type { Claims, PartyKeys } from '@govgraph/kit/trust';
import { testParties } from '@govgraph/kit/testing';
import type { GraphHarness } from '../src/harness.js';
import { signWithIdentityKey } from '../src/tokens.js';
import { SUBGRAPH_NAMES, type Auth, type Role } from './hostile-input.js';

/** The tokens and gateway claims every named `auth` stands for, made once per run. */
export interface Credentials {
  tokens: Record<Exclude<Auth, 'anonymous'>, string>;
  claims: Record<Role, Claims | null>;
  /** The keys requests straight to a subgraph are signed with. */
  keys: {
    /** The graph's gateway: what a subgraph accepts. */
    gateway: PartyKeys;
    /** Each department's own key: in the graph's trust list, but not the gateway's. */
    departments: Record<(typeof SUBGRAPH_NAMES)[number], PartyKeys>;
    /** A gateway key of another key folder, which this graph does not trust. */
    strangerGateway: PartyKeys;
  };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function makeCredentials(graph: GraphHarness): Promise<Credentials> {
  const zhangsan = await graph.login('zhangsan');
  const lisi = await graph.login('lisi');
  const agent = (await graph.operation('act-as.graphql', { enterpriseId: 'E-000001' }, lisi)).data.actAs.token as string;
  const police = await graph.login('officer.police');
  const market = await graph.login('officer.market');
  const payload = JSON.parse(Buffer.from(zhangsan.split('.')[1]!, 'base64url').toString('utf8'));
  const [header, , signature] = zhangsan.split('.');
  const identity = graph.databases.identity!;
  const now = Math.floor(Date.now() / 1000);
  const claimsPayload = { sub: payload.sub, person: payload.person, applicant: payload.applicant, roles: payload.roles };
  // Another Ed25519 key that claims identity's key id.
  const { privateKey } = generateKeyPairSync('ed25519');
  const wrongKey = await new SignJWT(claimsPayload)
    .setProtectedHeader({ alg: 'EdDSA', kid: JSON.parse(Buffer.from(header!, 'base64url').toString()).kid })
    .setIssuer(payload.iss)
    .setAudience(payload.aud)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(await importJWK(await exportJWK(privateKey), 'EdDSA'));
  const tokens: Credentials['tokens'] = {
    zhangsan,
    lisi,
    agent,
    police,
    market,
    expired: await signWithIdentityKey(identity, graph.party('identity').keys.sealingSecret, claimsPayload, { expiresAt: now - 60 }),
    'not-yet-valid': await signWithIdentityKey(identity, graph.party('identity').keys.sealingSecret, claimsPayload, { notBefore: now + 3600, expiresAt: now + 7200 }),
    'wrong-issuer': await signWithIdentityKey(identity, graph.party('identity').keys.sealingSecret, claimsPayload, { issuer: 'https://evil.example' }),
    'wrong-audience': await signWithIdentityKey(identity, graph.party('identity').keys.sealingSecret, claimsPayload, { audience: 'another-service' }),
    'wrong-key': wrongKey,
    'alg-none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...payload, applicant: 'P-000002', person: 'P-000002' })}.`,
    // lisi's applicant id on zhangsan's signature.
    tampered: `${header}.${b64({ ...payload, applicant: 'P-000002', person: 'P-000002' })}.${signature}`,
    garbage: randomBytes(48).toString('base64url'),
  };
  return {
    tokens,
    claims: {
      anonymous: null,
      zhangsan: graph.claimsOf(zhangsan),
      lisi: graph.claimsOf(lisi),
      agent: graph.claimsOf(agent),
      police: graph.claimsOf(police),
      market: graph.claimsOf(market),
    },
    keys: {
      gateway: graph.party('gateway').keys,
      departments: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, graph.party(name).keys])) as Credentials['keys']['departments'],
      // In the graph's data folder, so it goes when the graph closes.
      strangerGateway: testParties(['gateway'], join(graph.dataDir, 'another-graph')).gateway.keys,
    },
  };
}
