import { LicenceStatus } from './licence.enums.js';

/** The national status codes as a licence stores them (docs/domain.md, "Licence status codes"). */
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
