import { describe, expect, it } from 'vitest';
import { TrustLevel } from '@govgraph/kit';
import { earlierDocumentsByRequirement, earlierFieldFacts } from '../src/prefill/earlier-submissions.js';
import { offerMaterials, prefillFields, type FactInput } from '../src/prefill/match-prefill.js';

function fact(path: string, value: string, trustLevel: TrustLevel, retrievedAt = '2026-11-01T00:00:00.000Z', system = 'identity'): FactInput {
  return { path, value, provenance: { system, department: null, trustLevel, retrievedAt } };
}

describe('prefillFields', () => {
  it('fills every sourced field in form order and leaves the rest empty', () => {
    const fields = prefillFields(
      [
        { key: 'applicantName', source: 'person.name' },
        { key: 'note', source: null },
        { key: 'licenceNumber', source: 'licence.JDCJSZ.number' },
      ],
      [fact('person.name', '张三', TrustLevel.A)],
    );
    expect(fields).toEqual([
      { key: 'applicantName', value: '张三', provenance: expect.objectContaining({ trustLevel: 'A' }) },
      { key: 'note', value: null, provenance: null },
      { key: 'licenceNumber', value: null, provenance: null },
    ]);
  });

  it('lets the more trusted source win, then the more recent', () => {
    const [byTrust] = prefillFields(
      [{ key: 'mobile', source: 'person.mobile' }],
      [
        fact('person.mobile', '13900000000', TrustLevel.D, '2026-11-20T00:00:00.000Z', 'applications'),
        fact('person.mobile', '13800138000', TrustLevel.A, '2026-01-01T00:00:00.000Z'),
        fact('person.mobile', '13700000000', TrustLevel.C, '2026-11-25T00:00:00.000Z', 'applications'),
      ],
    );
    expect(byTrust).toMatchObject({ value: '13800138000', provenance: { trustLevel: 'A' } });

    const [byTime] = prefillFields(
      [{ key: 'mobile', source: 'person.mobile' }],
      [fact('person.mobile', 'older', TrustLevel.C, '2026-01-01T00:00:00.000Z'), fact('person.mobile', 'newer', TrustLevel.C, '2026-06-01T00:00:00.000Z')],
    );
    expect(byTime!.value).toBe('newer');
  });
});

describe('offerMaterials', () => {
  it('offers the valid licence of the accepted type and nothing for other materials', () => {
    const offers = offerMaterials(
      [
        { code: 'CURRENT_DRIVING_LICENCE', acceptsLicenceType: { code: 'JDCJSZ' } },
        { code: 'PHOTO', acceptsLicenceType: null },
        { code: 'VEHICLE_LICENCE', acceptsLicenceType: { code: 'JDCXSZ' } },
      ],
      [
        fact('licence.JDCJSZ.id', '1.2.156.3005.2.JDCJSZ.X.1.1.Z', TrustLevel.A, undefined, 'licences'),
        fact('licence.JDCJSZ.title', '机动车驾驶证', TrustLevel.A, undefined, 'licences'),
        fact('licence.JDCJSZ.number', '440303199003071233', TrustLevel.A, undefined, 'licences'),
        fact('licence.JDCJSZ.validTo', '2032-03-10', TrustLevel.A, undefined, 'licences'),
      ],
    );
    expect(offers).toEqual([
      {
        requirementCode: 'CURRENT_DRIVING_LICENCE',
        satisfiedBy: [
          { __typename: 'Licence', id: '1.2.156.3005.2.JDCJSZ.X.1.1.Z', typeCode: 'JDCJSZ', title: '机动车驾驶证', number: '440303199003071233', validTo: '2032-03-10' },
        ],
      },
      { requirementCode: 'PHOTO', satisfiedBy: [] },
      { requirementCode: 'VEHICLE_LICENCE', satisfiedBy: [] },
    ]);
  });
});

describe('reuse of the applicant’s earlier applications', () => {
  const earlier = (key: string, value: string, source: string | null, caseStatus: string) =>
    ({
      application_id: 'AP-1',
      position: 0,
      key,
      source,
      value,
      provenance_system: 'applications',
      provenance_department: null,
      trust_level: 'D',
      retrieved_at: '2026-03-01T00:00:00.000Z',
      applicant_id: 'P-1',
      case_status: caseStatus,
    }) as const;

  it('fills a field with the same key or the same source, below identity’s trust', () => {
    const facts = earlierFieldFacts([earlier('deliveryMethod', '邮寄', null, 'COMPLETED'), earlier('contactMobile', '13900000000', 'person.mobile', 'SUBMITTED')]);
    const fields = prefillFields(
      [
        { key: 'deliveryMethod', source: null },
        { key: 'mobile', source: 'person.mobile' },
        { key: 'other', source: null },
      ],
      [...facts, fact('person.mobile', '13800138000', TrustLevel.A)],
    );
    expect(fields[0]).toMatchObject({ value: '邮寄', provenance: { system: 'applications', trustLevel: 'C' } });
    expect(fields[1]).toMatchObject({ value: '13800138000', provenance: { trustLevel: 'A' } });
    expect(fields[2]).toEqual({ key: 'other', value: null, provenance: null });
    expect(earlierFieldFacts([earlier('x', 'y', null, 'SUBMITTED')])[0]!.provenance.trustLevel).toBe('D');
  });

  it('offers documents given earlier for the same requirement, newest first, once each', () => {
    const photo = { id: 'D-1', ownerId: 'P-1', filename: 'photo.jpg', mediaType: 'image/jpeg', size: 10, sha256: 'a'.repeat(64), uploadedAt: '2026-01-01T00:00:00.000Z' };
    const byRequirement = earlierDocumentsByRequirement(
      [
        { requirement_code: 'PHOTO', evidence_id: 'D-1' },
        { requirement_code: 'PHOTO', evidence_id: 'D-1' },
        { requirement_code: 'PHOTO', evidence_id: 'D-unknown' },
      ],
      new Map([['D-1', photo]]),
    );
    const offers = offerMaterials([{ code: 'PHOTO', acceptsLicenceType: null }], [], byRequirement);
    expect(offers).toEqual([{ requirementCode: 'PHOTO', satisfiedBy: [photo] }]);
  });
});
