import { integer, isWorkingDay, type DEPARTMENTS } from '@govgraph/kit';
import type { ConsultationTables } from '../database.js';
import { ConsultationChannel } from '../consultation/consultation.enums.js';

type TallyRow = ConsultationTables['consultation_tally'];

/** The hall office's 2017 consultation figures, as its annual report gives them. */
export const HALL_2017 = {
  onSiteConsultations: 152_762,
  consultationsAnswered: 146_859,
  coordinations: 59,
  letters: 125,
  banners: 134,
  plaques: 2,
} as const;

/** How the answered remote consultations of 2017 split between the hotline, the website and WeChat. */
const REMOTE_SHARES: ReadonlyArray<[ConsultationChannel, number]> = [
  [ConsultationChannel.HOTLINE_12345, 0.71],
  [ConsultationChannel.WEBSITE, 0.17],
  [ConsultationChannel.WECHAT, 0.12],
];

/** Splits a total over n days in proportion to random weights (0.7..1.3), summing exactly to the total. */
export function spread(total: number, n: number, random: () => number): number[] {
  const weights = Array.from({ length: n }, () => 0.7 + 0.6 * random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % n, rest -= 1) parts[i]! += 1;
  return parts;
}

/** Every date of a year, YYYY-MM-DD. */
export function daysOf(year: number): string[] {
  const days: string[] = [];
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = nextDay(day)) days.push(day);
  return days;
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The hall office's daily tallies of 2017: the desk on the hall's working days (everyone answered
 * on the spot), the hotline, the website and WeChat every day (received a little more than
 * answered, nearly all in time). The sums are exactly the report's figures.
 */
export function tallies2017(office: (typeof DEPARTMENTS)['dataAdministration'], random: () => number): TallyRow[] {
  const all = daysOf(2017);
  const working = all.filter(isWorkingDay);
  const rows: TallyRow[] = [];
  const desk = spread(HALL_2017.onSiteConsultations, working.length, random);
  working.forEach((day, i) => {
    rows.push({ department_code: office.code, day, channel: ConsultationChannel.HALL_DESK, received: desk[i]!, answered: desk[i]!, answered_in_time: desk[i]! });
  });
  let assigned = 0;
  REMOTE_SHARES.forEach(([channel, share], index) => {
    const channelTotal = index === REMOTE_SHARES.length - 1 ? HALL_2017.consultationsAnswered - assigned : Math.round(HALL_2017.consultationsAnswered * share);
    assigned += channelTotal;
    const answered = spread(channelTotal, all.length, random);
    all.forEach((day, i) => {
      const a = answered[i]!;
      // A few a day go unanswered (the caller hung up, the message had no question) or late.
      const unanswered = random() < 0.3 ? integer(random, 1, 3) : 0;
      const late = a > 0 && random() < 0.4 ? integer(random, 1, Math.min(3, a)) : 0;
      rows.push({ department_code: office.code, day, channel, received: a + unanswered, answered: a, answered_in_time: a - late });
    });
  });
  return rows;
}
