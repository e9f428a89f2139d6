import type { EntityReference } from '@govgraph/kit';
import type { CatalogContext } from '../context.js';
import type { Department } from './department.type.js';

/** Public reference data: any caller may have a department. */
export const departmentReference: EntityReference<{ code: string }, CatalogContext, Department> = {
  __resolveReference(ref, ctx) {
    return ctx.loaders.departmentByCode.load(ref.code);
  },
};
