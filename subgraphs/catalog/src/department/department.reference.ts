import type { CatalogContext } from '../context.js';
import type { Department } from './department.type.js';

export const departmentReference = {
  __resolveReference(ref: { code: string }, ctx: CatalogContext): Promise<Department | null> {
    return ctx.loaders.departmentByCode.load(ref.code);
  },
};
