import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { BadUserInputError, DateScalar, cityDate } from '@govgraph/kit';
import { requireOfficer } from '../callers.js';
import type { ConsultationContext } from '../context.js';
import { checkOptionalTrimmed } from '../validation.js';
import { ConsultationPraiseKind } from './praise.enums.js';

@Resolver()
export class PraiseResolver {
  @Mutation(() => Boolean, { description: 'An officer records praise their department received (a letter, a banner, a plaque); counted in its annual report.' })
  async recordPraise(
    @Arg('kind', () => ConsultationPraiseKind) kind: ConsultationPraiseKind,
    @Arg('receivedOn', () => DateScalar, { description: 'Not in the future, not before 2000.' }) receivedOn: string,
    @Ctx() ctx: ConsultationContext,
    @Arg('note', () => String, { nullable: true, description: 'Up to 500 characters, without personal data.' }) note?: string | null,
  ): Promise<boolean> {
    const officer = requireOfficer(ctx.claims, 'record praise');
    if (receivedOn > cityDate(ctx.services.clock())) throw new BadUserInputError('receivedOn is in the future', 'receivedOn');
    if (receivedOn < '2000-01-01') throw new BadUserInputError('receivedOn is before 2000', 'receivedOn');
    const text = checkOptionalTrimmed(note, 'note', 0, 500);
    const id = await ctx.services.praise.insert({ departmentCode: officer.department, kind, receivedOn, note: text || null });
    ctx.log.info({ praiseId: id, kind }, 'praise recorded');
    return true;
  }
}
