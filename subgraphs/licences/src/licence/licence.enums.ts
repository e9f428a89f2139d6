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
  description:
    'National status codes: 01 valid, 02 suspended, 03 revoked by the issuer (撤销), 04 cancelled (注销), 05 expired, 06 transferred out, 07 revoked as a penalty (吊销), 99 other.',
});
