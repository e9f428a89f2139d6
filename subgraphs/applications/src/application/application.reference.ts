import type { ApplicationsContext } from '../context.js';
import type { ApplicationRecord } from './application.record.js';
import { visibleApplication } from './application.resolver.js';

/** `_entities` is an entry point like any query: the same rules as Query.application. */
export const applicationReference = {
  __resolveReference(ref: { id: string }, ctx: ApplicationsContext): Promise<ApplicationRecord | null> {
    return visibleApplication(ctx, ref.id);
  },
};
