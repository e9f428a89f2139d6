import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, parseLicenceId, formatLicenceId } from '@govgraph/kit';
import { licenceFacts } from '../src/applicant/licence-facts.js';
import type { LicenceRecord } from '../src/licence/licence.type.js';
import { DEMO_LICENCES, DEMO_LICENCE_TYPES } from '../src/seed/demo-licences.js';

const drivingLicence: LicenceRecord = {
  id: formatLicenceId({ typeCode: 'JDCJSZ', issuerCreditCode: DEPARTMENTS.trafficPolice.code, serial: '00000001', version: '1' }),
  typeCode: 'JDCJSZ',
  number: '440303199003071233',
  holderId: 'P-000001',
  holderName: '张三',
  issuerCode: DEPARTMENTS.trafficPolice.code,
  issuedOn: '2026-03-10',
  validFrom: '2026-03-10',
  validTo: '2032-03-10',
  statusCode: '01',
  data: { drivingClass: 'C1' },
  version: 1,
  previousId: null,
};

describe('licence facts', () => {
  it('turns a valid licence into facts at trust level A from its issuer', () => {
    const facts = licenceFacts([drivingLicence], '2026-11-26T00:00:00.000Z');
    expect(Object.fromEntries(facts.map((f) => [f.path, f.value]))).toEqual({
      'licence.JDCJSZ.id': drivingLicence.id,
      'licence.JDCJSZ.number': '440303199003071233',
      'licence.JDCJSZ.validFrom': '2026-03-10',
      'licence.JDCJSZ.validTo': '2032-03-10',
      'licence.JDCJSZ.drivingClass': 'C1',
    });
    expect(facts[0]!.provenance).toEqual({ system: 'licences', department: '市公安局交通警察局', trustLevel: 'A', retrievedAt: '2026-11-26T00:00:00.000Z' });
  });

  it('lets the newest licence of a type speak for it', () => {
    const older = { ...drivingLicence, id: 'older', number: 'OLD' };
    const facts = licenceFacts([drivingLicence, older], '2026-11-26T00:00:00.000Z');
    expect(facts.filter((f) => f.path === 'licence.JDCJSZ.number').map((f) => f.value)).toEqual(['440303199003071233']);
  });
});

describe('demo licences', () => {
  it('name only known types, and their identifiers carry a valid check character', () => {
    const types = new Map(DEMO_LICENCE_TYPES.map((t) => [t.code, t]));
    for (const licence of DEMO_LICENCES) {
      const type = types.get(licence.type)!;
      expect(type).toBeDefined();
      const id = formatLicenceId({ typeCode: licence.type, issuerCreditCode: type.issuer, serial: licence.serial, version: '1' });
      expect(parseLicenceId(id)).not.toBeNull();
    }
  });
});
