import type { EntityReference } from '@govgraph/kit';
import type { ConsultationContext } from '../context.js';
import type { Applicant } from './applicant.type.js';

/**
 * Any applicant identity knows: the representation is all this subgraph needs, and each field
 * checks who asks before it loads anything.
 */
export const applicantReference: EntityReference<Applicant, ConsultationContext, Applicant> = {
  __resolveReference(ref) {
    return ref;
  },
};
