import type { Kysely } from 'kysely';
import { formatLicenceId, insertInBatches } from '@govgraph/kit';
import type { LicenceTables } from '../database.js';
import { STATUS_CODES, LicenceStatus } from '../licence/licence-status.js';
import { DEMO_LICENCES, DEMO_LICENCE_TYPES } from './demo-licences.js';

export async function seedLicences(db: Kysely<LicenceTables>): Promise<void> {
  await insertInBatches(
    db,
    'licence_type',
    DEMO_LICENCE_TYPES.map((t) => ({
      code: t.code,
      name: t.name,
      issuer_code: t.issuer,
      holder_kind: t.holderKind,
      default_validity_years: t.years,
      fields: JSON.stringify(t.fields),
    })),
  );
  const issuerOf = new Map(DEMO_LICENCE_TYPES.map((t) => [t.code, t.issuer]));
  await insertInBatches(
    db,
    'licence',
    DEMO_LICENCES.map((l) => {
      const issuer = issuerOf.get(l.type)!;
      return {
        id: formatLicenceId({ typeCode: l.type, issuerCreditCode: issuer, serial: l.serial, version: '1' }),
        type_code: l.type,
        number: l.number,
        holder_id: l.holderId,
        holder_name: l.holderName,
        issuer_code: issuer,
        issued_on: l.issuedOn,
        valid_from: l.validFrom,
        valid_to: l.validTo,
        // Recorded as valid: expiry is derived from valid_to when read.
        status_code: STATUS_CODES[LicenceStatus.VALID],
        data: JSON.stringify(l.data),
        version: 1,
        previous_id: null,
        created_at: `${l.issuedOn}T00:00:00.000Z`,
      };
    }),
  );
}
