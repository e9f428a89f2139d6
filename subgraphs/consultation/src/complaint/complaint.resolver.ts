import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, checkText } from '@govgraph/kit';
import { requireActingApplicant, requireOfficer } from '../callers.js';
import type { ConsultationContext } from '../context.js';
import { COMPLAINT_READ, HALL_OFFICE_CODE, recordOfficerReads } from '../consultation/consultation-access.js';
import { checkDepartmentCode, checkMatterCode, checkOptionalTrimmed, checkTrimmed } from '../validation.js';
import { ConsultationComplaintOutcome } from './complaint.enums.js';
import { FileComplaintInput } from './complaint.inputs.js';
import { ConsultationComplaint } from './complaint.type.js';

@Resolver(() => ConsultationComplaint)
export class ComplaintResolver {
  @Mutation(() => ConsultationComplaint, { description: 'An applicant complains about a department; the hall office coordinates.' })
  async fileComplaint(@Arg('input', () => FileComplaintInput) input: FileComplaintInput, @Ctx() ctx: ConsultationContext): Promise<ConsultationComplaint> {
    const complainant = requireActingApplicant(ctx.claims, 'file a complaint');
    const departmentCode = checkDepartmentCode(input.departmentCode, 'input.departmentCode');
    const matterCode = checkMatterCode(input.matterCode, 'input.matterCode');
    const subject = checkTrimmed(input.subject, 'input.subject', 5, 1000);
    const complaint = await ctx.services.complaints.insert({
      applicantId: complainant.applicantId,
      submittedBy: complainant.personId,
      departmentCode,
      matterCode,
      subject,
      receivedAt: ctx.services.clock().toISOString(),
    });
    ctx.log.info({ complaintId: complaint.id, departmentCode }, 'complaint filed');
    return complaint;
  }

  @Mutation(() => ConsultationComplaint, {
    description: 'An officer of the hall office, who coordinates between complainant and department, closes an open complaint, once.',
  })
  async closeComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('outcome', () => ConsultationComplaintOutcome) outcome: ConsultationComplaintOutcome,
    @Arg('coordinated', () => Boolean, { description: 'Whether the hall office coordinated between complainant and department (协调).' }) coordinated: boolean,
    @Ctx() ctx: ConsultationContext,
    @Arg('note', () => String, { nullable: true, description: 'Up to 1000 characters.' }) note?: string | null,
  ): Promise<ConsultationComplaint> {
    const officer = requireOfficer(ctx.claims, 'close a complaint');
    if (officer.department !== HALL_OFFICE_CODE) throw new ForbiddenError('Only an officer of the hall office closes complaints');
    checkText(id, 'id', { max: 32 });
    const text = checkOptionalTrimmed(note, 'note', 0, 1000);
    const complaint = await ctx.loaders.complaintById.load(id);
    if (!complaint) throw new NotFoundError('Complaint', id);
    if (complaint.closedAt !== null) throw new ConflictError(`Complaint ${id} is already closed`);
    // The closed complaint returns the complainant's subject to the officer: logged before anything is written.
    await recordOfficerReads(ctx, [complaint], COMPLAINT_READ);
    const closed = await ctx.services.complaints.close(id, { outcome, coordinated, note: text || null, closedAt: ctx.services.clock().toISOString() });
    if (!closed) throw new ConflictError(`Complaint ${id} is already closed`);
    ctx.loaders.complaintById.clear(id).prime(id, closed);
    ctx.log.info({ complaintId: id, outcome, coordinated }, 'complaint closed');
    return closed;
  }

  @Mutation(() => ConsultationComplaint, { description: 'The complainant rates the handling of their closed complaint, 1 to 5, once.' })
  async rateComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('rating', () => Int, { description: '1 (very dissatisfied) to 5 (very satisfied).' }) rating: number,
    @Ctx() ctx: ConsultationContext,
  ): Promise<ConsultationComplaint> {
    const complainant = requireActingApplicant(ctx.claims, 'rate a complaint');
    checkText(id, 'id', { max: 32 });
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw new BadUserInputError('rating must be between 1 and 5', 'rating');
    const complaint = await ctx.loaders.complaintById.load(id);
    // Someone else's complaint does not exist for this caller.
    if (!complaint || complaint.applicantId !== complainant.applicantId) throw new NotFoundError('Complaint', id);
    if (complaint.closedAt === null) throw new ConflictError(`Complaint ${id} is not closed yet: rate it once the hall office has closed it`);
    if (complaint.rating !== null) throw new ConflictError(`Complaint ${id} is already rated`);
    const rated = await ctx.services.complaints.rate(id, rating, ctx.services.clock().toISOString());
    if (!rated) throw new ConflictError(`Complaint ${id} is already rated`);
    ctx.loaders.complaintById.clear(id).prime(id, rated);
    return rated;
  }
}
