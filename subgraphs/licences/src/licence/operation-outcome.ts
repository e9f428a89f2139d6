import { DATA_ACCESS_STREAM, maskValue, type DataAccessEvent } from '@govgraph/kit';
import type { LicencesContext } from '../context.js';
import type { LicenceRecord } from './licence.type.js';

/** What the holder reads in their data-access log for each officer operation. */
const ACTION_NAMES: Readonly<Record<string, string>> = {
  suspend: '暂扣证照',
  reinstate: '恢复证照',
  revoke: '撤销证照',
  penaltyRevoke: '吊销证照',
  cancel: '注销证照',
  renew: '换发证照',
};

/**
 * An officer's operation on a licence (suspend, reinstate, revoke, cancel, renew) happens outside
 * any case: it answers with its outcome only — id, type, status, issuer, history, and the number
 * and data masked — never the holder's data in full, and the operation is written to the holder's data-access log
 * before the answer leaves.
 */
export async function operationOutcome(ctx: LicencesContext, licence: LicenceRecord, action: string, reason: string | null): Promise<LicenceRecord> {
  const access: DataAccessEvent = {
    applicantId: licence.holderId,
    at: ctx.services.clock().toISOString(),
    accessorAccountId: ctx.claims!.accountId,
    departmentCode: ctx.claims!.department,
    purpose: reason ? `${ACTION_NAMES[action] ?? action}：${reason}` : (ACTION_NAMES[action] ?? action),
    caseId: null,
    fields: ['licences.licence.status'],
  };
  await ctx.services.bus.publish(DATA_ACCESS_STREAM, access);
  return outcomeOnly(licence);
}

export function outcomeOnly(licence: LicenceRecord): LicenceRecord {
  const data = Object.fromEntries(Object.entries(licence.data).map(([key, value]) => [key, maskValue(value)]));
  return { ...licence, number: maskValue(licence.number), holderName: maskValue(licence.holderName), data, outcomeOnly: true };
}
