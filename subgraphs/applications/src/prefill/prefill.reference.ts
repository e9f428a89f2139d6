import { requireApplicant } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import type { PrefillRepresentation } from './prefill.resolver.js';

export const prefillReference = {
  /**
   * The representation carries facts we will believe, so it must be the caller's own: a forged
   * representation naming someone else's applicant id is refused.
   */
  __resolveReference(ref: PrefillRepresentation, ctx: ApplicationsContext): PrefillRepresentation {
    requireApplicant(ctx.claims, ref.applicantId, 'open their own form');
    return ref;
  },
};
