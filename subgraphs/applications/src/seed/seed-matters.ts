import { type CaseType, DEMO_MATTERS, MatterType, ServedObject, generateCatalog, type DemoField } from '@govgraph/kit';

/** A matter as the case seed needs it: an implementation with its definition's rules. */
export interface SeedMatter {
  /** Implementation code (city: `JJ-0101`; district: `<city code>-<division>`). */
  code: string;
  name: string;
  /** Credit code of the implementing department, as the catalog has it. */
  departmentCode: string;
  caseType: CaseType;
  licensing: boolean;
  promisedDays: number;
  servesPersons: boolean;
  servesEnterprises: boolean;
  fields: readonly DemoField[];
}

let cached: SeedMatter[] | null = null;

/**
 * Every matter of the demo catalog at the hall's scale (`generateCatalog(1)`, the one the catalog
 * seeds): the 1,444 city matters and the district implementations of the common ones.
 */
export function seedMatters(): SeedMatter[] {
  if (cached) return cached;
  const { definitions, implementations } = generateCatalog(1);
  const byBasicCode = new Map(definitions.map((d) => [d.basicCode, d]));
  cached = implementations.map((implementation) => {
    const d = byBasicCode.get(implementation.basicCode)!;
    return {
      code: implementation.code,
      name: d.name,
      departmentCode: implementation.departmentCode,
      caseType: d.caseType,
      licensing: d.type === MatterType.LICENSING,
      promisedDays: d.promisedTimeLimitDays,
      servesPersons: d.servedObjects.includes(ServedObject.PERSON),
      servesEnterprises: d.servedObjects.includes(ServedObject.ENTERPRISE),
      fields: d.fields,
    };
  });
  return cached;
}

/** The hand-written demo matters: the busiest of the hall, as real halls' vehicle and ID matters are. */
export const DEMO_MATTER_CODES: ReadonlySet<string> = new Set(DEMO_MATTERS.map((m) => m.code));
