import { describe, expect, it } from 'vitest';
import { checkAnnualReportKey, DEPARTMENTS, isCityDepartment } from '../src/index.js';

const NOW = new Date('2026-12-06T04:00:00Z');
const SEED_OFFICE = DEPARTMENTS.dataAdministration.code;

describe('an annual report’s key', () => {
  it('takes a department of the city and a year from 2000 to the current city year', () => {
    expect(checkAnnualReportKey({ departmentCode: SEED_OFFICE, year: 2017 }, NOW)).toEqual({ departmentCode: SEED_OFFICE, year: 2017 });
    expect(checkAnnualReportKey({ departmentCode: SEED_OFFICE, year: 2026 }, NOW).year).toBe(2026);
    // 31 December 16:30 UTC is already 1 January in the city.
    expect(checkAnnualReportKey({ departmentCode: SEED_OFFICE, year: 2027 }, new Date('2026-12-31T16:30:00Z')).year).toBe(2027);
  });

  it('refuses crafted keys with BAD_USER_INPUT naming the field', () => {
    for (const [ref, field] of [
      [{ departmentCode: '11440300999999999X', year: 2017 }, 'departmentCode'],
      [{ departmentCode: 42, year: 2017 }, 'departmentCode'],
      [{ year: 2017 }, 'departmentCode'],
      [{ departmentCode: SEED_OFFICE, year: 1999 }, 'year'],
      [{ departmentCode: SEED_OFFICE, year: 2027 }, 'year'],
      [{ departmentCode: SEED_OFFICE, year: 2017.5 }, 'year'],
      [{ departmentCode: SEED_OFFICE, year: '2017' }, 'year'],
    ] as const) {
      expect(() => checkAnnualReportKey(ref, NOW), JSON.stringify(ref)).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }),
      );
    }
    expect(isCityDepartment(SEED_OFFICE)).toBe(true);
    expect(isCityDepartment('__proto__')).toBe(false);
  });
});
