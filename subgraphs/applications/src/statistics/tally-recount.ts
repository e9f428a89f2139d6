import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { RESUMED, TallyBook, type ApplicantCountRow, type DayTallyRow, type StatusCountRow, type YearTallyRow } from './case-tally.js';
import { writeTallies } from './tally-store.js';

/** Everything the counters hold, counted again from the cases and their histories. */
export interface Recount {
  days: DayTallyRow[];
  years: YearTallyRow[];
  statuses: StatusCountRow[];
  applicants: ApplicantCountRow[];
}

/** The city date (UTC+8) of an ISO instant column, in either dialect. */
function cityDay(db: Kysely<any>, column: string): RawBuilder<string> {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<string>`to_char((${sql.ref(column)}::timestamptz at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`
    : sql<string>`date(${sql.ref(column)}, '+8 hours')`;
}

/**
 * The counters as a full recount would give them: every history entry by its day, the case's
 * department, matter and channel, and its event (an entry right after CORRECTION_REQUESTED that
 * returns the case to SUBMITTED or ACCEPTED counts as RESUMED); every case under its status and
 * its applicant. Costs a pass over all history: for tests, checks and backfilling, never for a read.
 */
export async function recountTallies(db: Kysely<any>, only: { submittedYear?: number } = {}): Promise<Recount> {
  const year = only.submittedYear;
  const event = sql<string>`case when p.status = 'CORRECTION_REQUESTED' and e.status in ('SUBMITTED', 'ACCEPTED') then ${sql.lit(RESUMED)} else e.status end`;
  const day = cityDay(db, 'e.at');
  const dayRows = await db
    .selectFrom('application_event as e')
    .innerJoin('application as a', 'a.id', 'e.application_id')
    .leftJoin('application_event as p', (join) => join.onRef('p.application_id', '=', 'e.application_id').on('p.seq', '=', sql<number>`e.seq - 1`))
    .select([
      day.as('day'),
      'a.department_code',
      'a.matter_code',
      'a.channel',
      event.as('event'),
      sql<number>`count(*)`.as('cases'),
      sql<number>`sum(case when a.case_type = 'INSTANT' then 1 else 0 end)`.as('instant'),
      sql<number>`sum(case when e.status in ('APPROVED', 'REJECTED') and a.on_time = 1 then 1 else 0 end)`.as('on_time'),
    ])
    .$if(year !== undefined, (q) => q.where('a.submitted_year', '=', year!))
    // By position: PostgreSQL would not match the select's expressions to repeated ones.
    .groupBy([sql`1`, sql`2`, sql`3`, sql`4`, sql`5`])
    .execute();
  const days: DayTallyRow[] = dayRows.map((r: any) => ({
    day: String(r.day),
    department_code: r.department_code,
    matter_code: r.matter_code,
    channel: r.channel,
    event: r.event,
    cases: Number(r.cases),
    instant: Number(r.instant),
    on_time: Number(r.on_time),
  }));
  const years = new Map<string, YearTallyRow>();
  for (const d of days) {
    const key = `${d.day.slice(0, 4)}\u0000${d.department_code}\u0000${d.channel}\u0000${d.event}`;
    const row = years.get(key) ?? { year: Number(d.day.slice(0, 4)), department_code: d.department_code, channel: d.channel, event: d.event, cases: 0, instant: 0, on_time: 0 };
    row.cases += d.cases;
    row.instant += d.instant;
    row.on_time += d.on_time;
    years.set(key, row);
  }
  const statuses = await db
    .selectFrom('application')
    .select(['department_code', 'status', sql<number>`count(*)`.as('cases')])
    .$if(year !== undefined, (q) => q.where('submitted_year', '=', year!))
    .groupBy(['department_code', 'status'])
    .execute();
  const applicants = await db
    .selectFrom('application')
    .select(['applicant_id', sql<number>`count(*)`.as('cases')])
    .$if(year !== undefined, (q) => q.where('submitted_year', '=', year!))
    .groupBy('applicant_id')
    .execute();
  return {
    days,
    years: [...years.values()],
    statuses: statuses.map((r: any) => ({ department_code: r.department_code, status: r.status, cases: Number(r.cases) })),
    applicants: applicants.map((r: any) => ({ applicant_id: r.applicant_id, cases: Number(r.cases) })),
  };
}

/** A recount as a book of increments (each count times `sign`), ready for writeTallies. */
export function recountAsBook(recount: Recount, sign: 1 | -1 = 1): TallyBook {
  const book = new TallyBook();
  const put = <T extends { cases: number }>(map: Map<string, T>, rows: T[]) =>
    rows.forEach((row, i) => {
      const signed: any = { ...row, cases: row.cases * sign };
      if ('instant' in row) signed.instant = (row as any).instant * sign;
      if ('on_time' in row) signed.on_time = (row as any).on_time * sign;
      map.set(String(i).padStart(12, '0'), signed);
    });
  put(book.days, recount.days);
  put(book.years, recount.years);
  put(book.statuses, recount.statuses);
  put(book.applicants, recount.applicants);
  return book;
}

/** Fills empty counter tables from a recount: what a database with cases gets when the counters arrive. */
export async function backfillTallies(db: Kysely<any>): Promise<void> {
  await writeTallies(db, recountAsBook(await recountTallies(db)));
}

/**
 * Counts everything again from the cases, replacing what the counters hold: for a database whose
 * cases were written around the service (test fixtures that insert rows directly, a repair).
 */
export async function rebuildTallies(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of ['case_tally_day', 'case_tally_year', 'case_status_count', 'applicant_case_count']) await trx.deleteFrom(table).execute();
    await backfillTallies(trx);
  });
}
