import { sql, type Kysely } from 'kysely';
import type { DisclosureTables } from '../database.js';
import { CATEGORIES, CHANNELS } from '../release/release.enums.js';
import { DisclosureReviewKind, DisclosureReviewResult, OUTCOMES } from '../request/request.enums.js';
import type { DisclosureFeesSection, DisclosureOnRequestSection, DisclosureProactiveSection, DisclosureReviewCounts, DisclosureReviewSection, ReportKey } from './report.type.js';

/** A report's loader key: `departmentCode|year`. */
export const reportKeyOf = (key: ReportKey): string => `${key.departmentCode}|${key.year}`;

function parseKeys(keys: readonly string[]): { keys: ReportKey[]; codes: string[]; from: string; to: string } {
  const parsed = keys.map((key) => {
    const at = key.lastIndexOf('|');
    return { departmentCode: key.slice(0, at), year: Number(key.slice(at + 1)) };
  });
  const years = parsed.map((k) => k.year);
  return {
    keys: parsed,
    codes: [...new Set(parsed.map((k) => k.departmentCode))],
    from: `${Math.min(...years)}-01-01`,
    to: `${Math.max(...years)}-12-31`,
  };
}

const inYear = (date: string | null, year: number): boolean => date?.startsWith(`${year}-`) ?? false;
const yearOf = (sqlDate: 'published_on') => sql<string>`substr(${sql.ref(sqlDate)}, 1, 4)`;

export interface RequestFigures {
  key: string;
  onRequest: DisclosureOnRequestSection;
  fees: DisclosureFeesSection;
}

/**
 * The annual report's figures: aggregates only, nothing personal leaves here. Each method answers
 * a DataLoader batch of reports (any departments, any years) in one query.
 */
export class ReportRepository {
  constructor(private readonly db: Kysely<DisclosureTables>) {}

  async proactive(batch: readonly string[]): Promise<Array<DisclosureProactiveSection & { key: string }>> {
    const { keys, codes, from, to } = parseKeys(batch);
    const [categories, channels, channelYears] = await Promise.all([
      this.db
        .selectFrom('disclosure_release')
        .select(['department_code', 'category', yearOf('published_on').as('year'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('department_code', 'in', codes)
        .where('published_on', '>=', from)
        .where('published_on', '<=', to)
        .groupBy(['department_code', 'category', yearOf('published_on')])
        .execute(),
      this.db
        .selectFrom('disclosure_release as r')
        .innerJoin('disclosure_release_channel as c', 'c.release_id', 'r.id')
        .select(['r.department_code', 'c.channel', sql<string>`substr(r.published_on, 1, 4)`.as('year'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('r.department_code', 'in', codes)
        .where('r.published_on', '>=', from)
        .where('r.published_on', '<=', to)
        .groupBy(['r.department_code', 'c.channel', sql`substr(r.published_on, 1, 4)`])
        .execute(),
      this.db
        .selectFrom('disclosure_channel_year')
        .selectAll()
        .where('department_code', 'in', codes)
        .where('year', '>=', Number(from.slice(0, 4)))
        .where('year', '<=', Number(to.slice(0, 4)))
        .execute(),
    ]);
    return keys.map((key) => {
      const match = (r: { department_code: string; year: string | number }) => r.department_code === key.departmentCode && Number(r.year) === key.year;
      const byCategory = CATEGORIES.map((category) => ({
        category,
        releases: Number(categories.find((r) => match(r) && r.category === category)?.n ?? 0),
      }));
      const byChannel = CHANNELS.map((channel) => {
        const own = channelYears.find((r) => match(r) && r.channel === channel);
        return {
          channel,
          releases: Number(channels.find((r) => match(r) && r.channel === channel)?.n ?? 0),
          posts: Number(own?.posts ?? 0),
          followers: own?.followers == null ? null : Number(own.followers),
        };
      });
      return { key: reportKeyOf(key), total: byCategory.reduce((sum, c) => sum + c.releases, 0), byCategory, byChannel };
    });
  }

  /** Requests that touch the years asked: received by the last year's end, unanswered at the first year's start. */
  async requests(batch: readonly string[]): Promise<RequestFigures[]> {
    const { keys, codes, from, to } = parseKeys(batch);
    const rows = await this.db
      .selectFrom('disclosure_request')
      .select(['department_code', 'received_on', 'due_on', 'extended_on', 'outcome', 'replied_on', 'fee_yuan'])
      .where('department_code', 'in', codes)
      .where('received_on', '<=', to)
      .where((eb) => eb.or([eb('replied_on', 'is', null), eb('replied_on', '>=', from)]))
      .execute();
    return keys.map(({ departmentCode, year }) => {
      const own = rows.filter((r) => r.department_code === departmentCode);
      const start = `${year}-01-01`;
      const end = `${year}-12-31`;
      const answered = own.filter((r) => inYear(r.replied_on, year));
      const unansweredAt = (date: string, before: (received: string) => boolean) =>
        own.filter((r) => before(r.received_on) && (r.replied_on === null || r.replied_on >= date)).length;
      const charged = answered.filter((r) => Number(r.fee_yuan) > 0);
      return {
        key: reportKeyOf({ departmentCode, year }),
        onRequest: {
          carriedOver: unansweredAt(start, (received) => received < start),
          received: own.filter((r) => inYear(r.received_on, year)).length,
          answered: answered.length,
          answeredOnTime: answered.filter((r) => r.replied_on! <= r.due_on).length,
          extended: own.filter((r) => inYear(r.extended_on, year)).length,
          // Unanswered at the end of the year: not replied to by 31 December.
          pending: own.filter((r) => r.received_on <= end && (r.replied_on === null || r.replied_on > end)).length,
          byOutcome: OUTCOMES.map((outcome) => ({ outcome, requests: answered.filter((r) => r.outcome === outcome).length })),
        },
        fees: { requestsCharged: charged.length, totalYuan: answered.reduce((sum, r) => sum + Number(r.fee_yuan), 0) },
      };
    });
  }

  /** Reviews filed in the years asked, counted by how they stood at each year's end. */
  async reviews(batch: readonly string[]): Promise<Array<DisclosureReviewSection & { key: string }>> {
    const { keys, codes, from, to } = parseKeys(batch);
    const rows = await this.db
      .selectFrom('disclosure_review')
      .select(['department_code', 'kind', 'filed_on', 'result', 'closed_on'])
      .where('department_code', 'in', codes)
      .where('filed_on', '>=', from)
      .where('filed_on', '<=', to)
      .execute();
    return keys.map(({ departmentCode, year }) => {
      const end = `${year}-12-31`;
      const counts = (kind: DisclosureReviewKind): DisclosureReviewCounts => {
        const filed = rows.filter((r) => r.department_code === departmentCode && r.kind === kind && inYear(r.filed_on, year));
        const closedBy = (result: DisclosureReviewResult) => filed.filter((r) => r.result === result && r.closed_on !== null && r.closed_on <= end).length;
        const maintained = closedBy(DisclosureReviewResult.MAINTAINED);
        const corrected = closedBy(DisclosureReviewResult.CORRECTED);
        const other = closedBy(DisclosureReviewResult.OTHER);
        return { filed: filed.length, maintained, corrected, other, pending: filed.length - maintained - corrected - other };
      };
      return {
        key: reportKeyOf({ departmentCode, year }),
        reconsiderations: counts(DisclosureReviewKind.RECONSIDERATION),
        litigations: counts(DisclosureReviewKind.LITIGATION),
      };
    });
  }
}
