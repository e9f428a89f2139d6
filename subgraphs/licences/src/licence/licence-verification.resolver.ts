import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { DateScalar, DepartmentStub, RateLimitedError, checkText, isOver, parseLicenceId } from '@govgraph/kit';
import type { LicencesContext } from '../context.js';
import { signedContent } from '../signing/licence-content.js';
import { effectiveStatus } from './licence-status.js';
import { LicenceStatus } from './licence.enums.js';

@ObjectType({ description: 'What anyone holding a licence identifier may learn: whether it is genuine and valid.' })
export class LicenceVerification {
  @Field(() => ID)
  id!: string;

  @Field(() => Boolean, { description: 'Issued by the library and unaltered: its issuer’s signature verifies over its content.' })
  genuine!: boolean;

  @Field(() => LicenceStatus, { nullable: true })
  status!: LicenceStatus | null;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. 张* or 深圳市示*******: never the full name.' })
  holderNameMasked!: string | null;

  @Field(() => DateScalar, { nullable: true })
  validTo!: string | null;

  @Field(() => DepartmentStub, { nullable: true })
  issuer!: DepartmentStub | null;
}

/** 张三 → 张*; 深圳市示例科技有限公司 → 深圳市示**********: enough to recognise, not to learn. */
export function maskHolderName(name: string): string {
  const characters = [...name];
  const keep = characters.length > 6 ? 4 : 1;
  return characters.slice(0, keep).join('') + '*'.repeat(Math.max(1, characters.length - keep));
}

const VERIFY_RULE = { limit: 60, windowSeconds: 60 };

@Resolver(() => LicenceVerification)
export class LicenceVerificationResolver {
  @Query(() => LicenceVerification, { description: 'Public: checks a licence identifier (e.g. from its QR code). Rate-limited per client address.' })
  async verifyLicence(@Arg('id', () => ID) id: string, @Ctx() ctx: LicencesContext): Promise<LicenceVerification> {
    checkText(id, 'id', { max: 128 });
    const budget = await ctx.services.rateLimiter.hit(`verify:address:${ctx.clientAddress ?? 'unknown'}`, VERIFY_RULE);
    if (isOver(budget, VERIFY_RULE)) throw new RateLimitedError(budget.resetInSeconds);

    const notGenuine = { id, genuine: false, status: null, title: null, holderNameMasked: null, validTo: null, issuer: null };
    if (!parseLicenceId(id)) return notGenuine;
    const licence = await ctx.loaders.licenceById.load(id);
    if (!licence) return notGenuine;
    const genuine = await ctx.services.keys.verify(licence.keyId, signedContent(licence), licence.signature);
    if (!genuine) {
      ctx.log.warn({ licenceId: id }, 'licence failed signature verification');
      return notGenuine;
    }
    const type = await ctx.loaders.typeByCode.load(licence.typeCode);
    return {
      id,
      genuine: true,
      status: effectiveStatus(licence.statusCode, licence.validTo, ctx.services.today()),
      title: type?.name ?? null,
      holderNameMasked: maskHolderName(licence.holderName),
      validTo: licence.validTo,
      issuer: { code: licence.issuerCode },
    };
  }
}
