import { describe, expect, it } from 'vitest';
import { TrustLevel } from '@govgraph/kit';
import { documentCategoriesOf, earlierDocuments, earlierFieldFacts } from '../src/prefill/earlier-submissions.js';
import { kindOf, licenceTypesOf, takeSnapshot } from '../src/prefill/form-snapshot.js';
import { MaterialKind } from '../src/prefill/material-kind.js';
import { isFresh, offerMaterials, prefillFields, type EarlierDocument, type FactInput } from '../src/prefill/match-prefill.js';

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

const licenceFacts = (type: string, id: string, title: string, number: string) => [
  fact(`licence.${type}.id`, id, TrustLevel.A, undefined, 'licences'),
  fact(`licence.${type}.title`, title, TrustLevel.A, undefined, 'licences'),
  fact(`licence.${type}.number`, number, TrustLevel.A, undefined, 'licences'),
  fact(`licence.${type}.validTo`, '2032-03-10', TrustLevel.A, undefined, 'licences'),
];

const NOW = '2026-12-06T00:00:00.000Z';
const DAY = 86_400_000;
const daysBefore = (days: number, at = NOW) => new Date(Date.parse(at) - days * DAY).toISOString();
const doc = (id: string, uploadedAt: string) => ({ id, ownerId: 'P-1', filename: `${id}.jpg`, mediaType: 'image/jpeg', size: 10, sha256: 'a'.repeat(64), uploadedAt });
const given = (document: ReturnType<typeof doc>, requirementCode: string, category: string | null): EarlierDocument => ({
  document,
  requirementCode,
  category,
  caseNumber: '440300202600000001',
});
/** A document as a form offers it again: naming the earlier application it was given in. */
const offeredAgain = (document: ReturnType<typeof doc>) => ({ ...document, givenIn: '申请人此前的申请 440300202600000001' });

describe('offerMaterials', () => {
  it('offers the valid licence of the accepted type and nothing for other materials', () => {
    const offers = offerMaterials(
      [
        { code: 'CURRENT_DRIVING_LICENCE', kind: MaterialKind.LICENCE, acceptsLicenceType: { code: 'JDCJSZ' }, acceptsLicenceTypes: [{ code: 'JDCJSZ' }] },
        { code: 'PHOTO', kind: MaterialKind.DOCUMENT, acceptsLicenceType: null, acceptsLicenceTypes: [], documentCategory: 'PHOTO' },
        { code: 'VEHICLE_LICENCE', kind: MaterialKind.LICENCE, acceptsLicenceType: { code: 'JDCXSZ' }, acceptsLicenceTypes: [{ code: 'JDCXSZ' }] },
      ],
      licenceFacts('JDCJSZ', '1.2.156.3005.2.JDCJSZ.X.1.1.Z', '机动车驾驶证', '440303199003071233'),
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

  it('offers every valid licence the applicant holds of any accepted type, in the declared order', () => {
    const facts = [...licenceFacts('YYZZ', 'L-YYZZ', '营业执照', '91440300X'), ...licenceFacts('JMSFZ', 'L-JMSFZ', '居民身份证', '440303199003071233')];
    const [both, firstOnly, none] = offerMaterials(
      [
        { code: 'IDENTITY', kind: MaterialKind.LICENCE, acceptsLicenceType: { code: 'JMSFZ' }, acceptsLicenceTypes: [{ code: 'JMSFZ' }, { code: 'YYZZ' }] },
        { code: 'OLD_DECLARATION', acceptsLicenceType: { code: 'YYZZ' } },
        { code: 'FOOD', kind: MaterialKind.LICENCE, acceptsLicenceType: { code: 'SPJY' }, acceptsLicenceTypes: [{ code: 'SPJY' }] },
      ],
      facts,
    );
    expect(both!.satisfiedBy.map((e) => (e as { id: string }).id)).toEqual(['L-JMSFZ', 'L-YYZZ']);
    // A declaration without acceptsLicenceTypes (or kind) falls back to acceptsLicenceType.
    expect(firstOnly!.satisfiedBy.map((e) => (e as { id: string }).id)).toEqual(['L-YYZZ']);
    expect(none!.satisfiedBy).toEqual([]);
  });

  it('offers documents given earlier for a requirement of the same category, whatever its code, newest first, once each', () => {
    const older = doc('D-old', daysBefore(40));
    const newer = doc('D-new', daysBefore(3));
    const other = doc('D-health', daysBefore(1));
    const [photo, supporting] = offerMaterials(
      [
        { code: 'RECENT_PHOTO', kind: MaterialKind.DOCUMENT, acceptsLicenceType: null, documentCategory: 'PHOTO' },
        { code: 'SUPPORTING_DOCUMENTS', kind: MaterialKind.DOCUMENT, acceptsLicenceType: null, documentCategory: 'SUPPORTING_DOCUMENTS' },
      ],
      [],
      [given(older, 'PHOTO', 'PHOTO'), given(newer, 'APPLICANT_PHOTO', 'PHOTO'), given(older, 'PHOTO', 'PHOTO'), given(other, 'HEALTH_CERTIFICATE', 'HEALTH_CERTIFICATE')],
      NOW,
    );
    expect(photo).toEqual({ requirementCode: 'RECENT_PHOTO', satisfiedBy: [offeredAgain(newer), offeredAgain(older)] });
    expect(supporting).toEqual({ requirementCode: 'SUPPORTING_DOCUMENTS', satisfiedBy: [] });
  });

  it('matches an earlier document whose case recorded no category by the same requirement code only', () => {
    const photo = doc('D-1', daysBefore(10));
    const [same, otherCode] = offerMaterials(
      [
        { code: 'PHOTO', kind: MaterialKind.DOCUMENT, acceptsLicenceType: null, documentCategory: 'PHOTO' },
        { code: 'RECENT_PHOTO', kind: MaterialKind.DOCUMENT, acceptsLicenceType: null, documentCategory: 'PHOTO' },
      ],
      [],
      [given(photo, 'PHOTO', null)],
      NOW,
    );
    expect(same!.satisfiedBy).toEqual([offeredAgain(photo)]);
    expect(otherCode!.satisfiedBy).toEqual([]);
  });

  it('leaves out documents older than validForDays at opening; exactly validForDays old is still offered', () => {
    const exactly = doc('D-180', daysBefore(180));
    const stale = doc('D-stale', new Date(Date.parse(daysBefore(180)) - 1).toISOString());
    const material = { code: 'PHOTO', kind: MaterialKind.DOCUMENT, acceptsLicenceType: null, documentCategory: 'PHOTO', validForDays: 180 };
    const [offer] = offerMaterials([material], [], [given(stale, 'PHOTO', 'PHOTO'), given(exactly, 'PHOTO', 'PHOTO')], NOW);
    expect(offer!.satisfiedBy).toEqual([offeredAgain(exactly)]);
    // No limit declared: any age.
    const [unlimited] = offerMaterials([{ ...material, validForDays: null }], [], [given(stale, 'PHOTO', 'PHOTO')], NOW);
    expect(unlimited!.satisfiedBy).toEqual([offeredAgain(stale)]);
    expect(isFresh(daysBefore(180), 180, NOW)).toBe(true);
    expect(isFresh(daysBefore(181), 180, NOW)).toBe(false);
    expect(isFresh(daysBefore(0), 0, NOW)).toBe(true);
  });

  it('offers the generated form for GENERATED_FORM, never an upload', () => {
    const earlierUpload = doc('D-form', daysBefore(1));
    const [form] = offerMaterials(
      [{ code: 'APPLICATION_FORM', name: '机动车驾驶证期满换证申请表', kind: MaterialKind.GENERATED_FORM, acceptsLicenceType: null, acceptsLicenceTypes: [] }],
      [],
      [given(earlierUpload, 'APPLICATION_FORM', null)],
      NOW,
    );
    expect(form).toEqual({
      requirementCode: 'APPLICATION_FORM',
      satisfiedBy: [{ __typename: 'GeneratedForm', name: '机动车驾驶证期满换证申请表', format: 'application/pdf', generatedAt: null }],
    });
  });
});

describe('form snapshot', () => {
  it('keeps each material’s declaration, so a submission can read its kind', () => {
    const snapshot = takeSnapshot(
      {
        code: 'JJ-0101',
        materials: [
          {
            code: 'IDENTITY',
            name: '身份证明',
            required: true,
            kind: MaterialKind.LICENCE,
            acceptsLicenceType: { code: 'JMSFZ' },
            acceptsLicenceTypes: [{ code: 'JMSFZ' }, { code: 'YYZZ' }],
          },
          {
            code: 'PHOTO',
            name: '照片',
            required: true,
            kind: MaterialKind.DOCUMENT,
            acceptsLicenceType: null,
            acceptsLicenceTypes: [],
            documentCategory: 'PHOTO',
            validForDays: 180,
          },
          { code: 'APPLICATION_FORM', name: '申请表', required: true, kind: MaterialKind.GENERATED_FORM, acceptsLicenceType: null, acceptsLicenceTypes: [] },
        ],
      },
      [],
      [],
      NOW,
    );
    expect(snapshot.materials).toEqual([
      {
        code: 'IDENTITY',
        name: '身份证明',
        required: true,
        kind: 'LICENCE',
        acceptsLicenceType: 'JMSFZ',
        acceptsLicenceTypes: ['JMSFZ', 'YYZZ'],
        documentCategory: null,
        validForDays: null,
      },
      { code: 'PHOTO', name: '照片', required: true, kind: 'DOCUMENT', acceptsLicenceType: null, acceptsLicenceTypes: [], documentCategory: 'PHOTO', validForDays: 180 },
      {
        code: 'APPLICATION_FORM',
        name: '申请表',
        required: true,
        kind: 'GENERATED_FORM',
        acceptsLicenceType: null,
        acceptsLicenceTypes: [],
        documentCategory: null,
        validForDays: null,
      },
    ]);
    expect(documentCategoriesOf(JSON.stringify(snapshot))).toEqual(new Map([['PHOTO', 'PHOTO']]));
  });

  it('reads the kind of a material from a snapshot taken before the catalog declared it', () => {
    expect(kindOf({ code: 'X', required: true, acceptsLicenceType: 'JDCJSZ' })).toBe('LICENCE');
    expect(licenceTypesOf({ code: 'X', required: true, acceptsLicenceType: 'JDCJSZ' })).toEqual(['JDCJSZ']);
    expect(kindOf({ code: 'PHOTO', required: true, acceptsLicenceType: null })).toBe('DOCUMENT');
    expect(documentCategoriesOf(null)).toEqual(new Map());
    expect(documentCategoriesOf('{"materials":[{"code":"PHOTO","required":true,"acceptsLicenceType":null}]}')).toEqual(new Map());
  });
});

describe('reuse of the applicant’s earlier applications', () => {
  const earlier = (key: string, value: string, source: string | null, caseStatus: string, caseNumber = '4403002026000123') =>
    ({
      application_id: 'AP-1',
      position: 0,
      key,
      source,
      value,
      provenance_system: 'applications',
      provenance_department: null,
      trust_level: 'D',
      retrieved_at: '2026-02-27T00:00:00.000Z',
      applicant_id: 'P-1',
      case_number: caseNumber,
      submitted_at: '2026-03-01T00:00:00.000Z',
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

  it('says which earlier application a value came from, and when it was submitted', () => {
    const [byKey, bySource] = earlierFieldFacts([earlier('email', 'zs@example.cn', 'person.email', 'APPROVED', '4403002025000042')]);
    const provenance = { system: 'applications', department: '申请人此前的申请 4403002025000042', trustLevel: 'C', retrievedAt: '2026-03-01T00:00:00.000Z' };
    expect(byKey).toEqual({ path: 'form.email', value: 'zs@example.cn', provenance });
    expect(bySource).toEqual({ path: 'person.email', value: 'zs@example.cn', provenance });
    const [field] = prefillFields([{ key: 'contactEmail', source: 'person.email' }], [byKey!, bySource!]);
    expect(field).toEqual({ key: 'contactEmail', value: 'zs@example.cn', provenance });
  });

  it('keeps the earlier documents that still exist, with the category they were given for', () => {
    const photo = doc('D-1', '2026-01-01T00:00:00.000Z');
    const rows = [
      { requirement_code: 'PHOTO', evidence_id: 'D-1', document_category: 'PHOTO', case_number: '440300202600000001' },
      { requirement_code: 'OLD_PHOTO', evidence_id: 'D-1', document_category: null, case_number: '440300202600000001' },
      { requirement_code: 'PHOTO', evidence_id: 'D-unknown', document_category: 'PHOTO', case_number: '440300202600000001' },
    ];
    expect(earlierDocuments(rows, new Map([['D-1', photo]]))).toEqual([given(photo, 'PHOTO', 'PHOTO'), given(photo, 'OLD_PHOTO', null)]);
  });
});
