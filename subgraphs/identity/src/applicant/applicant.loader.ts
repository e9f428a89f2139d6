import DataLoader from 'dataloader';
import type { EnterpriseRecord } from '../enterprise/enterprise.type.js';
import type { PersonRecord } from '../person/person.type.js';

export type ApplicantRecord = PersonRecord | EnterpriseRecord;

/** Applicant ids carry their kind: P-… for persons, E-… for enterprises. */
export function applicantLoader(
  personById: DataLoader<string, PersonRecord | null>,
  enterpriseById: DataLoader<string, EnterpriseRecord | null>,
): DataLoader<string, ApplicantRecord | null> {
  return new DataLoader(async (ids) =>
    Promise.all(
      // async: every entry a promise (an unknown kind resolves to null), as Promise.all expects.
      ids.map(async (id) => {
        if (id.startsWith('P-')) return personById.load(id);
        if (id.startsWith('E-')) return enterpriseById.load(id);
        return null;
      }),
    ),
  );
}
