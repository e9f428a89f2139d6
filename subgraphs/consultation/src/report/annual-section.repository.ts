import { sql, type Kysely } from 'kysely';
import type { ConsultationTables } from '../database.js';
import { CHANNELS, ConsultationChannel } from '../consultation/consultation.enums.js';
import { ConsultationPraiseKind } from '../praise/praise.enums.js';
import type { ConsultationAnnualSection } from './annual-report.type.js';

export interface ReportKey {
  departmentCode: string;
  year: number;
}

export type KeyedSection = ReportKey & { section: ConsultationAnnualSection };

export function reportKey(key: ReportKey): string {
  return `${key.departmentCode}|${key.year}`;
}

/** The instants where a city year (UTC+8) begins and ends, as the ISO strings records store. */
export function cityYearBounds(year: number): { from: string; to: string } {
  const offset = 8 * 3_600_000;
  return { from: new Date(Date.UTC(year, 0, 1) - offset).toISOString(), to: new Date(Date.UTC(year + 1, 0, 1) - offset).toISOString() };
}

const REMOTE_CHANNELS: readonly ConsultationChannel[] = [ConsultationChannel.HOTLINE_12345, ConsultationChannel.WEBSITE, ConsultationChannel.WECHAT];

/**
 * The report's consultation section for any number of (department, year) keys: per year asked,
 * five aggregate queries grouped by department (tallies, consultations, complaints received,
 * complaints closed, praise), whatever the number of departments.
 */
export class AnnualSectionRepository {
  constructor(private readonly db: Kysely<ConsultationTables>) {}

  async sections(keys: readonly ReportKey[]): Promise<KeyedSection[]> {
    const byYear = new Map<number, string[]>();
    for (const key of keys) byYear.set(key.year, [...(byYear.get(key.year) ?? []), key.departmentCode]);
    const results = await Promise.all([...byYear].map(([year, codes]) => this.year(year, [...new Set(codes)])));
    return results.flat();
  }

  private async year(year: number, codes: string[]): Promise<KeyedSection[]> {
    const { from, to } = cityYearBounds(year);
    const [tallies, records, received, closed, praise] = await Promise.all([
      this.db
        .selectFrom('consultation_tally')
        .select((eb) => [
          'department_code',
          'channel',
          eb.fn.sum<number>('received').as('received'),
          eb.fn.sum<number>('answered').as('answered'),
          eb.fn.sum<number>('answered_in_time').as('in_time'),
        ])
        .where('department_code', 'in', codes)
        .where('day', '>=', `${year}-01-01`)
        .where('day', '<=', `${year}-12-31`)
        .groupBy(['department_code', 'channel'])
        .execute(),
      this.db
        .selectFrom('consultation')
        .select((eb) => [
          'department_code',
          'channel',
          eb.fn.countAll<number>().as('received'),
          eb.fn.count<number>('answered_at').as('answered'),
          sql<number>`sum(case when answered_at is not null and answered_at <= due_at then 1 else 0 end)`.as('in_time'),
        ])
        .where('department_code', 'in', codes)
        .where('asked_at', '>=', from)
        .where('asked_at', '<', to)
        .groupBy(['department_code', 'channel'])
        .execute(),
      this.db
        .selectFrom('consultation_complaint')
        .select((eb) => ['department_code', eb.fn.countAll<number>().as('n')])
        .where('department_code', 'in', codes)
        .where('received_at', '>=', from)
        .where('received_at', '<', to)
        .groupBy('department_code')
        .execute(),
      this.db
        .selectFrom('consultation_complaint')
        .select((eb) => [
          'department_code',
          eb.fn.countAll<number>().as('n'),
          eb.fn.sum<number>('coordinated').as('coordinated'),
          eb.fn.count<number>('rating').as('rated'),
          eb.fn.sum<number>('rating').as('rating_sum'),
        ])
        .where('department_code', 'in', codes)
        .where('closed_at', '>=', from)
        .where('closed_at', '<', to)
        .groupBy('department_code')
        .execute(),
      this.db
        .selectFrom('consultation_praise')
        .select((eb) => ['department_code', 'kind', eb.fn.countAll<number>().as('n')])
        .where('department_code', 'in', codes)
        .where('received_on', '>=', `${year}-01-01`)
        .where('received_on', '<=', `${year}-12-31`)
        .groupBy(['department_code', 'kind'])
        .execute(),
    ]);

    return codes.map((departmentCode) => {
      const byChannel = CHANNELS.map((channel) => {
        const rows = [...tallies, ...records].filter((r) => r.department_code === departmentCode && r.channel === channel);
        return {
          channel,
          received: total(rows.map((r) => r.received)),
          answered: total(rows.map((r) => r.answered)),
          answeredInTime: total(rows.map((r) => r.in_time)),
        };
      });
      const remote = byChannel.filter((c) => REMOTE_CHANNELS.includes(c.channel));
      const consultationsAnswered = total(remote.map((c) => c.answered));
      const inTime = total(remote.map((c) => c.answeredInTime));
      const closedRow = closed.find((r) => r.department_code === departmentCode);
      const rated = Number(closedRow?.rated ?? 0);
      const praiseOf = (kind: ConsultationPraiseKind) => Number(praise.find((r) => r.department_code === departmentCode && r.kind === kind)?.n ?? 0);
      return {
        departmentCode,
        year,
        section: {
          onSiteConsultations: byChannel.find((c) => c.channel === ConsultationChannel.HALL_DESK)!.received,
          consultationsAnswered,
          answeredInTimeRate: consultationsAnswered === 0 ? null : inTime / consultationsAnswered,
          byChannel,
          complaintsReceived: Number(received.find((r) => r.department_code === departmentCode)?.n ?? 0),
          complaintsClosed: Number(closedRow?.n ?? 0),
          coordinations: Number(closedRow?.coordinated ?? 0),
          averageRating: rated === 0 ? null : Number(closedRow!.rating_sum) / rated,
          praise: { letters: praiseOf(ConsultationPraiseKind.LETTER), banners: praiseOf(ConsultationPraiseKind.BANNER), plaques: praiseOf(ConsultationPraiseKind.PLAQUE) },
        },
      };
    });
  }
}

/** Sums that PostgreSQL returns as text (bigint, numeric) and SQLite as numbers or null. */
function total(values: ReadonlyArray<number | string | bigint | null | undefined>): number {
  return values.reduce<number>((sum, value) => sum + Number(value ?? 0), 0);
}
