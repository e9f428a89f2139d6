import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireApplicant } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import { Document } from '../document/document.type.js';
import { Applicant } from './applicant.type.js';

@Resolver(() => Applicant)
export class ApplicantDocumentsResolver {
  @FieldResolver(() => [Document], { description: 'Documents the applicant uploaded, newest first.' })
  documents(@Root() applicant: Applicant, @Ctx() ctx: ApplicationsContext): Promise<Document[]> {
    requireApplicant(ctx.claims, applicant.id, 'list their documents');
    return ctx.loaders.documentsByOwner.load(applicant.id);
  }
}
