import { DATA_ACCESS_STREAM, type DataAccessEvent, type EventBus, type Logger } from '@govgraph/kit';
import type { AccountRepository } from '../account/account.repository.js';
import type { DataAccessRepository } from './data-access.repository.js';

/** identity keeps the one log a person reads: reads in other departments arrive as events. */
export function consumeDataAccessEvents(bus: EventBus, log: Logger, repositories: { dataAccess: DataAccessRepository; accounts: AccountRepository }): void {
  bus.subscribe(DATA_ACCESS_STREAM, 'identity', async (event) => {
    const access = event.payload as DataAccessEvent;
    const [officer] = await repositories.accounts.byIds([access.accessorAccountId]);
    await repositories.dataAccess.record({
      id: event.id.slice(0, 40),
      applicantId: access.applicantId,
      at: access.at,
      accessorAccountId: access.accessorAccountId,
      accessorName: officer?.personName ?? access.accessorAccountId,
      departmentCode: access.departmentCode,
      purpose: access.purpose,
      caseId: access.caseId,
      fields: access.fields,
    });
    log.debug({ applicantId: access.applicantId }, 'data access recorded from another department');
  });
}
