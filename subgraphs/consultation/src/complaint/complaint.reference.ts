import { UnauthenticatedError, type EntityReference } from '@govgraph/kit';
import type { ConsultationContext } from '../context.js';
import { visibleComplaint } from './complaint-access.js';
import type { ConsultationComplaint } from './complaint.type.js';

/** An entry point like any query (`_entities`): through the request's loader, and only for whom may read it. */
export const complaintReference: EntityReference<{ id: string }, ConsultationContext, ConsultationComplaint> = {
  __resolveReference(ref, ctx) {
    if (!ctx.claims) throw new UnauthenticatedError();
    return visibleComplaint(ctx, ref.id);
  },
};
