import { requireApplicant } from '@govgraph/kit';
import type { LicencesContext } from '../context.js';
import type { LicenceRecord } from './licence.type.js';

/**
 * A licence's details are its holder's. Anyone else checks a licence with verifyLicence, which
 * reveals only a masked name; officers act on licences through the operations, by identifier.
 */
export const licenceReference = {
  async __resolveReference(ref: { id: string }, ctx: LicencesContext): Promise<LicenceRecord | null> {
    if (typeof ref.id !== 'string' || ref.id.length > 128) return null;
    const licence = await ctx.loaders.licenceById.load(ref.id);
    if (!licence) return null;
    requireApplicant(ctx.claims, licence.holderId, 'read their licence');
    return licence;
  },
};
