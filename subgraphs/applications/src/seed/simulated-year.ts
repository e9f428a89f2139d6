import { CaseType, seededRandom } from '@govgraph/kit';
import { addWorkingDays } from '@govgraph/kit';
import { ApplicantPicker } from './seed-applicants.js';
import { APPLICANT_ACTOR, SYSTEM_ACTOR, windowOfficer, type SeedCase, type SeedEvent } from './seed-case.js';
import { MINUTE_MS, cityDateOf, cityInstant, workingDaysIn } from './seed-clock.js';
import { DEMO_MATTER_CODES, seedMatters, type SeedMatter } from './seed-matters.js';

/** The hall's 2017 shares (docs/domain.md) that a simulated year reproduces. */
export const HALL_SHARES = {
  /** Instant cases (即办件) among all cases: 63.78 %. */
  instant: 0.6378,
  /** Submitted online (上网办理率): 99.2 %; the rest at a hall window. */
  online: 0.992,
  /** Promised cases that end in a rejection (then completed): a small share. */
  rejectedPromised: 0.03,
} as const;

const REJECTIONS = ['申请材料不齐全，且未在规定期限内补正', '申请人不符合法定条件', '申请事项不属于本机关职权范围', '申请材料内容与实际情况不符'];

/** Picks items with probability proportional to their weights (cumulative sums, binary search). */
function weightedPicker<T>(items: readonly T[], weights: readonly number[], random: () => number): () => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return items[low]!;
  };
}

/** A few matters take most cases, as in any hall: Zipf-like weights over a shuffled order, the demo matters first. */
function popularityPicker(matters: readonly SeedMatter[], random: () => number): () => SeedMatter {
  const shuffled = shuffle([...matters], random);
  const ordered = [...shuffled.filter((m) => DEMO_MATTER_CODES.has(m.code)), ...shuffled.filter((m) => !DEMO_MATTER_CODES.has(m.code))];
  return weightedPicker(
    ordered,
    ordered.map((_, rank) => 1 / (rank + 1) ** 0.8),
    random,
  );
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** `count` of `length` flags set, in a shuffled order: exact shares, deterministic. */
function exactShare(length: number, count: number, random: () => number): boolean[] {
  return shuffle(
    Array.from({ length }, (_, i) => i < count),
    random,
  );
}

/**
 * The pieces a simulated case is drawn from: the year's matters weighted by popularity, the
 * applicants, and the working-day calendar of the year and the next (deadlines and decisions run
 * over New Year). `simulateYear` draws a year's cases at random days; the full-year seed
 * (full-year/) draws them day by day, in time order, from the same pieces.
 */
export class YearSimulator {
  readonly submissionDays: readonly string[];
  private readonly pickInstant: () => SeedMatter;
  private readonly pickPromised: () => SeedMatter;
  private readonly applicants: ApplicantPicker;
  private readonly calendar: readonly string[];
  private readonly dayIndex: ReadonlyMap<string, number>;
  /** addWorkingDays walks the calendar: a year's millions of cases ask for a few thousand distinct deadlines. */
  private readonly deadlines = new Map<string, string>();

  constructor(
    readonly year: number,
    private readonly random: () => number,
  ) {
    const matters = seedMatters();
    this.pickInstant = popularityPicker(
      matters.filter((m) => m.caseType === CaseType.INSTANT),
      random,
    );
    this.pickPromised = popularityPicker(
      matters.filter((m) => m.caseType === CaseType.PROMISED),
      random,
    );
    this.applicants = new ApplicantPicker(random);
    this.submissionDays = workingDaysIn(`${year}-01-01`, `${year}-12-31`);
    this.calendar = workingDaysIn(`${year}-01-01`, `${year + 1}-12-31`);
    this.dayIndex = new Map(this.calendar.map((d, i) => [d, i]));
  }

  private deadlineOf(date: string, promisedDays: number): string {
    const key = `${date}|${promisedDays}`;
    let deadline = this.deadlines.get(key);
    if (deadline === undefined) this.deadlines.set(key, (deadline = addWorkingDays(date, promisedDays)));
    return deadline;
  }

  /**
   * One case, completed on time. `submittedIndex` gives the submission day (an index into
   * submissionDays); it is asked after the matter and applicant are drawn, so the random draws
   * come in the order simulateYear has always made them.
   */
  caseOn(instant: boolean, window: boolean, submittedIndex: () => number): SeedCase {
    const random = this.random;
    const matter = instant ? this.pickInstant() : this.pickPromised();
    const { applicantId, submittedBy } = this.applicants.pickIds(matter);
    const dayOfSubmission = submittedIndex();
    const date = this.submissionDays[dayOfSubmission]!;
    // Windows open 09:00–17:00; online submissions come 07:00–23:00.
    const minute = window ? 540 + Math.floor(random() * 480) : 420 + Math.floor(random() * 960);
    const submittedAt = cityInstant(date, minute) + Math.floor(random() * 60) * 1000;
    const channel = window ? 'WINDOW' : 'ONLINE';
    const submitted: SeedEvent = { at: submittedAt, status: 'SUBMITTED', actor: APPLICANT_ACTOR, note: null };
    const deadline = this.deadlineOf(date, matter.promisedDays);

    if (instant) {
      return {
        matter,
        applicantId,
        submittedBy,
        channel,
        status: 'COMPLETED',
        submittedAt,
        acceptedAt: submittedAt,
        decidedAt: submittedAt,
        completedAt: submittedAt,
        deadline,
        onTime: 1,
        history: [
          submitted,
          { at: submittedAt, status: 'APPROVED', actor: SYSTEM_ACTOR, note: '即办件，当场办结' },
          { at: submittedAt, status: 'COMPLETED', actor: SYSTEM_ACTOR, note: null },
        ],
      };
    }

    const deadlineIndex = this.dayIndex.get(deadline)!;
    // Accepted on the spot at a window or before 16:00 online; otherwise the next working morning.
    const acceptedAt =
      window || minute < 960
        ? submittedAt + (5 + Math.floor(random() * (window ? 25 : 115))) * MINUTE_MS
        : cityInstant(this.calendar[dayOfSubmission + 1]!, 540 + Math.floor(random() * 90));
    const acceptedIndex = this.dayIndex.get(cityDateOf(acceptedAt))!;
    // Decided on a working day from acceptance to the deadline, most of them early.
    const decidedIndex = Math.min(deadlineIndex, acceptedIndex + Math.floor(random() ** 2 * (deadlineIndex - acceptedIndex + 1)));
    const decidedAt =
      decidedIndex === acceptedIndex ? acceptedAt + (10 + Math.floor(random() * 170)) * MINUTE_MS : cityInstant(this.calendar[decidedIndex]!, 540 + Math.floor(random() * 510));
    const completedAt = decidedAt + (5 + Math.floor(random() * 55)) * MINUTE_MS;
    const rejected = random() < HALL_SHARES.rejectedPromised;
    const officer = windowOfficer(matter.departmentCode);
    return {
      matter,
      applicantId,
      submittedBy,
      channel,
      status: 'COMPLETED',
      submittedAt,
      acceptedAt,
      decidedAt,
      completedAt,
      deadline,
      onTime: 1,
      history: [
        submitted,
        { at: acceptedAt, status: 'ACCEPTED', actor: officer, note: null },
        rejected
          ? { at: decidedAt, status: 'REJECTED', actor: officer, note: REJECTIONS[Math.floor(random() * REJECTIONS.length)]! }
          : { at: decidedAt, status: 'APPROVED', actor: officer, note: null },
        { at: completedAt, status: 'COMPLETED', actor: officer, note: null },
      ],
    };
  }
}

/**
 * A year of the hall, as its annual report would count it: `cases` cases submitted on the year's
 * working days over the demo catalog's matters, all completed, every decision by its deadline.
 * Exactly 63.78 % are instant (decided by the system on submission) and 99.2 % submitted online;
 * promised cases are accepted the same or the next working day, decided by a window officer on a
 * working day up to the deadline (most early), a few rejected, and completed the same day.
 */
export function simulateYear(options: { year: number; cases: number; seed?: number }): SeedCase[] {
  const { year, cases } = options;
  const random = seededRandom(options.seed ?? year);
  const simulator = new YearSimulator(year, random);
  const instantFlags = exactShare(cases, Math.round(cases * HALL_SHARES.instant), random);
  const windowFlags = exactShare(cases, Math.round(cases * (1 - HALL_SHARES.online)), random);
  const randomDay = () => Math.floor(random() * simulator.submissionDays.length);
  const result: SeedCase[] = [];
  for (let i = 0; i < cases; i++) result.push(simulator.caseOn(instantFlags[i]!, windowFlags[i]!, randomDay));
  return result;
}
