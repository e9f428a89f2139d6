// Which licence type the issue form offers first, and the validity it proposes.
import type { LicenceTypesQuery } from '@govgraph/portal/kit';

export type LicenceTypeInfo = LicenceTypesQuery['licenceTypes'][number];

/**
 * The type a matter's materials accept (a renewal takes the current licence, so its type is what
 * is issued), issued by the officer's own department — only that department may issue it; else
 * the first type the department issues; else nothing chosen.
 */
export function preferredType(types: readonly LicenceTypeInfo[], accepted: readonly string[], departmentCode: string | undefined): string {
  const ours = types.filter((type) => type.issuer.code === departmentCode);
  return (ours.find((type) => accepted.includes(type.code)) ?? ours[0])?.code ?? '';
}

/** The officer's department's types first: the graph refuses any other (FORBIDDEN). */
export function orderedTypes(types: readonly LicenceTypeInfo[], departmentCode: string | undefined): LicenceTypeInfo[] {
  return [...types].sort((a, b) => Number(b.issuer.code === departmentCode) - Number(a.issuer.code === departmentCode));
}

/** Today plus the type's default validity, as the graph would default it; empty for types without one. */
export function defaultValidTo(type: LicenceTypeInfo | undefined, today: Date = new Date()): string {
  if (!type?.defaultValidityYears) return '';
  const date = new Date(today.getFullYear() + type.defaultValidityYears, today.getMonth(), today.getDate());
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
