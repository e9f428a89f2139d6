import { sql } from 'kysely';
import { TallyBook } from '../../statistics/case-tally.js';
import { toRows } from '../seed-case.js';
import { openLoadTarget, type LoadTarget, type LoadTargetOptions } from './load-target.js';
import { ProgressBar, type ProgressStream } from './progress.js';
import { clearSimulatedYear } from './replace-year.js';
import { createIndexes, dropIndexes, secondaryIndexes } from './secondary-indexes.js';
import { simulateYearByDay } from './simulate-by-day.js';
import { planYear, type YearPlan } from './year-plan.js';
import { YearTally } from './year-tally.js';

export interface FullYearOptions extends LoadTargetOptions {
  year: number;
  /** A fraction of the report's volumes (tests: 0.001); 1 by default. */
  scale?: number;
  online?: number;
  hall?: number;
  /** The random seed; the year by default. */
  seed?: number;
  /** Where progress goes (stderr by default); null for none. */
  progress?: ProgressStream | null;
  /** Called after each day is written, inside the transaction: a test throws here to see nothing kept. */
  afterDay?: (written: number) => void | Promise<void>;
}

export interface FullYearSummary {
  year: number;
  online: number;
  hall: number;
  cases: number;
  events: number;
  /** Simulated cases of the year the load replaced (the demo seed's, or an earlier run's). */
  replaced: number;
  seconds: number;
  /** The applications tables and their indexes after the load. */
  databaseBytes: number;
  location: string;
  /** Seconds per step: clearing the year, writing rows, rebuilding indexes, counters, statistics. */
  steps: Record<string, number>;
}

/** The tables the load writes rows into, whose secondary indexes it rebuilds once at the end. */
const LOADED_TABLES = ['application', 'application_event'] as const;
/** toRows fills a book as it numbers cases; the year's counters are gathered by YearTally instead. */
class IgnoredTallies extends TallyBook {
  override entries(): void {}
  override status(): void {}
  override applicantCase(): void {}
}
const IGNORED = new IgnoredTallies();

/** Working days whose counters are gathered before they are added to the counter tables. */
const COUNTER_FLUSH_DAYS = 50;
/** Cases numbered and formatted between two turns of the event loop. */
const SLICE = 500;

/**
 * Seeds a full simulated year of cases (year-plan.ts: the hall report's volumes, or a scale of
 * them) into applications' database, in one transaction: the year's earlier simulated cases are
 * replaced (clearSimulatedYear; refused when any came from a live submission), the secondary
 * indexes of the case tables dropped and rebuilt after the load, the cases generated a working
 * day at a time in submission order and numbered as the live system numbers them (toRows), their
 * maintained counters gathered (YearTally) and added every few weeks, and case_counter set to the
 * year's last number. A failure anywhere rolls all of it back.
 */
export async function seedFullYear(options: FullYearOptions): Promise<FullYearSummary> {
  const plan = planYear(options);
  const target = await openLoadTarget(options);
  try {
    return await loadYear(target, plan, options);
  } finally {
    await target.close();
  }
}

async function loadYear(target: LoadTarget, plan: YearPlan, options: FullYearOptions): Promise<FullYearSummary> {
  const started = performance.now();
  const total = plan.online + plan.hall;
  const stream = options.progress === null ? null : (options.progress ?? process.stderr);
  let progress: ProgressBar | null = null;
  const steps: Record<string, number> = {};
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const at = performance.now();
    try {
      return await work();
    } finally {
      steps[name] = (steps[name] ?? 0) + (performance.now() - at) / 1000;
    }
  };
  let written = 0;
  let events = 0;
  let replaced = 0;
  await target.db.transaction().execute(async (trx) => {
    if (target.dialect === 'postgres') {
      // Nothing is durable until the one commit: no flush per statement, and room to sort index keys.
      await sql`set local synchronous_commit = off`.execute(trx);
      await sql`set local maintenance_work_mem = '512MB'`.execute(trx);
    }
    replaced = await step('clear year', () => clearSimulatedYear(trx, plan.year));
    if (replaced > 0) stream?.write(`replaced ${replaced.toLocaleString('en')} simulated cases of ${plan.year} (${steps['clear year']!.toFixed(1)} s)\n`);
    const indexes = await secondaryIndexes(trx, target.dialect, LOADED_TABLES);
    await dropIndexes(trx, indexes);

    // Counters are additive: adding them every few weeks keeps the heap small (a year's day rows
    // run to millions) at the price of writing a counter row again when later weeks add to it.
    const tally = new YearTally();
    let daysInBook = 0;
    let counters: ReadonlyMap<number, number> = new Map(); // the year starts from 1 again
    // One day in the database's hands while the next is generated: the two cores both work.
    let inFlight: { sent: Promise<void>; cases: number; events: number } | null = null;
    const settle = async () => {
      if (!inFlight) return;
      await step('wait for the database', () => inFlight!.sent);
      written += inFlight.cases;
      events += inFlight.events;
      inFlight = null;
      progress?.update(written);
      await options.afterDay?.(written);
    };
    // The clock of the rate and the estimate starts with the cases.
    progress = stream ? new ProgressBar({ total, stream }) : null;
    progress?.update(0);
    for (const day of simulateYearByDay(plan, options.seed)) {
      const batch = target.batch(trx);
      // In submission order (a stable sort, as toRows' own), numbered in slices between which
      // the event loop gets to stream the previous day to the server.
      const cases = day.cases.sort((a, b) => a.submittedAt - b.submittedAt);
      let dayEvents = 0;
      for (let start = 0; start < cases.length; start += SLICE) {
        const slice = cases.slice(start, start + SLICE);
        const rows = await step('generate', async () => toRows(slice, counters, IGNORED));
        await step('count', async () => slice.forEach((c) => tally.add(c)));
        counters = rows.counters;
        dayEvents += rows.application_event.length;
        await step('format rows', async () => {
          await batch.add('application', rows.application);
          await batch.add('application_event', rows.application_event);
        });
        await new Promise((resolve) => setImmediate(resolve));
      }
      await settle();
      if (++daysInBook === COUNTER_FLUSH_DAYS) {
        await step('counters', () => target.addCounters(trx, tally.take()));
        daysInBook = 0;
      }
      const sent = batch.send();
      sent.catch(() => undefined); // awaited in settle(); a failure must not go unhandled meanwhile
      inFlight = { sent, cases: cases.length, events: dayEvents };
    }
    await settle();
    await step('rebuild indexes', () => createIndexes(trx, indexes, (index) => progress?.note(`rebuilding index ${index.name} on ${index.table}…`)));
    const book = tally.take();
    progress?.note(`writing the last counters: ${book.days.size.toLocaleString('en')} day rows, ${book.applicants.size.toLocaleString('en')} applicants…`);
    await step('counters', () => target.addCounters(trx, book));
    const last = counters.get(plan.year) ?? 0;
    await trx
      .insertInto('case_counter')
      .values({ year: plan.year, value: last })
      .onConflict((oc) => oc.column('year').doUpdateSet({ value: last }))
      .execute();
    if (target.dialect === 'postgres') {
      progress?.note('analyzing the case tables…');
      await step('analyze', () => sql`analyze application, application_event`.execute(trx));
    }
  });
  const databaseBytes = await target.size();
  return {
    year: plan.year,
    online: plan.online,
    hall: plan.hall,
    cases: written,
    events,
    replaced,
    seconds: (performance.now() - started) / 1000,
    databaseBytes,
    location: target.location,
    steps,
  };
}
