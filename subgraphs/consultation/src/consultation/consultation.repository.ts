import type { Kysely, Selectable } from 'kysely';
import { cityDate, isUniqueViolation, keysetPage, type KeysetPage, type PageRequest } from '@govgraph/kit';
import type { ConsultationTables } from '../database.js';
import { ID_ATTEMPTS, nextId } from '../ids.js';
import type { ConsultationFrequentQuestion } from '../matter/matter.type.js';
import { ConsultationStatus, type ConsultationChannel } from './consultation.enums.js';
import type { Consultation } from './consultation.type.js';

export type ConsultationRow = Selectable<ConsultationTables['consultation']>;
export type NewConsultation = Omit<ConsultationRow, 'id'>;

/** A matter's published pairs, grouped: what `Matter.frequentQuestions` lists. */
export interface MatterQuestions {
  matterCode: string;
  questions: ConsultationFrequentQuestion[];
}

export class ConsultationRepository {
  constructor(private readonly db: Kysely<ConsultationTables>) {}

  async byIds(ids: readonly string[]): Promise<Consultation[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('consultation')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toConsultation);
  }

  /** Every consultation these applicants asked, newest first, in one query (a DataLoader batch). */
  async ofApplicants(applicantIds: readonly string[]): Promise<Consultation[]> {
    if (applicantIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('consultation')
      .selectAll()
      .where('applicant_id', 'in', [...applicantIds])
      .orderBy('asked_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toConsultation);
  }

  /** A department's consultations, due first (then by id), by keyset on (due_at, id). */
  async queue(departmentCode: string, status: ConsultationStatus | null, page: PageRequest<{ dueAt: string; id: string }>): Promise<KeysetPage<Consultation>> {
    let base = this.db.selectFrom('consultation').where('department_code', '=', departmentCode);
    if (status === ConsultationStatus.WAITING) base = base.where('answered_at', 'is', null);
    if (status === ConsultationStatus.ANSWERED) base = base.where('answered_at', 'is not', null);
    return keysetPage({ base, sortColumn: 'due_at', direction: 'asc', page, cursorKey: 'dueAt', toRecord: toConsultation });
  }

  /** Writes a new consultation under the next free id, in its own transaction; the loser of a race takes the next. */
  async insert(consultation: NewConsultation): Promise<Consultation> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          const highest = await trx
            .selectFrom('consultation')
            .select((eb) => eb.fn.max('id').as('id'))
            .executeTakeFirst();
          const row: ConsultationRow = { id: nextId('CQ', highest?.id), ...consultation };
          await trx.insertInto('consultation').values(row).execute();
          return toConsultation(row);
        });
      } catch (error) {
        if (isUniqueViolation(error) && attempt < ID_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /**
   * Answers a waiting consultation, in one transaction: the update only takes a row still waiting,
   * so of two officers answering at once one wins and the other reads `null` (a conflict).
   */
  async answer(id: string, answer: { answer: string; answeredAt: string; answeredBy: string; publicQuestion: string | null }): Promise<Consultation | null> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('consultation')
        .set({
          answer: answer.answer,
          answered_at: answer.answeredAt,
          answered_by: answer.answeredBy,
          public_question: answer.publicQuestion,
          public_answer: answer.publicQuestion === null ? null : answer.answer,
        })
        .where('id', '=', id)
        .where('answered_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return null;
      const row = await trx.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return toConsultation(row);
    });
  }

  /**
   * The officer-published pairs of these matters, grouped by published question: how often each
   * was published, when last, and its most recent answer; most asked first, then most recently
   * answered, then by question. One aggregate query and one for the latest answers.
   */
  async frequentQuestions(matterCodes: readonly string[]): Promise<MatterQuestions[]> {
    if (matterCodes.length === 0) return [];
    const groups = await this.db
      .selectFrom('consultation')
      .select((eb) => ['matter_code', 'public_question', eb.fn.countAll<number>().as('times'), eb.fn.max('answered_at').as('last_at')])
      .where('matter_code', 'in', [...matterCodes])
      .where('public_question', 'is not', null)
      .where('answered_at', 'is not', null)
      .groupBy(['matter_code', 'public_question'])
      .execute();
    if (groups.length === 0) return [];
    // The answer published last under each question: the row at (matter, question, max answered_at).
    const latest = await this.db
      .selectFrom('consultation')
      .select(['matter_code', 'public_question', 'public_answer', 'answered_at', 'id'])
      .where('matter_code', 'in', [...matterCodes])
      .where('public_question', 'is not', null)
      .where(
        'answered_at',
        'in',
        groups.map((g) => g.last_at!),
      )
      .execute();
    const lastAt = new Map(groups.map((g) => [`${g.matter_code}\u0000${g.public_question}`, g.last_at]));
    const answerOf = new Map<string, { at: string; id: string; answer: string }>();
    for (const row of latest) {
      const key = `${row.matter_code}\u0000${row.public_question}`;
      if (lastAt.get(key) !== row.answered_at) continue;
      const seen = answerOf.get(key);
      if (!seen || row.answered_at! > seen.at || (row.answered_at === seen.at && row.id > seen.id)) {
        answerOf.set(key, { at: row.answered_at!, id: row.id, answer: row.public_answer ?? '' });
      }
    }
    const byMatter = new Map<string, ConsultationFrequentQuestion[]>();
    for (const group of groups) {
      const key = `${group.matter_code}\u0000${group.public_question}`;
      const list = byMatter.get(group.matter_code!) ?? [];
      list.push({
        question: group.public_question!,
        answer: answerOf.get(key)?.answer ?? '',
        timesAsked: Number(group.times),
        lastAnsweredOn: cityDate(new Date(group.last_at!)),
      });
      byMatter.set(group.matter_code!, list);
    }
    return [...byMatter].map(([matterCode, questions]) => ({
      matterCode,
      questions: questions.sort((a, b) => b.timesAsked - a.timesAsked || b.lastAnsweredOn.localeCompare(a.lastAnsweredOn) || a.question.localeCompare(b.question)),
    }));
  }
}

export function toConsultation(row: ConsultationRow): Consultation {
  return {
    id: row.id,
    channel: row.channel as ConsultationChannel,
    status: row.answered_at === null ? ConsultationStatus.WAITING : ConsultationStatus.ANSWERED,
    department: { code: row.department_code },
    matter: row.matter_code === null ? null : { code: row.matter_code },
    question: row.question,
    askedAt: row.asked_at,
    dueAt: row.due_at,
    answer: row.answer,
    answeredAt: row.answered_at,
    answeredInTime: row.answered_at === null ? null : row.answered_at <= row.due_at,
    applicantId: row.applicant_id,
    departmentCode: row.department_code,
    matterCode: row.matter_code,
  };
}
