import { LICENCE_STATUS_STREAM, type EventBus, type LicenceStatusEvent } from '@govgraph/kit';
import type { ApplicationsServices } from '../context.js';

/**
 * The licence library's reports, kept so a submission can refuse a licence revoked after the form
 * was opened, and so a licence issued for a case completes it.
 */
export function consumeLicenceEvents(bus: EventBus, services: ApplicationsServices): void {
  bus.subscribe(LICENCE_STATUS_STREAM, 'applications', async (event) => {
    const payload = event.payload as LicenceStatusEvent;
    await services.licenceStatuses.record(payload);
    await services.lifecycle.licenceIssued(payload);
  });
}
