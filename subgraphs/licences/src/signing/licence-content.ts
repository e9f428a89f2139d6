import type { LicenceRecord } from '../licence/licence.type.js';
import { canonicalJson } from '@govgraph/kit';

/**
 * What a licence's signature covers: everything printed on it and its place in the renewal chain.
 * Status is not covered — it changes (suspension, revocation) without reissuing — and is read
 * live from the library.
 */
export function signedContent(licence: Omit<LicenceRecord, 'statusCode' | 'signature' | 'keyId'>): string {
  return canonicalJson({
    v: 1,
    id: licence.id,
    type: licence.typeCode,
    number: licence.number,
    holder: { id: licence.holderId, name: licence.holderName },
    issuer: licence.issuerCode,
    issuedOn: licence.issuedOn,
    validFrom: licence.validFrom,
    validTo: licence.validTo,
    data: licence.data,
    version: licence.version,
    previous: licence.previousId,
  });
}
