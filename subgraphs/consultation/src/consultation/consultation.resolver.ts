import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { PAGE_FIRST, PAGE_LAST, argumentGiven, checkText } from '@govgraph/kit';
import { requireOfficer } from '../callers.js';
import type { ConsultationContext } from '../context.js';
import { recordOfficerReads, visibleConsultation } from './consultation-access.js';
import { readQueuePage, toConnection } from './consultation-page.js';
import { ConsultationStatus } from './consultation.enums.js';
import { Consultation, ConsultationConnection } from './consultation.type.js';

@Resolver(() => Consultation)
export class ConsultationResolver {
  @Authorized()
  @Query(() => Consultation, { nullable: true, description: 'One consultation: for its asker, or an officer of the department asked; null for anyone else.' })
  async consultation(@Arg('id', () => ID) id: string, @Ctx() ctx: ConsultationContext): Promise<Consultation | null> {
    checkText(id, 'id', { max: 32 });
    // Someone else's consultation reads as none: a refusal would tell that it exists.
    return visibleConsultation(ctx, id);
  }

  @Query(() => ConsultationConnection, {
    description: "The officer's consultations: their own department's, earliest due first; a status narrows them to the waiting or the answered.",
  })
  async departmentConsultations(
    @Ctx() ctx: ConsultationContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('status', () => ConsultationStatus, { nullable: true }) status?: ConsultationStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: PAGE_FIRST }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('last', () => Int, { nullable: true, description: PAGE_LAST }) last?: number | null,
    @Arg('before', () => String, { nullable: true }) before?: string | null,
  ): Promise<ConsultationConnection> {
    const officer = requireOfficer(ctx.claims, "read a department's consultations");
    const request = readQueuePage({ first: argumentGiven(info, 'first') ? first : null, after, last, before });
    const page = await ctx.services.consultations.queue(officer.department, status ?? null, request);
    for (const consultation of page.rows) ctx.loaders.consultationById.prime(consultation.id, consultation);
    await recordOfficerReads(ctx, page.rows);
    return toConnection(page);
  }
}
