import type { Kysely } from 'kysely';
import { demoPopulation, formatLicenceId, insertInBatches } from '@govgraph/kit';
import type { LicenceTables } from '../database.js';
import { signedContent } from '../signing/licence-content.js';
import type { IssuerKeys } from '../signing/issuer-keys.js';
import { DEMO_LICENCES, populationLicences } from './demo-licences.js';
import { LICENCE_TYPES } from './licence-types.js';

/** Licence types, then every demo licence — each signed by its issuer's key — in bulk. */
export async function seedLicences(db: Kysely<LicenceTables>, keys: IssuerKeys): Promise<void> {
  await db.deleteFrom('licence').execute();
  await db.deleteFrom('licence_type').execute();
  await insertInBatches(
    db,
    'licence_type',
    LICENCE_TYPES.map((t) => ({ code: t.code, name: t.name, issuer_code: t.issuer, holder_kind: t.holderKind, default_validity_years: t.years, fields: JSON.stringify(t.fields) })),
  );
  const issuerOf = new Map(LICENCE_TYPES.map((t) => [t.code, t.issuer]));
  const serials = new Map<string, number>();
  const rows: Array<LicenceTables['licence']> = [];
  for (const licence of [...DEMO_LICENCES, ...populationLicences(demoPopulation())]) {
    const issuer = issuerOf.get(licence.type)!;
    const serial = (serials.get(licence.type) ?? 0) + 1;
    serials.set(licence.type, serial);
    const id = formatLicenceId({ typeCode: licence.type, issuerCreditCode: issuer, serial: String(serial).padStart(8, '0'), version: '1' });
    const record = {
      id,
      typeCode: licence.type,
      number: licence.number,
      holderId: licence.holderId,
      holderName: licence.holderName,
      issuerCode: issuer,
      issuedOn: licence.issuedOn,
      validFrom: licence.validFrom,
      validTo: licence.validTo,
      data: licence.data,
      version: 1,
      previousId: null,
      caseId: null,
    };
    const { kid, signature } = await keys.sign(issuer, signedContent(record));
    rows.push({
      id,
      type_code: licence.type,
      number: licence.number,
      holder_id: licence.holderId,
      holder_name: licence.holderName,
      issuer_code: issuer,
      issued_on: licence.issuedOn,
      valid_from: licence.validFrom,
      valid_to: licence.validTo,
      status_code: licence.statusCode,
      data: JSON.stringify(licence.data),
      version: 1,
      previous_id: null,
      created_at: `${licence.issuedOn}T00:00:00.000Z`,
      signature,
      key_id: kid,
      case_id: null,
    });
  }
  await insertInBatches(db, 'licence', rows);
}
