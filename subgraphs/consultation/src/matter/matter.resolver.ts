import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '@govgraph/kit';
import type { ConsultationContext } from '../context.js';
import { ConsultationFrequentQuestion, Matter } from './matter.type.js';

@Resolver(() => Matter)
export class MatterFrequentQuestionsResolver {
  @FieldResolver(() => [ConsultationFrequentQuestion], {
    description:
      "The matter's frequently asked questions (常见问题), public: only the pairs answering officers published, rewritten without personal data, grouped by question, most asked first. first: 1 to 20.",
  })
  async frequentQuestions(
    @Root() matter: Matter,
    @Ctx() ctx: ConsultationContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first?: number | null,
  ): Promise<ConsultationFrequentQuestion[]> {
    const size = first ?? 5;
    if (!Number.isInteger(size) || size < 1 || size > 20) throw new BadUserInputError('first must be between 1 and 20', 'first');
    const found = await ctx.loaders.frequentQuestionsByMatter.load(matter.code);
    return (found?.questions ?? []).slice(0, size);
  }
}
