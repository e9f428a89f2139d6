import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireApplicant } from '@govgraph/kit';
import type { ExampleBureauContext } from '../context.js';
import { ExampleBureauRecord } from '../record/record.type.js';
import { Applicant } from './applicant.type.js';

@Resolver(() => Applicant)
export class ApplicantExampleBureauResolver {
  @FieldResolver(() => [ExampleBureauRecord], { description: "The applicant's example bureau records, newest first. Only the applicant may read them." })
  exampleBureauRecords(@Root() applicant: Applicant, @Ctx() ctx: ExampleBureauContext): Promise<ExampleBureauRecord[]> {
    // The gateway may ask for any applicant's id: only the caller acting as that applicant gets an answer.
    requireApplicant(ctx.claims, applicant.id, 'read their example bureau records');
    return ctx.loaders.recordsByApplicant.load(applicant.id);
  }
}
