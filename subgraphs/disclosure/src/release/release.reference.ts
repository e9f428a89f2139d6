import type { EntityReference } from '@govgraph/kit';
import type { DisclosureContext } from '../context.js';
import type { ReleaseRecord } from './release.type.js';

/** Releases are public: any caller, through the request's loader. */
export const releaseReference: EntityReference<{ id: string }, DisclosureContext, ReleaseRecord> = {
  __resolveReference(ref, ctx) {
    if (typeof ref.id !== 'string' || ref.id.length > 16) return null;
    return ctx.loaders.releaseById.load(ref.id);
  },
};
