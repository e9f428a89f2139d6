import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireApplicant } from '@govgraph/kit';
import type { DisclosureContext } from '../context.js';
import { DisclosureRequest, type RequestRecord } from '../request/request.type.js';
import { Applicant } from './applicant.type.js';

@Resolver(() => Applicant)
export class ApplicantDisclosureResolver {
  @FieldResolver(() => [DisclosureRequest], { description: "The applicant's requests for disclosure, newest first. Only the applicant may read them." })
  disclosureRequests(@Root() applicant: Applicant, @Ctx() ctx: DisclosureContext): Promise<RequestRecord[]> {
    // The gateway may ask for any applicant's id: only the caller acting as that applicant gets an answer.
    requireApplicant(ctx.claims, applicant.id, 'read their disclosure requests');
    return ctx.loaders.requestsByRequester.load(applicant.id);
  }
}
