import { UnauthenticatedError, type EntityReference } from '@govgraph/kit';
import type { ConsultationContext } from '../context.js';
import { mayReadComplaint } from './complaint-access.js';
import type { ConsultationComplaint } from './complaint.type.js';

/** An entry point like any query (`_entities`): through the request's loader, and only for whom may read it. */
export const complaintReference: EntityReference<{ id: string }, ConsultationContext, ConsultationComplaint> = {
  async __resolveReference(ref, ctx) {
    if (!ctx.claims) throw new UnauthenticatedError();
    if (typeof ref.id !== 'string' || ref.id.length > 32) return null;
    const complaint = await ctx.loaders.complaintById.load(ref.id);
    return complaint && mayReadComplaint(ctx.claims, complaint) ? complaint : null;
  },
};
