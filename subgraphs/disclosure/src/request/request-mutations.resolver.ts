import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { BadUserInputError, ConflictError, DateScalar, ForbiddenError, Role, addWorkingDays, checkText } from '@govgraph/kit';
import type { DisclosureContext } from '../context.js';
import { checkDepartmentCode, checkWords } from '../department.js';
import { recordOfficerReads, requestOfOfficer } from './request-access.js';
import { DisclosureOutcome, DisclosureRefusalGround, DisclosureRequestStatus, DisclosureReviewKind, DisclosureReviewResult, WITHHOLDING_OUTCOMES } from './request.enums.js';
import { DisclosureRequestInput } from './request.inputs.js';
import { DisclosureRequest, type RequestRecord } from './request.type.js';

/** 2019 regulation art. 33: an answer within 20 working days of receipt, extendable once by at most 20 more. */
export const ANSWER_WORKING_DAYS = 20;
export const MAX_EXTENSION_WORKING_DAYS = 20;

const ID_RULE = { max: 16, min: 1 };

/** The request as written, in this request's loader, and logged as the officer's read. */
async function written(ctx: DisclosureContext, record: RequestRecord, purpose: string): Promise<RequestRecord> {
  ctx.loaders.requestById.clear(record.id).prime(record.id, record);
  await recordOfficerReads(ctx, [record], purpose);
  return record;
}

@Resolver()
export class DisclosureRequestMutationsResolver {
  @Authorized()
  @Mutation(() => DisclosureRequest, {
    description:
      'An applicant (a person, or someone acting for an enterprise) asks a department for information. Received today (a city date); due 20 working days later (2019 regulation art. 33).',
  })
  async requestDisclosure(@Arg('input', () => DisclosureRequestInput) input: DisclosureRequestInput, @Ctx() ctx: DisclosureContext): Promise<RequestRecord> {
    const claims = ctx.claims!;
    if (!claims.applicantId) throw new ForbiddenError('Only an applicant may request disclosure');
    const departmentCode = checkDepartmentCode(input.departmentCode, 'input.departmentCode');
    const description = checkWords(input.description, 'input.description', 10, 2000);
    const receivedOn = ctx.services.today();
    const record = await ctx.services.requests.create({
      requesterId: claims.applicantId,
      submittedBy: claims.personId ?? claims.applicantId,
      departmentCode,
      description,
      receivedOn,
      dueOn: addWorkingDays(receivedOn, ANSWER_WORKING_DAYS),
    });
    ctx.loaders.requestById.prime(record.id, record);
    ctx.log.info({ requestId: record.id, department: departmentCode }, 'disclosure requested');
    return record;
  }

  @Authorized(Role.OFFICER)
  @Mutation(() => DisclosureRequest, {
    description:
      'An officer of the department extends the time limit, once, by 1 to 20 working days counted from the original due date; only while unanswered and not after the due date (CONFLICT otherwise).',
  })
  async extendDisclosureRequest(
    @Arg('id', () => ID) id: string,
    @Arg('days', () => Int, { description: 'Working days to add, 1 to 20.' }) days: number,
    @Arg('reason', () => String, { description: '2 to 500 characters, told to the requester.' }) reason: string,
    @Ctx() ctx: DisclosureContext,
  ): Promise<RequestRecord> {
    checkText(id, 'id', ID_RULE);
    if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_WORKING_DAYS) {
      throw new BadUserInputError(`days must be from 1 to ${MAX_EXTENSION_WORKING_DAYS}`, 'days');
    }
    const why = checkWords(reason, 'reason', 2, 500);
    const record = await requestOfOfficer(ctx, id, 'extend a disclosure request');
    const today = ctx.services.today();
    if (record.status === DisclosureRequestStatus.ANSWERED) throw new ConflictError('The request is already answered');
    if (record.extendedDays !== null) throw new ConflictError('The time limit was already extended once');
    if (today > record.dueOn) throw new ConflictError(`The request was due on ${record.dueOn}; it can no longer be extended`);
    const extended = await ctx.services.requests.extend(id, { days, reason: why, decidedOn: today, dueOn: addWorkingDays(record.originalDueOn, days) });
    if (!extended) throw new ConflictError('The request was answered or extended meanwhile');
    ctx.log.info({ requestId: id, days }, 'disclosure request extended');
    return written(ctx, extended, '延期答复政府信息公开申请');
  }

  @Authorized(Role.OFFICER)
  @Mutation(() => DisclosureRequest, {
    description:
      'An officer of the department answers a request, once (CONFLICT the second time). NOT_DISCLOSED and PARTIALLY_DISCLOSED need a refusalGround; the other outcomes take none.',
  })
  async answerDisclosureRequest(
    @Arg('id', () => ID) id: string,
    @Arg('outcome', () => DisclosureOutcome) outcome: DisclosureOutcome,
    @Ctx() ctx: DisclosureContext,
    @Arg('refusalGround', () => DisclosureRefusalGround, { nullable: true }) refusalGround?: DisclosureRefusalGround | null,
  ): Promise<RequestRecord> {
    checkText(id, 'id', ID_RULE);
    const withholds = WITHHOLDING_OUTCOMES.includes(outcome);
    if (withholds && !refusalGround) throw new BadUserInputError(`${outcome} needs a refusalGround`, 'refusalGround');
    if (!withholds && refusalGround) throw new BadUserInputError(`${outcome} takes no refusalGround`, 'refusalGround');
    const record = await requestOfOfficer(ctx, id, 'answer a disclosure request');
    if (record.status === DisclosureRequestStatus.ANSWERED) throw new ConflictError('The request is already answered');
    const result = await ctx.services.requests.answer(id, { outcome, refusalGround: refusalGround ?? null, repliedOn: ctx.services.today() });
    if (!result) throw new ConflictError('The request was answered meanwhile');
    ctx.log.info({ requestId: id, outcome }, 'disclosure request answered');
    return written(ctx, result, '答复政府信息公开申请');
  }

  @Authorized(Role.OFFICER)
  @Mutation(() => DisclosureRequest, {
    description:
      'An officer of the department records a reconsideration or lawsuit against an answered request (CONFLICT before an answer). filedOn is not before the reply nor in the future; closedOn goes with a result other than PENDING.',
  })
  async recordDisclosureReview(
    @Arg('requestId', () => ID) requestId: string,
    @Arg('kind', () => DisclosureReviewKind) kind: DisclosureReviewKind,
    @Arg('filedOn', () => DateScalar) filedOn: string,
    @Ctx() ctx: DisclosureContext,
    @Arg('result', () => DisclosureReviewResult, { nullable: true, description: 'PENDING when not given.' }) result?: DisclosureReviewResult | null,
    @Arg('closedOn', () => DateScalar, { nullable: true }) closedOn?: string | null,
  ): Promise<RequestRecord> {
    checkText(requestId, 'requestId', ID_RULE);
    const today = ctx.services.today();
    const outcome = result ?? DisclosureReviewResult.PENDING;
    if (filedOn > today) throw new BadUserInputError('filedOn is in the future', 'filedOn');
    if (outcome === DisclosureReviewResult.PENDING && closedOn) throw new BadUserInputError('A pending review has no closedOn', 'closedOn');
    if (outcome !== DisclosureReviewResult.PENDING && !closedOn) throw new BadUserInputError(`A review with result ${outcome} needs closedOn`, 'closedOn');
    if (closedOn && closedOn < filedOn) throw new BadUserInputError('closedOn is before filedOn', 'closedOn');
    if (closedOn && closedOn > today) throw new BadUserInputError('closedOn is in the future', 'closedOn');
    const record = await requestOfOfficer(ctx, requestId, 'record a review of a disclosure request');
    if (record.repliedOn === null) throw new ConflictError('Only an answered request can be reviewed');
    if (filedOn < record.repliedOn) throw new BadUserInputError(`filedOn is before the reply of ${record.repliedOn}`, 'filedOn');
    await ctx.services.requests.addReview({ requestId, departmentCode: record.departmentCode, kind, filedOn, result: outcome, closedOn: closedOn ?? null });
    ctx.loaders.reviewsByRequest.clear(requestId);
    ctx.log.info({ requestId, kind }, 'disclosure review recorded');
    return written(ctx, record, '记录政府信息公开行政复议或诉讼');
  }
}
