import { registerEnumType } from 'type-graphql';

export enum LicenceStatus {
  VALID = 'VALID',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  TRANSFERRED = 'TRANSFERRED',
  PENALTY_REVOKED = 'PENALTY_REVOKED',
  OTHER = 'OTHER',
}
registerEnumType(LicenceStatus, {
  name: 'LicenceStatus',
  description: 'National status codes: 01 valid, 02 suspended, 03 revoked by the issuer (撤销), 04 cancelled (注销), 05 expired, 06 transferred out, 07 revoked as a penalty (吊销), 99 other.',
});

const BY_CODE: Record<string, LicenceStatus> = {
  '01': LicenceStatus.VALID,
  '02': LicenceStatus.SUSPENDED,
  '03': LicenceStatus.REVOKED,
  '04': LicenceStatus.CANCELLED,
  '05': LicenceStatus.EXPIRED,
  '06': LicenceStatus.TRANSFERRED,
  '07': LicenceStatus.PENALTY_REVOKED,
  '99': LicenceStatus.OTHER,
};

export const STATUS_CODES = Object.fromEntries(Object.entries(BY_CODE).map(([code, status]) => [status, code])) as Record<LicenceStatus, string>;

/**
 * The status as of today: a licence recorded as valid whose validity ended reads as expired,
 * so expiry never waits for a batch job.
 */
export function effectiveStatus(statusCode: string, validTo: string | null, today: string): LicenceStatus {
  const recorded = BY_CODE[statusCode] ?? LicenceStatus.OTHER;
  if (recorded === LicenceStatus.VALID && validTo !== null && validTo < today) return LicenceStatus.EXPIRED;
  return recorded;
}
