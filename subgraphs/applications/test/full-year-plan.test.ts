import { describe, expect, it } from 'vitest';
import { CaseType } from '@govgraph/kit';
import { copyText, copyValue } from '../src/seed/full-year/copy-rows.js';
import { ProgressBar, formatDuration } from '../src/seed/full-year/progress.js';
import { simulateYearByDay } from '../src/seed/full-year/simulate-by-day.js';
import { REPORT_VOLUMES, dayShare, instantOf, planYear } from '../src/seed/full-year/year-plan.js';

describe('the full year’s plan', () => {
  it('takes the report’s volumes, or a scale of them, or given counts', () => {
    expect(planYear({ year: 2017 })).toEqual({ year: 2017, online: 7_281_000, hall: 1_225_224 });
    expect(planYear({ year: 2017, scale: 0.001 })).toEqual({ year: 2017, online: 7_281, hall: 1_225 });
    expect(planYear({ year: 2017, scale: 0.001, hall: 10 })).toEqual({ year: 2017, online: 7_281, hall: 10 });
    expect(instantOf(REPORT_VOLUMES.hall)).toBe(REPORT_VOLUMES.hallInstant);
    expect(() => planYear({ year: 2017, online: -1 })).toThrow(/online must be a whole number/);
    expect(() => planYear({ year: 2017, scale: 0 })).toThrow(/a year of no cases/);
    expect(() => planYear({ year: 1900 })).toThrow(/year must be from 2000/);
  });

  it('spreads a channel over the working days exactly, never more instant cases than cases on a day', () => {
    for (const total of [0, 1, 3, 1_225, 7_281_000]) {
      let [cases, instant] = [0, 0];
      for (let day = 0; day < 249; day++) {
        const share = dayShare(total, day, 249);
        expect(share.instant).toBeLessThanOrEqual(share.cases);
        expect(share.instant).toBeGreaterThanOrEqual(0);
        cases += share.cases;
        instant += share.instant;
      }
      expect([cases, instant]).toEqual([total, instantOf(total)]);
    }
  });

  it('generates the year a working day at a time, in calendar order, each day’s cases submitted that day', () => {
    const plan = planYear({ year: 2017, online: 2_000, hall: 500 });
    const days = [...simulateYearByDay(plan)];
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    const all = days.flatMap((d) => d.cases.map((c) => ({ ...c, date: d.date })));
    expect(all).toHaveLength(2_500);
    expect(all.filter((c) => c.channel === 'WINDOW')).toHaveLength(500);
    expect(all.filter((c) => c.matter.caseType === CaseType.INSTANT)).toHaveLength(instantOf(2_000) + instantOf(500));
    const offDay = all.filter((c) => new Date(c.submittedAt + 8 * 3_600_000).toISOString().slice(0, 10) !== c.date);
    expect(offDay).toHaveLength(0);
    // The same seed gives the same year.
    expect([...simulateYearByDay(plan)].flatMap((d) => d.cases.map((c) => c.submittedAt))).toEqual(all.map((c) => c.submittedAt));
  });
});

describe('the seed’s progress bar', () => {
  const stream = (isTTY: boolean) => ({
    isTTY,
    text: '',
    write(text: string) {
      this.text += text;
      return true;
    },
  });

  it('redraws one line on a terminal, at most ten times a second, with rate and estimate', () => {
    let now = 0;
    const out = stream(true);
    const bar = new ProgressBar({ total: 1_000, stream: out, now: () => now });
    now = 2_000;
    bar.update(250);
    now = 2_050;
    bar.update(260); // too soon: not drawn
    now = 4_000;
    bar.update(500);
    bar.note('rebuilding index application_queue on application…');
    const lines = out.text.split('\r\u001b[2K').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('██████░░░░░░░░░░░░░░░░░░  25.0 % 250 / 1,000 cases · 125/s · 00:02 elapsed · ETA 00:06');
    expect(lines[1]).toBe('████████████░░░░░░░░░░░░  50.0 % 500 / 1,000 cases · 125/s · 00:04 elapsed · ETA 00:04\nrebuilding index application_queue on application…\n');
  });

  it('writes a line every few seconds into a log, and always the last', () => {
    let now = 0;
    const out = stream(false);
    const bar = new ProgressBar({ total: 100, stream: out, now: () => now, logIntervalMs: 5_000 });
    for (let done = 0; done <= 100; done += 10) {
      bar.update(done);
      now += 1_000;
    }
    const lines = out.text.trim().split('\n');
    expect(lines.map((l) => l.match(/(\d+) \/ 100/)![1])).toEqual(['0', '50', '100']);
    expect(out.text).not.toContain('\r');
  });

  it('formats durations as a clock', () => {
    expect([formatDuration(0), formatDuration(61), formatDuration(3_725), formatDuration(Number.POSITIVE_INFINITY)]).toEqual(['00:00', '01:01', '1:02:05', '--:--']);
  });
});

describe('COPY text', () => {
  it('writes null as \\N and escapes backslash, tab, newline and carriage return', () => {
    expect([copyValue(null), copyValue(undefined), copyValue(0), copyValue('申请人不符合法定条件')]).toEqual(['\\N', '\\N', '0', '申请人不符合法定条件']);
    expect(copyValue('a\tb\\c\nd\re')).toBe('a\\tb\\\\c\\nd\\re');
    expect(
      copyText(
        [
          { id: 'A', note: null, seq: 1 },
          { id: 'B', note: 'x\ty', seq: 2 },
        ],
        ['id', 'note', 'seq'],
      ),
    ).toBe('A\t\\N\t1\nB\tx\\ty\t2\n');
  });
});
