/*
 * The volumes of a full year (issue 24), from the hall's 2017 annual report: 7,281,000 cases
 * handled online city-wide and 1,225,224 accepted at the hall, 781,445 of those instant
 * (63.78 %), every one decided on time. The online cases take the hall's instant share.
 */

export const REPORT_VOLUMES = {
  online: 7_281_000,
  hall: 1_225_224,
  hallInstant: 781_445,
} as const;

/** The instant share the report gives for the hall, applied to both channels. */
export const INSTANT_SHARE = REPORT_VOLUMES.hallInstant / REPORT_VOLUMES.hall;

export interface YearPlan {
  year: number;
  /** Cases submitted online over the year. */
  online: number;
  /** Cases accepted at a hall window (channel WINDOW). */
  hall: number;
}

/** The report's volumes times `scale` (0.001 gives a test-sized year), unless counts are given. */
export function planYear(options: { year: number; scale?: number; online?: number; hall?: number }): YearPlan {
  const scale = options.scale ?? 1;
  const plan = {
    year: options.year,
    online: options.online ?? Math.round(REPORT_VOLUMES.online * scale),
    hall: options.hall ?? Math.round(REPORT_VOLUMES.hall * scale),
  };
  for (const [name, value] of Object.entries(plan)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number of at least 0, got ${value}`);
  }
  if (plan.year < 2000 || plan.year > 2100) throw new Error(`year must be from 2000 to 2100, got ${plan.year}`);
  if (plan.online + plan.hall === 0) throw new Error('a year of no cases: give a positive scale or counts');
  return plan;
}

/** Instant cases among `cases` of a channel: the report's share, rounded. */
export function instantOf(cases: number): number {
  return Math.round(cases * INSTANT_SHARE);
}

/** How many of a channel's `total` cases come by the end of day `day` of `days`, spread evenly. */
function casesBy(total: number, day: number, days: number): number {
  return day < 0 ? 0 : Math.round((total * (day + 1)) / days);
}

/**
 * A channel's cases on day `day` of `days`, and the instant ones among them: differences of rounded
 * running totals, so the days add up to the year's exactly (instant ones to `instantOf(total)`),
 * and a day never has more instant cases than cases.
 */
export function dayShare(total: number, day: number, days: number): { cases: number; instant: number } {
  const [before, by] = [casesBy(total, day - 1, days), casesBy(total, day, days)];
  return { cases: by - before, instant: instantOf(by) - instantOf(before) };
}
