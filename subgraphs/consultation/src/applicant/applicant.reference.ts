import type { EntityReference } from '@govgraph/kit';
import type { ConsultationContext } from '../context.js';
import type { Applicant } from './applicant.type.js';

/**
 * Any applicant identity knows: the representation is all this subgraph needs, and each field
 * checks who asks before it loads anything.
 */
export const applicantReference: EntityReference<Applicant, ConsultationContext, Applicant> = {
  __resolveReference(ref) {
    // Only the key goes on: a crafted representation's other fields, or a key that is no id, are dropped.
    return typeof ref.id === 'string' ? { id: ref.id } : null;
  },
};
