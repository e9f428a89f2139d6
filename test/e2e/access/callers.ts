import type { Claims } from '@govgraph/kit/trust';
import type { GraphHarness } from '../../src/harness.js';
import { signWithIdentityKey } from '../../src/tokens.js';

/** Everyone the matrix asks on behalf of. */
export const CALLERS = [
  'anonymous',
  'citizen A (zhangsan)',
  'citizen B (lisi)',
  'enterprise agent (lisi for E-000001)',
  'officer, right department (police)',
  'officer, other department (market)',
  'expired token (zhangsan)',
] as const;
export type Caller = (typeof CALLERS)[number];

export interface Credential {
  token: string | null;
  /** What the gateway would forward for this caller (null: nobody, or a token it refuses). */
  claims: Claims | null;
}

export async function signInEveryone(graph: GraphHarness): Promise<Map<Caller, Credential>> {
  const as = async (username: string): Promise<Credential> => {
    const token = await graph.login(username);
    return { token, claims: graph.claimsOf(token) };
  };
  const zhangsan = await as('zhangsan');
  const lisi = await as('lisi');
  const agentToken = (await graph.operation('act-as.graphql', { enterpriseId: 'E-000001' }, lisi.token!)).data.actAs.token as string;
  const payload = JSON.parse(Buffer.from(zhangsan.token!.split('.')[1]!, 'base64url').toString('utf8'));
  const expired = await signWithIdentityKey(
    graph.databases.identity!,
    graph.party('identity').keys.sealingSecret,
    { sub: payload.sub, person: payload.person, applicant: payload.applicant, roles: payload.roles },
    { expiresAt: Math.floor(Date.now() / 1000) - 60 },
  );
  return new Map<Caller, Credential>([
    ['anonymous', { token: null, claims: null }],
    ['citizen A (zhangsan)', zhangsan],
    ['citizen B (lisi)', lisi],
    ['enterprise agent (lisi for E-000001)', { token: agentToken, claims: graph.claimsOf(agentToken) }],
    ['officer, right department (police)', await as('officer.police')],
    ['officer, other department (market)', await as('officer.market')],
    // Straight to a subgraph an expired token forwards nothing: the gateway would have refused it.
    ['expired token (zhangsan)', { token: expired, claims: null }],
  ]);
}
