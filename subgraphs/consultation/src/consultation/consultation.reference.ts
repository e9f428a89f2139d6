import { UnauthenticatedError, type EntityReference } from '@govgraph/kit';
import type { ConsultationContext } from '../context.js';
import { mayRead, recordOfficerReads } from './consultation-access.js';
import type { Consultation } from './consultation.type.js';

/** An entry point like any query (`_entities`): through the request's loader, and only for the asker or the department's officers. */
export const consultationReference: EntityReference<{ id: string }, ConsultationContext, Consultation> = {
  async __resolveReference(ref, ctx) {
    if (!ctx.claims) throw new UnauthenticatedError();
    if (typeof ref.id !== 'string' || ref.id.length > 32) return null;
    const consultation = await ctx.loaders.consultationById.load(ref.id);
    if (!consultation || !mayRead(ctx.claims, consultation)) return null;
    await recordOfficerReads(ctx, [consultation]);
    return consultation;
  },
};
