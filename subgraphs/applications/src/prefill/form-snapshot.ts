import type { CaseType, FormFieldType, MatterType } from '@govgraph/kit';
import { MaterialKind } from './material-kind.js';
import { acceptedLicenceTypes, materialKind, type MaterialInput, type OfferedLicence, type PrefilledValue } from './match-prefill.js';

export interface SnapshotField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  source: string | null;
  options: string[] | null;
  rules: { minLength?: number | null; maxLength?: number | null; pattern?: string | null; min?: number | null; max?: number | null } | null;
}

/**
 * A material as the catalog declared it: what satisfies it is read from `kind`, never guessed
 * from its code. Snapshots taken before the catalog declared kinds lack the optional fields:
 * read them with `kindOf` and `licenceTypesOf`.
 */
export interface SnapshotMaterial {
  code: string;
  name?: string;
  required: boolean;
  kind?: MaterialKind;
  /** The first of acceptsLicenceTypes (null unless kind is LICENCE). */
  acceptsLicenceType: string | null;
  acceptsLicenceTypes?: string[];
  /** For DOCUMENT: the category an earlier document must have been given for. */
  documentCategory?: string | null;
  /** For DOCUMENT: an earlier document older than this was not offered; null = no limit. */
  validForDays?: number | null;
}

/** Every licence type that satisfies the material, also in snapshots from before acceptsLicenceTypes. */
export function licenceTypesOf(material: SnapshotMaterial): string[] {
  return material.acceptsLicenceTypes ?? (material.acceptsLicenceType ? [material.acceptsLicenceType] : []);
}

/** The declared kind, also in snapshots from before the catalog declared it (a licence material if it accepts one). */
export function kindOf(material: SnapshotMaterial): MaterialKind {
  return material.kind ?? (licenceTypesOf(material).length > 0 ? MaterialKind.LICENCE : MaterialKind.DOCUMENT);
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
  materials?: Array<MaterialInput & { required?: boolean }>;
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
    materials: (matter.materials ?? []).map((m) => {
      const acceptsLicenceTypes = acceptedLicenceTypes(m);
      return {
        code: m.code,
        name: m.name ?? m.code,
        required: m.required ?? false,
        kind: materialKind(m),
        acceptsLicenceType: acceptsLicenceTypes[0] ?? null,
        acceptsLicenceTypes,
        documentCategory: m.documentCategory ?? null,
        validForDays: m.validForDays ?? null,
      };
    }),
    licences,
    prefilled,
    takenAt,
  };
}
