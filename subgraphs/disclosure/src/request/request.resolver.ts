import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { DepartmentStub, PAGE_FIRST, PAGE_LAST, argumentGiven } from '@govgraph/kit';
import type { DisclosureContext } from '../context.js';
import { readPage, toConnection } from '../page.js';
import { HANDLING_PURPOSE, officerDepartment, recordOfficerReads, visibleRequest } from './request-access.js';
import { DisclosureRequestStatus, OPEN_STATUSES } from './request.enums.js';
import { DisclosureExtension, DisclosureRequest, DisclosureRequestConnection, DisclosureReview, type RequestRecord, type ReviewRecord } from './request.type.js';

@Resolver(() => DisclosureRequest)
export class DisclosureRequestResolver {
  @Authorized()
  @Query(() => DisclosureRequest, {
    nullable: true,
    description: "One request: for its requester, or for an officer of the department asked (the read is written to the requester's data-access log first); null for anyone else.",
  })
  disclosureRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: DisclosureContext): Promise<RequestRecord | null> {
    return visibleRequest(ctx, id);
  }

  @Query(() => DisclosureRequestConnection, {
    description:
      "The officer's disclosure workbench: requests to their own department, earliest due date first; without a status, those still waiting for an answer. Each read is written to the requesters' data-access logs first.",
  })
  async departmentDisclosureRequests(
    @Ctx() ctx: DisclosureContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('status', () => DisclosureRequestStatus, { nullable: true }) status?: DisclosureRequestStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: PAGE_FIRST }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('last', () => Int, { nullable: true, description: PAGE_LAST }) last?: number | null,
    @Arg('before', () => String, { nullable: true }) before?: string | null,
  ): Promise<DisclosureRequestConnection> {
    const department = officerDepartment(ctx, 'read a department’s disclosure requests');
    const request = readPage('disclosure-queue', { first: argumentGiven(info, 'first') ? first : null, after, last, before });
    const page = await ctx.services.requests.queue(department, status ? [status] : OPEN_STATUSES, request);
    await recordOfficerReads(ctx, page.rows, HANDLING_PURPOSE);
    for (const record of page.rows) ctx.loaders.requestById.prime(record.id, record);
    return toConnection('disclosure-queue', page, (r) => r.dueOn);
  }

  @FieldResolver(() => DepartmentStub)
  department(@Root() record: RequestRecord): DepartmentStub {
    return { code: record.departmentCode };
  }

  @FieldResolver(() => DisclosureExtension, { nullable: true })
  extension(@Root() record: RequestRecord): DisclosureExtension | null {
    if (record.extendedDays === null || record.extendedOn === null) return null;
    return { days: record.extendedDays, reason: record.extensionReason ?? '', decidedOn: record.extendedOn, originalDueOn: record.originalDueOn };
  }

  @FieldResolver(() => Boolean, { nullable: true })
  answeredOnTime(@Root() record: RequestRecord): boolean | null {
    return record.repliedOn === null ? null : record.repliedOn <= record.dueOn;
  }

  @FieldResolver(() => [DisclosureReview])
  reviews(@Root() record: RequestRecord, @Ctx() ctx: DisclosureContext): Promise<ReviewRecord[]> {
    return ctx.loaders.reviewsByRequest.load(record.id);
  }
}
