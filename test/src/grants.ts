import { GRANT_PREFIX, type CaseGrant, type PartyKeys } from '@govgraph/kit/trust';

/**
 * A case grant reference built by hand and signed with any party's keys — what a department that
 * is not the case system would have to do to make one (mintCaseGrant refuses every key but
 * applications'). With applications' own keys it is exactly what mintCaseGrant makes (Ed25519
 * signatures are deterministic), which tests assert so that a refusal of a forged grant can only
 * be down to the key that signed it.
 */
export function signGrantWith(keys: PartyKeys, grant: CaseGrant): string {
  const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
  return `${GRANT_PREFIX}${payload}.${keys.signCompact(`govgraph-case-grant-v2\n${payload}`)}`;
}
