import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { MemoryNonceStore, signRequest, verifyRequest, type Claims } from '@govgraph/kit/trust';
import { testParties } from '@govgraph/kit/testing';

/**
 * `npm run bench:signatures -w @govgraph/test`: what a gateway→subgraph signature costs since
 * issue 16 (the gateway's own Ed25519 key; the subgraph verifies with its public key and
 * remembers the nonce) beside the shared-secret HMAC it replaced, on a StartForm-sized body.
 * Microseconds of one core per signed fetch, mean over many.
 */
const parties = testParties(['gateway', 'identity']);
const claims: Claims = { accountId: 'A-000001', personId: 'P-000001', applicantId: 'P-000001', roles: ['citizen'], department: null };
const body = JSON.stringify({
  query:
    'query StartForm__identity__1($representations:[_Any!]!){_entities(representations:$representations){...on Person{profileFacts{path value provenance{system department trustLevel retrievedAt}}}}}',
  variables: { representations: [{ __typename: 'Person', id: 'P-000001' }] },
});
const secret = randomBytes(32);
const N = 20_000;

function perCall(fn: () => unknown): number {
  for (let i = 0; i < 2_000; i++) fn();
  const started = process.hrtime.bigint();
  for (let i = 0; i < N; i++) fn();
  return Number(process.hrtime.bigint() - started) / 1_000 / N;
}

const signed = signRequest(parties.gateway.keys, { audience: 'identity', requestId: 'r', claims, body });
const header = (name: string) => (signed as unknown as Record<string, string>)[name];
const nonces = new MemoryNonceStore();
const rows: Array<[string, number]> = [
  ['before: HMAC-SHA256 over the envelope (sign = verify)', perCall(() => createHmac('sha256', secret).update(`govgraph-v3\n${Date.now()}\n${randomUUID()}\nr\n${body}`).digest())],
  ['gateway: signRequest (Ed25519, per fetch)', perCall(() => signRequest(parties.gateway.keys, { audience: 'identity', requestId: 'r', claims, body }))],
  ['subgraph: verifyRequest (Ed25519, per request)', perCall(() => verifyRequest(parties.identity.trust, 'identity', header, body, Number(signed['x-govgraph-timestamp'])))],
  ['subgraph: remember the nonce (memory)', perCall(() => void nonces.firstSight(randomUUID()))],
];
console.log(`node ${process.version}, ${N} calls each, body ${body.length} bytes\n`);
for (const [label, us] of rows) console.log(`${label.padEnd(56)} ${us.toFixed(1).padStart(6)} µs`);
