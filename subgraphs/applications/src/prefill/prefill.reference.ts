import { ForbiddenError, UnauthenticatedError } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import type { PrefillRepresentation } from './prefill.resolver.js';

export const prefillReference = {
  /**
   * The representation carries facts we will believe, so it must be the caller's own: a forged
   * representation naming someone else's applicant id is refused.
   */
  __resolveReference(ref: PrefillRepresentation, ctx: ApplicationsContext): PrefillRepresentation {
    if (!ctx.claims?.applicantId) throw new UnauthenticatedError();
    if (ref.applicantId !== ctx.claims.applicantId) throw new ForbiddenError('A prefill belongs to the signed-in applicant only');
    return ref;
  },
};
