import { BadUserInputError, ConflictError } from '@govgraph/kit';
import type { LicencesContext } from '../context.js';

/**
 * A licence names a case only when the case system approved that licensing case, for this
 * holder, in the issuing department — and no licence was issued for it yet.
 */
export async function requireApprovedCase(ctx: LicencesContext, caseId: string, holderId: string, issuerCode: string): Promise<void> {
  const decision = await ctx.services.cases.awaitDecision(caseId);
  const problem = !decision
    ? 'is not a case the case system has approved'
    : decision.status !== 'APPROVED'
      ? `is ${decision.status.toLowerCase()}, not approved`
      : !decision.licensing
        ? 'is not a licensing case'
        : decision.applicant_id !== holderId
          ? 'is the case of another applicant'
          : decision.department_code !== issuerCode
            ? 'is a case of another department'
            : null;
  if (problem) throw new BadUserInputError(`input.caseId ${caseId} ${problem}`, 'input.caseId');
  const issued = await ctx.services.cases.licenceIssuedFor(caseId);
  if (issued) throw new ConflictError(`A licence was already issued for case ${caseId}: ${issued}`);
}
