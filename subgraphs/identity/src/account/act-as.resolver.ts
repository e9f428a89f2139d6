import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { DateTimeScalar, ForbiddenError, NotFoundError, UnauthenticatedError, checkText } from '@govgraph/kit';
import type { IdentityContext } from '../context.js';
import { Applicant } from '../applicant/applicant.interface.js';
import type { ApplicantRecord } from '../applicant/applicant.loader.js';
import { issueToken } from '../keys/tokens.js';

@ObjectType()
export class ActAsPayload {
  @Field(() => String, { description: 'A new bearer token acting for the applicant below.' })
  token!: string;

  @Field(() => DateTimeScalar)
  expiresAt!: Date;

  @Field(() => Applicant)
  applicant!: ApplicantRecord;
}

@Resolver()
export class ActAsResolver {
  @Authorized()
  @Mutation(() => ActAsPayload, {
    description: 'Act for an enterprise where the signed-in person is legal representative or a currently valid agent; enterpriseId null acts as oneself again.',
  })
  async actAs(@Ctx() ctx: IdentityContext, @Arg('enterpriseId', () => ID, { nullable: true }) enterpriseId?: string | null): Promise<ActAsPayload> {
    const claims = ctx.claims!;
    if (!claims.personId) throw new UnauthenticatedError('This token belongs to no person');
    const account = await ctx.loaders.accountById.load(claims.accountId);
    if (!account) throw new UnauthenticatedError('The account no longer exists');

    let applicant: ApplicantRecord | null;
    if (enterpriseId === null || enterpriseId === undefined) {
      applicant = await ctx.loaders.personById.load(claims.personId);
    } else {
      checkText(enterpriseId, 'enterpriseId', { max: 32 });
      applicant = enterpriseId.startsWith('E-') ? await ctx.loaders.enterpriseById.load(enterpriseId) : null;
      if (!applicant) throw new NotFoundError('Enterprise', enterpriseId);
      await this.requireAuthorised(ctx, claims.personId, enterpriseId);
    }
    if (!applicant) throw new NotFoundError('Person', claims.personId);

    const { token, expiresAt } = await issueToken(
      ctx.services.keys,
      { accountId: account.id, personId: claims.personId, applicantId: applicant.id, roles: account.roles, department: account.department },
      ctx.services.clock(),
    );
    ctx.log.info({ accountId: account.id, applicantId: applicant.id }, 'acting as');
    return { token, expiresAt, applicant };
  }

  private async requireAuthorised(ctx: IdentityContext, personId: string, enterpriseId: string): Promise<void> {
    const today = ctx.services.today();
    const links = await ctx.services.enterprises.linksBetween(personId, enterpriseId);
    if (links.some((l) => l.validFrom <= today && (l.validTo === null || l.validTo >= today))) return;
    const ended = links.find((l) => l.validTo !== null && l.validTo < today);
    throw new ForbiddenError(
      ended ? `Your authorisation for this enterprise ended on ${ended.validTo}` : 'You are neither legal representative nor agent of this enterprise',
    );
  }
}
