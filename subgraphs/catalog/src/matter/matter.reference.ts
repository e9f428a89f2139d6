import type { CatalogContext } from '../context.js';
import type { Matter } from './matter.type.js';

export const matterReference = {
  /** Unknown codes resolve to null, which the plan passes on (applications reports NOT_FOUND). */
  __resolveReference(ref: { code: string }, ctx: CatalogContext): Promise<Matter | null> {
    if (typeof ref.code !== 'string' || ref.code.length > 64) return Promise.resolve(null);
    return ctx.loaders.matterByCode.load(ref.code);
  },
};
