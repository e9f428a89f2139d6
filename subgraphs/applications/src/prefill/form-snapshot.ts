import type { CaseType, FormFieldType, MatterType } from '@govgraph/kit';
import type { OfferedLicence, PrefilledValue } from './match-prefill.js';

export interface SnapshotField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  source: string | null;
  options: string[] | null;
  rules: { minLength?: number | null; maxLength?: number | null; pattern?: string | null; min?: number | null; max?: number | null } | null;
}

export interface SnapshotMaterial {
  code: string;
  required: boolean;
  acceptsLicenceType: string | null;
}

/**
 * The form as the applicant opened it: the catalog's matter and form, the applicant's valid
 * licences and the values offered, as the gateway's plan handed them to us. A submission is
 * checked against it, so applications never has to call the catalog or the licence library.
 */
export interface FormSnapshot {
  matter: {
    code: string;
    name: string;
    type: MatterType;
    caseType: CaseType;
    promisedTimeLimitDays: number;
    departmentCode: string;
  };
  fields: SnapshotField[];
  materials: SnapshotMaterial[];
  licences: OfferedLicence[];
  prefilled: PrefilledValue[];
  takenAt: string;
}

/** What the plan brings for the matter (PREFILL_REQUIRES). */
export interface RequiredMatter {
  code: string;
  name?: string;
  type?: MatterType;
  caseType?: CaseType;
  promisedTimeLimitDays?: number;
  department?: { code: string } | null;
  form?: { fields: Array<Omit<SnapshotField, 'options' | 'rules'> & { options?: string[] | null; rules?: SnapshotField['rules'] }> };
  materials?: Array<{ code: string; required?: boolean; acceptsLicenceType: { code: string } | null }>;
}

export function takeSnapshot(matter: RequiredMatter, licences: OfferedLicence[], prefilled: PrefilledValue[], takenAt: string): FormSnapshot {
  return {
    matter: {
      code: matter.code,
      name: matter.name ?? matter.code,
      type: matter.type!,
      caseType: matter.caseType!,
      promisedTimeLimitDays: matter.promisedTimeLimitDays ?? 0,
      departmentCode: matter.department?.code ?? '',
    },
    fields: (matter.form?.fields ?? []).map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      required: f.required,
      source: f.source ?? null,
      options: f.options ?? null,
      rules: f.rules ?? null,
    })),
    materials: (matter.materials ?? []).map((m) => ({ code: m.code, required: m.required ?? false, acceptsLicenceType: m.acceptsLicenceType?.code ?? null })),
    licences,
    prefilled,
    takenAt,
  };
}
