import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { checkPageSize, requireApplicant } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import { readCursor, toConnection } from '../application/application-page.js';
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
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ApplicationConnection> {
    requireApplicant(ctx.claims, applicant.id, 'list their applications');
    const cursor = readCursor('mine', after);
    const page = await ctx.services.applications.ofApplicant(applicant.id, checkPageSize(first), cursor ? { at: cursor.sortKey, id: cursor.id } : null);
    for (const record of page.rows) ctx.loaders.applicationById.prime(record.id, record);
    return toConnection('mine', page, (r) => r.submittedAt);
  }
}
