import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { BadUserInputError, ConflictError, NotFoundError, checkText } from '@govgraph/kit';
import { requireActingApplicant, requireOfficer } from '../callers.js';
import type { ConsultationContext } from '../context.js';
import { checkDepartmentCode, checkMatterCode, checkOptionalTrimmed, checkTrimmed } from '../validation.js';
import { mayAnswer, recordOfficerReads } from './consultation-access.js';
import { ONLINE_CHANNELS, RECORDED_CHANNELS } from './consultation.enums.js';
import { AskConsultationInput, RecordConsultationInput } from './consultation.inputs.js';
import { Consultation } from './consultation.type.js';
import { consultationDueAt } from './due-time.js';

@Resolver()
export class ConsultationMutationsResolver {
  @Mutation(() => Consultation, {
    description: 'An applicant asks a department a question online (WEBSITE or WECHAT). It is due at the end (23:59:59 city time) of the next working day.',
  })
  async askConsultation(@Arg('input', () => AskConsultationInput) input: AskConsultationInput, @Ctx() ctx: ConsultationContext): Promise<Consultation> {
    const asker = requireActingApplicant(ctx.claims, 'ask a consultation');
    const departmentCode = checkDepartmentCode(input.departmentCode, 'input.departmentCode');
    const matterCode = checkMatterCode(input.matterCode, 'input.matterCode');
    if (!ONLINE_CHANNELS.includes(input.channel)) {
      throw new BadUserInputError('input.channel must be WEBSITE or WECHAT: desk and hotline consultations are recorded by officers', 'input.channel');
    }
    const question = checkTrimmed(input.question, 'input.question', 5, 500);
    const now = ctx.services.clock();
    const consultation = await ctx.services.consultations.insert({
      applicant_id: asker.applicantId,
      submitted_by: asker.personId,
      department_code: departmentCode,
      matter_code: matterCode,
      channel: input.channel,
      question,
      asked_at: now.toISOString(),
      due_at: consultationDueAt(now),
      answer: null,
      answered_at: null,
      answered_by: null,
      public_question: null,
      public_answer: null,
    });
    ctx.log.info({ consultationId: consultation.id, departmentCode }, 'consultation asked');
    return consultation;
  }

  @Mutation(() => Consultation, {
    description:
      "An officer of the department asked, or of the hall office, answers a waiting consultation, once. publishAs, the question rewritten without personal data (5 to 200 characters), publishes the pair in the matter's frequently asked questions; only for a consultation about a matter.",
  })
  async answerConsultation(
    @Arg('id', () => ID) id: string,
    @Arg('answer', () => String, { description: '2 to 2000 characters.' }) answer: string,
    @Ctx() ctx: ConsultationContext,
    @Arg('publishAs', () => String, { nullable: true }) publishAs?: string | null,
  ): Promise<Consultation> {
    const officer = requireOfficer(ctx.claims, 'answer a consultation');
    checkText(id, 'id', { max: 32 });
    const text = checkTrimmed(answer, 'answer', 2, 2000);
    const publicQuestion = checkOptionalTrimmed(publishAs, 'publishAs', 5, 200);
    const consultation = await ctx.loaders.consultationById.load(id);
    // Another department's consultation does not exist for this officer.
    if (!consultation || !mayAnswer(ctx.claims, consultation)) throw new NotFoundError('Consultation', id);
    if (consultation.answeredAt !== null) throw new ConflictError(`Consultation ${id} is already answered`);
    if (publicQuestion !== null && consultation.matterCode === null) {
      throw new BadUserInputError('publishAs is only for a consultation about a matter: its FAQ is the matter’s', 'publishAs');
    }
    // The answer returns the asker's question to the officer: logged before anything is written.
    await recordOfficerReads(ctx, [consultation]);
    const answered = await ctx.services.consultations.answer(id, {
      answer: text,
      answeredAt: ctx.services.clock().toISOString(),
      answeredBy: officer.accountId,
      publicQuestion,
    });
    if (!answered) throw new ConflictError(`Consultation ${id} is already answered`);
    ctx.loaders.consultationById.clear(id).prime(id, answered);
    ctx.log.info({ consultationId: id, published: publicQuestion !== null }, 'consultation answered');
    return answered;
  }

  @Mutation(() => Consultation, {
    description: "An officer records a desk or hotline consultation answered on the spot: anonymous, for the officer's own department.",
  })
  async recordConsultation(@Arg('input', () => RecordConsultationInput) input: RecordConsultationInput, @Ctx() ctx: ConsultationContext): Promise<Consultation> {
    const officer = requireOfficer(ctx.claims, 'record a consultation');
    if (!RECORDED_CHANNELS.includes(input.channel)) {
      throw new BadUserInputError('input.channel must be HALL_DESK or HOTLINE_12345: online consultations are asked by applicants', 'input.channel');
    }
    const matterCode = checkMatterCode(input.matterCode, 'input.matterCode');
    const question = checkTrimmed(input.question, 'input.question', 5, 500);
    const answer = checkTrimmed(input.answer, 'input.answer', 2, 2000);
    const publicQuestion = checkOptionalTrimmed(input.publishAs, 'input.publishAs', 5, 200);
    if (publicQuestion !== null && matterCode === null) {
      throw new BadUserInputError('input.publishAs is only for a consultation about a matter: its FAQ is the matter’s', 'input.publishAs');
    }
    const now = ctx.services.clock();
    const consultation = await ctx.services.consultations.insert({
      applicant_id: null,
      submitted_by: null,
      department_code: officer.department,
      matter_code: matterCode,
      channel: input.channel,
      question,
      asked_at: now.toISOString(),
      due_at: consultationDueAt(now),
      answer,
      answered_at: now.toISOString(),
      answered_by: officer.accountId,
      public_question: publicQuestion,
      public_answer: publicQuestion === null ? null : answer,
    });
    ctx.log.info({ consultationId: consultation.id, channel: input.channel }, 'consultation recorded');
    return consultation;
  }
}
