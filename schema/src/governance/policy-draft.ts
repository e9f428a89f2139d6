import type { DataPolicy, DataSharingAgreement, FlowKind } from './data-policy.js';
import { checkDataFlows, type ReportedFlow } from './flow-check.js';

/** Marks what a person must still write: a test keeps the committed policy free of it. */
export const TO_COMPLETE = 'TO COMPLETE before production:';

export interface DepartmentDraftInput {
  policy: DataPolicy;
  /** The graph today (every subgraph's SDL). */
  current: ReadonlyArray<{ name: string; sdl: string }>;
  /** The new (or changed) department and the SDL it will publish. */
  name: string;
  sdl: string;
  /** Its own personal data, classified in the same step (`Applicant.housingFundRecords`, `HousingFundRecord.*`). */
  personal: string[];
}

/**
 * The policy a department needs before its SDL can be published: its personal data classified,
 * and one draft agreement per department pair for every flow it would open that none allows
 * (a department extending Applicant receives the references other departments' classified
 * fields send to every Applicant resolver). Purpose and legal basis are left to a person to write.
 */
export function draftDepartmentPolicy(input: DepartmentDraftInput): { policy: DataPolicy; added: DataSharingAgreement[] } {
  const known = input.policy.departments[input.name]?.personal ?? [];
  const departments = { ...input.policy.departments, [input.name]: { personal: [...new Set([...known, ...input.personal])] } };
  const classified: DataPolicy = { ...input.policy, departments };
  const after = [...input.current.filter((s) => s.name !== input.name), { name: input.name, sdl: input.sdl }];
  const { undeclared } = checkDataFlows({ before: input.current, after, changed: [input.name], policy: classified });

  const pairs = new Map<string, ReportedFlow[]>();
  for (const flow of undeclared) pairs.set(`${flow.consumer} ${flow.provider}`, [...(pairs.get(`${flow.consumer} ${flow.provider}`) ?? []), flow]);
  const ids = new Set(input.policy.agreements.map((a) => a.id));
  const added: DataSharingAgreement[] = [];
  for (const flows of pairs.values()) {
    const { consumer, provider } = flows[0]!;
    let id = `${consumer}-from-${provider}`;
    for (let n = 2; ids.has(id); n++) id = `${consumer}-from-${provider}-${n}`;
    ids.add(id);
    const kinds = [...new Set(flows.map((f) => f.kind))].sort() as FlowKind[];
    added.push({
      id,
      consumer,
      provider,
      fields: [...new Set(flows.map((f) => f.field))].sort(),
      kinds: kinds.filter((k) => k !== 'override'),
      ...(kinds.includes('override') ? { override: true } : {}),
      purpose: `${TO_COMPLETE} why ${consumer} needs this data of ${provider} (${flows.map((f) => `${f.kind} via ${f.via}`).join('; ')})`,
      legalBasis: `${TO_COMPLETE} the law or regulation that allows it`,
    });
  }
  return { policy: { ...classified, agreements: [...input.policy.agreements, ...added] }, added };
}
