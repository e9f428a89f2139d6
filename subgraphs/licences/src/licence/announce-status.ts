import { LICENCE_STATUS_STREAM, type LicenceStatusEvent } from '@govgraph/kit';
import type { LicencesContext } from '../context.js';
import type { LicenceRecord } from './licence.type.js';
import type { LicenceStatus } from './licence.enums.js';

/**
 * Tells the case system what happened to a licence: it refuses revoked licences as materials and
 * completes the case a licence was issued for. The change itself is already committed; a failed
 * report is logged, not undone.
 */
export async function announceStatus(ctx: LicencesContext, licence: LicenceRecord, action: string, status: LicenceStatus): Promise<void> {
  const event: LicenceStatusEvent = {
    licenceId: licence.id,
    holderId: licence.holderId,
    typeCode: licence.typeCode,
    status,
    action,
    caseId: licence.caseId,
    at: ctx.services.clock().toISOString(),
  };
  try {
    await ctx.services.bus.publish(LICENCE_STATUS_STREAM, event);
  } catch (error) {
    ctx.log.warn({ err: error, licenceId: licence.id, action }, 'could not report the licence status change');
  }
}
