import { UnauthenticatedError, type EntityReference } from '@govgraph/kit';
import type { ConsultationContext } from '../context.js';
import { visibleConsultation } from './consultation-access.js';
import type { Consultation } from './consultation.type.js';

/** An entry point like any query (`_entities`): through the request's loader, and only for the asker or the department's officers. */
export const consultationReference: EntityReference<{ id: string }, ConsultationContext, Consultation> = {
  __resolveReference(ref, ctx) {
    if (!ctx.claims) throw new UnauthenticatedError();
    return visibleConsultation(ctx, ref.id);
  },
};
