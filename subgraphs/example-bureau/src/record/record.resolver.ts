import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { actsAs, checkText } from '@govgraph/kit';
import type { ExampleBureauContext } from '../context.js';
import { ExampleBureauRecord } from './record.type.js';

@Resolver(() => ExampleBureauRecord)
export class ExampleBureauRecordResolver {
  @Authorized()
  @Query(() => ExampleBureauRecord, { nullable: true, description: "One of the caller's example bureau records; null when they have none with this id." })
  async exampleBureauRecord(@Arg('id', () => ID) id: string, @Ctx() ctx: ExampleBureauContext): Promise<ExampleBureauRecord | null> {
    checkText(id, 'id', { max: 32 });
    const record = await ctx.loaders.recordById.load(id);
    // Someone else's record reads as none: a refusal would tell that it exists.
    return record && actsAs(ctx.claims, record.applicantId) ? record : null;
  }
}
