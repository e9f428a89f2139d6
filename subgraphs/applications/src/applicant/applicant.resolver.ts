import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { PAGE_FIRST, PAGE_LAST, argumentGiven, requireApplicant } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import { readPage, toConnection } from '../application/application-page.js';
import { ApplicationConnection } from '../application/application.type.js';
import { Document } from '../document/document.type.js';
import { Applicant } from './applicant.type.js';

@Resolver(() => Applicant)
export class ApplicantDocumentsResolver {
  @FieldResolver(() => [Document], { description: 'Documents the applicant uploaded, newest first.' })
  documents(@Root() applicant: Applicant, @Ctx() ctx: ApplicationsContext): Promise<Document[]> {
    requireApplicant(ctx.claims, applicant.id, 'list their documents');
    return ctx.loaders.documentsByOwner.load(applicant.id);
  }

  @FieldResolver(() => ApplicationConnection, { description: "The applicant's applications, newest first." })
  async applications(
    @Root() applicant: Applicant,
    @Ctx() ctx: ApplicationsContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: PAGE_FIRST }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('last', () => Int, { nullable: true, description: PAGE_LAST }) last?: number | null,
    @Arg('before', () => String, { nullable: true }) before?: string | null,
  ): Promise<ApplicationConnection> {
    requireApplicant(ctx.claims, applicant.id, 'list their applications');
    const request = readPage('mine', { first: argumentGiven(info, 'first') ? first : null, after, last, before });
    const cursor = request.cursor && { at: request.cursor.sortKey, id: request.cursor.id };
    const page = await ctx.services.applications.ofApplicant(applicant.id, { ...request, cursor });
    for (const record of page.rows) ctx.loaders.applicationById.prime(record.id, record);
    return toConnection('mine', page, (r) => r.submittedAt);
  }
}
