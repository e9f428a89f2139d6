import type { Claims } from '@govgraph/kit';
import { currentOn, type EnterpriseRepository } from '../enterprise/enterprise.repository.js';
import type { AuthorisationRepository } from './authorisation.repository.js';

/**
 * Whether claims acting for an enterprise still may, now — not when the token was minted. A token
 * naming an authorisation: that authorisation is in force (a revocation ends it at once). A token
 * naming none — a legal representative's, whose right comes from the public register — the
 * person still holds a current link to the enterprise in the register. Anything else acts for
 * nobody but the person and passes.
 */
export async function mayStillAct(
  claims: Claims | null,
  services: { authorisations: AuthorisationRepository; enterprises: EnterpriseRepository; today: () => string },
): Promise<boolean> {
  const enterpriseId = claims?.applicantId;
  if (!claims || !enterpriseId || enterpriseId === claims.personId || !enterpriseId.startsWith('E-')) return true;
  if (!claims.personId) return false;
  const today = services.today();
  if (claims.authorisationId) return services.authorisations.inForce(claims.authorisationId, claims.personId, enterpriseId, today);
  return (await services.enterprises.linksBetween(claims.personId, enterpriseId)).some((link) => currentOn(link, today));
}
