import { requireApplicant, type EntityReference } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import type { Document } from './document.type.js';

export const documentReference: EntityReference<{ id: string }, ApplicationsContext, Document> = {
  /** Documents are their owner's alone (officers reach them through a case, later). */
  async __resolveReference(ref, ctx) {
    if (typeof ref.id !== 'string' || ref.id.length > 64) return null;
    const document = await ctx.loaders.documentById.load(ref.id);
    if (!document) return null;
    requireApplicant(ctx.claims, document.ownerId, 'read their document');
    return document;
  },
};
