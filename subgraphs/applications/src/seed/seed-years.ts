/*
 * How many simulated years of case history the demo seed writes: APPLICATIONS_SEED_YEARS, 1 by
 * default (2025, what `npm start` has always seeded), and always 2017, the year the demo's
 * disclosure annual report reproduces. 10 gives 2016–2025, about 200,000 cases, for measuring
 * how reads grow with history (`npm run bench:growth`).
 */

/** The hall's most recent full year of cases; earlier simulated years come before it. */
export const SEEDED_YEAR = 2025;
/** The year of the hall whose annual report the demo reproduces (issue 23): simulated whatever APPLICATIONS_SEED_YEARS says. */
export const REPORT_YEAR = 2017;
/** Cases in each simulated year: the demo city's hall, about 20,000 a year. */
export const SEEDED_YEAR_CASES = 20_000;
export const MAX_SEED_YEARS = 30;

/** The number of simulated years from the environment; a clear error for anything but 1–30. */
export function seedYearsFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.APPLICATIONS_SEED_YEARS;
  if (raw === undefined || raw.trim() === '') return 1;
  const years = Number(raw);
  if (!Number.isSafeInteger(years) || years < 1 || years > MAX_SEED_YEARS) {
    throw new Error(`APPLICATIONS_SEED_YEARS must be a whole number from 1 to ${MAX_SEED_YEARS}, got ${JSON.stringify(raw)}`);
  }
  return years;
}

/** The simulated years, oldest first, ending with SEEDED_YEAR. */
export function simulatedYears(years: number): number[] {
  return Array.from({ length: years }, (_, i) => SEEDED_YEAR - years + 1 + i);
}

/** Every year the seed simulates, oldest first: `simulatedYears(years)`, and REPORT_YEAR when not among them. */
export function seededYears(years: number): number[] {
  const ending = simulatedYears(years);
  return ending.includes(REPORT_YEAR) ? ending : [REPORT_YEAR, ...ending];
}
