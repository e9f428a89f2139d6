import type { EntityReference } from '@govgraph/kit';
import type { CatalogContext } from '../context.js';
import type { Matter } from './matter.type.js';

export const matterReference: EntityReference<{ code: string }, CatalogContext, Matter> = {
  /** Unknown codes resolve to null, which the plan passes on (applications reports NOT_FOUND). */
  async __resolveReference(ref, ctx) {
    if (typeof ref.code !== 'string' || ref.code.length > 64) return null;
    return ctx.loaders.matterByCode.load(ref.code);
  },
};
