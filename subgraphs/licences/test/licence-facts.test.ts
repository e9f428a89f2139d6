import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, formatLicenceId } from '@govgraph/kit';
import { licenceFacts } from '../src/applicant/licence-facts.js';
import type { LicenceRecord } from '../src/licence/licence.type.js';
import { DEMO_LICENCES, populationLicences } from '../src/seed/demo-licences.js';
import { LICENCE_TYPES } from '../src/seed/licence-types.js';
import { generatePopulation } from '@govgraph/kit';

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
  signature: '',
  keyId: '',
  caseId: null,
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
  it('name only known types, forty of them, each with fields', () => {
    expect(LICENCE_TYPES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(LICENCE_TYPES.map((t) => t.code)).size).toBe(LICENCE_TYPES.length);
    const codes = new Set(LICENCE_TYPES.map((t) => t.code));
    const population = generatePopulation({ persons: 300, enterprises: 100 });
    for (const licence of [...DEMO_LICENCES, ...populationLicences(population)]) expect(codes.has(licence.type)).toBe(true);
  });

  it('give every person an ID card and every enterprise a business licence, some of them revoked', () => {
    const population = generatePopulation({ persons: 300, enterprises: 100 });
    const licences = populationLicences(population);
    const holders = new Set(licences.map((l) => l.holderId));
    for (const person of population.persons) expect(holders.has(person.id)).toBe(true);
    for (const enterprise of population.enterprises) expect(holders.has(enterprise.id)).toBe(true);
    expect(licences.some((l) => l.statusCode !== '01')).toBe(true);
  });
});
