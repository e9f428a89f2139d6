import type { EntityReference } from '@govgraph/kit';
import type { DisclosureContext } from '../context.js';
import { visibleRequest } from './request-access.js';
import type { RequestRecord } from './request.type.js';

/** `_entities` is an entry point like any query: the same rules (and loader, and log) as Query.disclosureRequest. */
export const requestReference: EntityReference<{ id: string }, DisclosureContext, RequestRecord> = {
  __resolveReference(ref, ctx) {
    return visibleRequest(ctx, ref.id);
  },
};
