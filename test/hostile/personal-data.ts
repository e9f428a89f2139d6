import { DEMO_PERSONS } from '@govgraph/identity';

/** Any demo person's name, ID number, mobile or street address. */
export const DEMO_PERSONAL_DATA = new RegExp(DEMO_PERSONS.flatMap((p) => [p.name, p.idNumber, p.mobile, p.addressDetail]).join('|'));

/** The log lines that carry personal data (none, if all is well). */
export function linesWithPersonalData(lines: readonly string[]): string[] {
  return lines.filter((line) => DEMO_PERSONAL_DATA.test(line));
}
