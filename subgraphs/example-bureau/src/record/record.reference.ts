import { requireApplicant, type EntityReference } from '@govgraph/kit';
import type { ExampleBureauContext } from '../context.js';
import type { ExampleBureauRecord } from './record.type.js';

/** An entry point like any query (`_entities`): through the request's loader, and only its applicant's. */
export const recordReference: EntityReference<{ id: string }, ExampleBureauContext, ExampleBureauRecord> = {
  async __resolveReference(ref, ctx) {
    if (typeof ref.id !== 'string' || ref.id.length > 32) return null;
    const record = await ctx.loaders.recordById.load(ref.id);
    if (!record) return null;
    requireApplicant(ctx.claims, record.applicantId, 'read their example bureau records');
    return record;
  },
};
