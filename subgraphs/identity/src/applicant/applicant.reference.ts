import type { IdentityContext } from '../context.js';
import type { ApplicantRecord } from './applicant.loader.js';

export const applicantReference = {
  /** Unknown ids resolve to null: the plan goes on without the applicant. */
  __resolveReference(ref: { id: string }, ctx: IdentityContext): Promise<ApplicantRecord | null> {
    if (typeof ref.id !== 'string' || ref.id.length > 32) return Promise.resolve(null);
    return ctx.loaders.applicantById.load(ref.id);
  },
};
