import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { DateTimeScalar, ForbiddenError, NotFoundError, UnauthenticatedError, checkText } from '@govgraph/kit';
import type { IdentityContext } from '../context.js';
import { Applicant } from '../applicant/applicant.interface.js';
import type { ApplicantRecord } from '../applicant/applicant.loader.js';
import { currentOn, type AgentLinkPeriod } from '../enterprise/enterprise.repository.js';
import { AgentRole } from '../enterprise/enterprise.enums.js';
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
    let right: AgentLinkPeriod | null = null;
    if (enterpriseId === null || enterpriseId === undefined) {
      applicant = await ctx.loaders.personById.load(claims.personId);
    } else {
      checkText(enterpriseId, 'enterpriseId', { max: 32 });
      applicant = enterpriseId.startsWith('E-') ? await ctx.loaders.enterpriseById.load(enterpriseId) : null;
      if (!applicant) throw new NotFoundError('Enterprise', enterpriseId);
      right = await this.requireAuthorised(ctx, claims.personId, enterpriseId);
    }
    if (!applicant) throw new NotFoundError('Person', claims.personId);

    const { token, expiresAt } = await issueToken(
      ctx.services.keys,
      {
        accountId: account.id,
        personId: claims.personId,
        applicantId: applicant.id,
        roles: account.roles,
        department: account.department,
        // An agent's token names its authorisation, so ending it ends the token; a legal representative's names none.
        authorisationId: right?.authorisationId ?? null,
      },
      ctx.services.clock(),
      right?.validTo ? { notAfter: endOfCityDay(right.validTo) } : {},
    );
    ctx.log.info({ accountId: account.id, applicantId: applicant.id, authorisationId: right?.authorisationId ?? null }, 'acting as');
    return { token, expiresAt, applicant };
  }

  /** The link that lets the person act for the enterprise today; the legal representative's first. */
  private async requireAuthorised(ctx: IdentityContext, personId: string, enterpriseId: string): Promise<AgentLinkPeriod> {
    const today = ctx.services.today();
    const links = await ctx.services.enterprises.linksBetween(personId, enterpriseId);
    const current = links.filter((l) => currentOn(l, today));
    const right = current.find((l) => l.role === AgentRole.LEGAL_REPRESENTATIVE) ?? current[0];
    if (right) return right;
    const ended = links.find((l) => l.validTo !== null && l.validTo < today);
    throw new ForbiddenError(ended ? `Your authorisation for this enterprise ended on ${ended.validTo}` : 'You are neither legal representative nor agent of this enterprise');
  }
}

/** The instant a city date ends (UTC+8): a token acting under an authorisation lives no longer. */
function endOfCityDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000);
}
