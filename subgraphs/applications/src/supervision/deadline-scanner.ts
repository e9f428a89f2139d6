import { sql, type Kysely } from 'kysely';
import { CASE_SUPERVISION_STREAM, cityDate, type CaseSupervisionEvent, type EventBus, type Logger } from '@govgraph/kit';
import type { ApplicationTables } from '../database.js';
import {
  DEFAULT_WARNING_DAYS,
  RUNNING_STATUSES,
  SUPERVISED_STATUSES,
  levelOf,
  rankOf,
  supervisionWindow,
  type SupervisionLevel,
  type SupervisionWindow,
} from './supervision-level.js';

export interface DeadlineScanDeps {
  db: Kysely<ApplicationTables>;
  bus: Pick<EventBus, 'publish'>;
  log: Logger;
  /** YELLOW when at most this many working days after today are left (default 3). */
  warningDays?: number;
}

/** Running cases read per statement while scanning. */
const BATCH = 500;

interface ScannedCase {
  id: string;
  number: string;
  department_code: string;
  matter_code: string;
  deadline: string;
}

/**
 * One pass of electronic supervision at `now`: every running case that is due soon or overdue
 * and whose level rose since it was last announced — or whose deadline moved since (a correction
 * paused its clock) — is recorded in case_supervision and announced once on the
 * `case-supervision` stream. Returns what this pass announced.
 *
 * Replicas may scan at the same time: the level is raised with a conditional upsert, and only the
 * writer whose statement raised it announces. It reads the running cases near or past their
 * deadline (a range of the (status, deadline, id) index) and their rows in case_supervision, whose
 * rows of closed cases it drops first: nothing here grows with history.
 */
export async function scanDeadlines(deps: DeadlineScanDeps, now: Date): Promise<CaseSupervisionEvent[]> {
  const window = supervisionWindow(cityDate(now), deps.warningDays ?? DEFAULT_WARNING_DAYS);
  const at = now.toISOString();
  await forgetClosedCases(deps.db);
  const announced: CaseSupervisionEvent[] = [];
  for (const status of RUNNING_STATUSES) {
    let after: { deadline: string; id: string } | null = null;
    for (;;) {
      const batch = await flaggedBatch(deps.db, status, window, after);
      if (batch.length === 0) break;
      after = batch.at(-1)!;
      const recorded = await recordedLevels(deps.db, batch);
      for (const kase of batch) {
        const level = levelOf(kase.deadline, window)!;
        const last = recorded.get(kase.id);
        if (last && last.deadline === kase.deadline && rankOf(last.level) >= rankOf(level)) continue;
        if (!(await raise(deps.db, kase, level, at))) continue;
        const event: CaseSupervisionEvent = {
          caseId: kase.id,
          number: kase.number,
          departmentCode: kase.department_code,
          matterCode: kase.matter_code,
          level,
          deadline: kase.deadline,
          at,
        };
        if (await announce(deps, event)) announced.push(event);
      }
      if (batch.length < BATCH) break;
    }
  }
  return announced;
}

/** One status's flagged cases after the cursor, by (deadline, id): a seek on the (status, deadline, id) index. */
function flaggedBatch(db: Kysely<ApplicationTables>, status: string, window: SupervisionWindow, after: { deadline: string; id: string } | null): Promise<ScannedCase[]> {
  return db
    .selectFrom('application')
    .select(['id', 'number', 'department_code', 'matter_code', 'deadline'])
    .where('status', '=', status)
    .where('deadline', '<', window.flaggedBefore)
    .$if(after !== null, (q) => q.where((eb) => eb(eb.refTuple('deadline', 'id'), '>', eb.tuple(after!.deadline, after!.id))))
    .orderBy('deadline')
    .orderBy('id')
    .limit(BATCH)
    .execute();
}

/** The level and deadline each case was last announced at. */
async function recordedLevels(db: Kysely<ApplicationTables>, cases: readonly ScannedCase[]): Promise<Map<string, { level: string; deadline: string }>> {
  const ids = cases.map((c) => c.id);
  const rows = await db.selectFrom('case_supervision').select(['application_id', 'level', 'deadline']).where('application_id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.application_id, row]));
}

/**
 * Records the level unless another writer got there first: the row is inserted, or updated when
 * it was recorded against another deadline or at a lower level. True only for the writer whose
 * statement changed it.
 */
async function raise(db: Kysely<ApplicationTables>, kase: ScannedCase, level: SupervisionLevel, at: string): Promise<boolean> {
  const row = await db
    .insertInto('case_supervision')
    .values({ application_id: kase.id, level, deadline: kase.deadline, changed_at: at })
    .onConflict((oc) =>
      oc
        .column('application_id')
        .doUpdateSet({ level: (eb) => eb.ref('excluded.level'), deadline: (eb) => eb.ref('excluded.deadline'), changed_at: (eb) => eb.ref('excluded.changed_at') })
        .where(sql<boolean>`case_supervision.deadline <> excluded.deadline or (case_supervision.level = 'YELLOW' and excluded.level = 'RED')`),
    )
    .returning('application_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Publishes the raise; when the bus fails, the raise is undone so that the next pass announces again. */
async function announce(deps: DeadlineScanDeps, event: CaseSupervisionEvent): Promise<boolean> {
  try {
    await deps.bus.publish(CASE_SUPERVISION_STREAM, event);
    return true;
  } catch (error) {
    deps.log.error({ err: error, caseId: event.caseId, level: event.level }, 'case supervision event not published; the next scan tries again');
    await deps.db.deleteFrom('case_supervision').where('application_id', '=', event.caseId).where('changed_at', '=', event.at).execute();
    return false;
  }
}

/** Drops the rows of cases no longer open (decided, completed, withdrawn): their clock has stopped for good. */
async function forgetClosedCases(db: Kysely<ApplicationTables>): Promise<void> {
  await db
    .deleteFrom('case_supervision')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('application')
            .select(sql<number>`1`.as('one'))
            .whereRef('application.id', '=', 'case_supervision.application_id')
            .where('application.status', 'in', [...SUPERVISED_STATUSES]),
        ),
      ),
    )
    .execute();
}

/** Scanning settings from the environment: SUPERVISION_SCAN_MS (0 = off) and SUPERVISION_WARNING_DAYS. */
export interface DeadlineScanSettings {
  intervalMs: number;
  warningDays: number;
}

export const DEFAULT_SCAN_MS = 60_000;

function readWholeNumber(env: NodeJS.ProcessEnv, variable: string, fallback: number, max: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`${variable} must be a whole number 0-${max}, got ${JSON.stringify(raw)}`);
  return value;
}

export function deadlineScanSettings(env: NodeJS.ProcessEnv = process.env): DeadlineScanSettings {
  return {
    intervalMs: readWholeNumber(env, 'SUPERVISION_SCAN_MS', DEFAULT_SCAN_MS, 86_400_000),
    warningDays: readWholeNumber(env, 'SUPERVISION_WARNING_DAYS', DEFAULT_WARNING_DAYS, 20),
  };
}

export interface DeadlineScanner {
  /** Stops scanning, waiting for a pass under way to finish. */
  stop(): Promise<void>;
}

/**
 * Scans every `intervalMs` (the first pass one interval after start), one pass at a time; off
 * when the interval is 0. A failed pass is logged and the next one runs as usual.
 */
export function startDeadlineScanner(deps: DeadlineScanDeps & { clock: () => Date; intervalMs: number }): DeadlineScanner {
  if (deps.intervalMs <= 0) return { stop: async () => undefined };
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout;
  const schedule = () => {
    timer = setTimeout(() => {
      running = scanDeadlines(deps, deps.clock())
        .then((announced) => {
          if (announced.length > 0) deps.log.info({ announced: announced.length }, 'case supervision levels announced');
        })
        .catch((error: unknown) => deps.log.error({ err: error }, 'deadline scan failed'))
        .finally(() => {
          if (!stopped) schedule();
        });
    }, deps.intervalMs);
    // A scan never keeps the process alive on its own.
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
