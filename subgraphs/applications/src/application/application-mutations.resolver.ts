import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ApplicationsContext } from '../context.js';
import { CorrectApplicationInput, SubmitApplicationInput, WithdrawApplicationInput } from '../submission/submission.inputs.js';
import type { ApplicationRecord } from './application.record.js';
import { ApplicationPayload, DecideApplicationInput } from './submission-payloads.js';

function payload(ctx: ApplicationsContext, record: ApplicationRecord): { application: ApplicationRecord } {
  ctx.loaders.applicationById.clear(record.id).prime(record.id, record);
  return { application: record };
}

@Resolver()
export class ApplicationMutationsResolver {
  @Mutation(() => ApplicationPayload, {
    description:
      'Submits the form the applicant opened with StartForm. Every problem is reported at once (BAD_USER_INPUT with extensions.problems); the same idempotencyKey returns the same application.',
  })
  async submitApplication(@Arg('input', () => SubmitApplicationInput) input: SubmitApplicationInput, @Ctx() ctx: ApplicationsContext) {
    return payload(ctx, await ctx.services.submissions.submit(ctx.claims, input));
  }

  @Mutation(() => ApplicationPayload, { description: 'An officer accepts, requests a correction, approves, rejects or completes a case of their department.' })
  async decideApplication(@Arg('input', () => DecideApplicationInput) input: DecideApplicationInput, @Ctx() ctx: ApplicationsContext) {
    return payload(ctx, await ctx.services.lifecycle.decide(ctx.claims, input));
  }

  @Mutation(() => ApplicationPayload, { description: 'The applicant answers a correction request (补正); the clock runs again and the deadline moves by the paused working days.' })
  async correctApplication(@Arg('input', () => CorrectApplicationInput) input: CorrectApplicationInput, @Ctx() ctx: ApplicationsContext) {
    return payload(ctx, await ctx.services.lifecycle.correct(ctx.claims, input));
  }

  @Mutation(() => ApplicationPayload, { description: 'The applicant withdraws an application before it is decided.' })
  async withdrawApplication(@Arg('input', () => WithdrawApplicationInput) input: WithdrawApplicationInput, @Ctx() ctx: ApplicationsContext) {
    return payload(ctx, await ctx.services.lifecycle.withdraw(ctx.claims, input));
  }
}
