import type { EntityReference } from '@govgraph/kit';
import type { LicencesContext } from '../context.js';
import type { LicenceType } from './licence-type.type.js';

/** Public reference data: any caller may have a licence type. */
export const licenceTypeReference: EntityReference<{ code: string }, LicencesContext, LicenceType> = {
  __resolveReference(ref, ctx) {
    return ctx.loaders.typeByCode.load(ref.code);
  },
};
