import type { EntityReference } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import type { ApplicationRecord } from './application.record.js';
import { visibleApplication } from './application.resolver.js';

/** `_entities` is an entry point like any query: the same rules (and loader) as Query.application. */
export const applicationReference: EntityReference<{ id: string }, ApplicationsContext, ApplicationRecord> = {
  __resolveReference(ref, ctx) {
    return visibleApplication(ctx, ref.id);
  },
};
