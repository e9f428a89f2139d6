import type { EntityReference } from '@govgraph/kit';
import type { DisclosureContext } from '../context.js';
import type { Applicant } from './applicant.type.js';

/**
 * Any applicant identity knows: the representation is all this subgraph needs, and each field
 * checks who asks before it loads anything. A representation without a string id is no applicant:
 * with `id: null`, an officer (whose claims carry no applicantId) would otherwise pass
 * requireApplicant's comparison.
 */
export const applicantReference: EntityReference<Partial<Applicant>, DisclosureContext, Applicant> = {
  __resolveReference(ref) {
    if (typeof ref.id !== 'string' || ref.id.length === 0 || ref.id.length > 16) return null;
    return { id: ref.id };
  },
};
