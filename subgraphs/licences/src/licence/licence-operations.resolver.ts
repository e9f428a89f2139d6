import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { BadUserInputError, ConflictError, DateScalar, ForbiddenError, NotFoundError, Role, checkText, formatLicenceId, isUniqueViolation, parseLicenceId } from '@govgraph/kit';
import type { LicencesContext } from '../context.js';
import { HolderKind } from '../licence-type/licence-type.enums.js';
import type { LicenceType } from '../licence-type/licence-type.type.js';
import { signedContent } from '../signing/licence-content.js';
import { issueTarget } from '../case/holder-from-grant.js';
import { requireApprovedCase } from '../case/require-approved-case.js';
import { announceStatus } from './announce-status.js';
import { IssueLicenceInput } from './licence-inputs.js';
import { STATUS_CODES, effectiveStatus } from './licence-status.js';
import { LicenceStatus } from './licence.enums.js';
import { Licence, type LicenceRecord } from './licence.type.js';
import { operationOutcome } from './operation-outcome.js';

@ObjectType()
export class IssueLicencePayload {
  @Field(() => Licence)
  licence!: LicenceRecord;
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/** Only officers of the department that issues a type may issue, suspend, revoke, cancel or renew it. */
function requireIssuer(ctx: LicencesContext, type: LicenceType): void {
  if (ctx.claims?.department !== type.issuer.code) {
    throw new ForbiddenError(`Only officers of the issuing department may act on ${type.name}`);
  }
}

/** What each action may start from, and where it leads. */
const TRANSITIONS: Record<string, { from: LicenceStatus[]; to: LicenceStatus }> = {
  suspend: { from: [LicenceStatus.VALID], to: LicenceStatus.SUSPENDED },
  reinstate: { from: [LicenceStatus.SUSPENDED], to: LicenceStatus.VALID },
  revoke: { from: [LicenceStatus.VALID, LicenceStatus.SUSPENDED], to: LicenceStatus.REVOKED },
  penaltyRevoke: { from: [LicenceStatus.VALID, LicenceStatus.SUSPENDED], to: LicenceStatus.PENALTY_REVOKED },
  cancel: { from: [LicenceStatus.VALID, LicenceStatus.SUSPENDED, LicenceStatus.EXPIRED], to: LicenceStatus.CANCELLED },
};

@Resolver()
export class LicenceOperationsResolver {
  @Authorized(Role.OFFICER)
  @Mutation(() => IssueLicencePayload, { description: 'Issues and signs a licence; only an officer of the type’s issuing department.' })
  async issueLicence(@Arg('input', () => IssueLicenceInput) input: IssueLicenceInput, @Ctx() ctx: LicencesContext): Promise<IssueLicencePayload> {
    checkText(input.typeCode, 'input.typeCode', { max: 32 });
    const type = await ctx.loaders.typeByCode.load(input.typeCode);
    if (!type) throw new NotFoundError('Licence type', input.typeCode);
    requireIssuer(ctx, type);

    checkText(input.holderId, 'input.holderId', { max: 2048 });
    if (input.caseId) checkText(input.caseId, 'input.caseId', { max: 32 });
    const target = issueTarget(ctx, input.holderId, input.caseId ?? undefined);
    const holderPattern = type.holderKind === HolderKind.PERSON ? /^P-\d{6}$/ : /^E-\d{6}$/;
    if (!holderPattern.test(target.holderId)) {
      throw new BadUserInputError(`input.holderId must be ${type.holderKind === HolderKind.PERSON ? 'a person (P-…)' : 'an enterprise (E-…)'} for ${type.name}`, 'input.holderId');
    }
    checkText(input.holderName, 'input.holderName', { min: 1, max: 200 });
    if (input.number !== undefined && input.number !== null) checkText(input.number, 'input.number', { min: 1, max: 64 });
    if (target.caseId) await requireApprovedCase(ctx, target.caseId, target.holderId, type.issuer.code);
    const allowed = new Set(type.fields.map((f) => f.key));
    const data: Record<string, string> = {};
    for (const entry of input.data ?? []) {
      if (!allowed.has(entry.key)) throw new BadUserInputError(`input.data has ${JSON.stringify(entry.key.slice(0, 40))}, which ${type.name} does not carry`, 'input.data');
      data[entry.key] = checkText(entry.value, `input.data.${entry.key}`, { max: 500 });
    }
    const validFrom = input.validFrom ?? ctx.services.today();
    const validTo = input.validTo ?? (type.defaultValidityYears ? addYears(validFrom, type.defaultValidityYears) : null);
    if (validTo !== null && validTo < validFrom) throw new BadUserInputError('input.validTo is before validFrom', 'input.validTo');

    // Serials are the next free number of the type; two officers issuing at once may pick the same
    // one, and the loser takes the next.
    for (let attempt = 1; ; attempt++) {
      const serial = String(await ctx.services.writer.nextSerial(type.code)).padStart(8, '0');
      const id = formatLicenceId({ typeCode: type.code, issuerCreditCode: type.issuer.code, serial, version: '1' });
      const content = {
        id,
        typeCode: type.code,
        number: input.number ?? `${type.code}${serial}`,
        holderId: target.holderId,
        holderName: input.holderName,
        issuerCode: type.issuer.code,
        issuedOn: ctx.services.today(),
        validFrom,
        validTo,
        data,
        version: 1,
        previousId: null,
        caseId: target.caseId ?? null,
      };
      const { kid, signature } = await ctx.services.keys.sign(type.issuer.code, signedContent(content));
      const licence: LicenceRecord = { ...content, statusCode: STATUS_CODES[LicenceStatus.VALID], signature, keyId: kid };
      try {
        await ctx.services.writer.insert(licence, this.event(ctx, id, 'issue', target.caseId ? `case ${target.caseId}` : null));
      } catch (error) {
        if (isUniqueViolation(error) && attempt < 5) continue;
        throw error;
      }
      ctx.log.info({ licenceId: id, type: type.code }, 'licence issued');
      await announceStatus(ctx, licence, 'issue', LicenceStatus.VALID);
      return { licence };
    }
  }
  @Authorized(Role.OFFICER)
  @Mutation(() => Licence, { description: 'Suspends a valid licence (暂扣).' })
  suspendLicence(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: LicencesContext) {
    return this.transition(ctx, id, 'suspend', reason);
  }

  @Authorized(Role.OFFICER)
  @Mutation(() => Licence, { description: 'Lifts a suspension.' })
  reinstateLicence(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: LicencesContext) {
    return this.transition(ctx, id, 'reinstate', reason);
  }

  @Authorized(Role.OFFICER)
  @Mutation(() => Licence, { description: 'Revokes a licence (撤销), or as a penalty (吊销) when asPenalty is true.' })
  revokeLicence(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: LicencesContext,
    @Arg('asPenalty', () => Boolean, { defaultValue: false }) asPenalty?: boolean,
  ) {
    return this.transition(ctx, id, asPenalty ? 'penaltyRevoke' : 'revoke', reason);
  }

  @Authorized(Role.OFFICER)
  @Mutation(() => Licence, { description: 'Cancels a licence (注销), e.g. at the holder’s request.' })
  cancelLicence(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: LicencesContext) {
    return this.transition(ctx, id, 'cancel', reason);
  }

  @Authorized(Role.OFFICER)
  @Mutation(() => Licence, { description: 'Renews a licence: a new version, signed, linked to the old one, which is cancelled.' })
  async renewLicence(@Arg('id', () => ID) id: string, @Ctx() ctx: LicencesContext, @Arg('validTo', () => DateScalar, { nullable: true }) validTo?: string): Promise<LicenceRecord> {
    const { licence, type } = await this.load(ctx, id);
    const status = effectiveStatus(licence.statusCode, licence.validTo, ctx.services.today());
    if (status !== LicenceStatus.VALID && status !== LicenceStatus.EXPIRED) throw new ConflictError(`A ${status.toLowerCase()} licence cannot be renewed`);
    const parts = parseLicenceId(licence.id)!;
    const nextId = formatLicenceId({ ...parts, version: String(licence.version + 1) });
    const validFrom = ctx.services.today();
    const end = validTo ?? (type.defaultValidityYears ? addYears(validFrom, type.defaultValidityYears) : null);
    if (end !== null && end < validFrom) throw new BadUserInputError('validTo must not be before today', 'validTo');
    const content = { ...licence, id: nextId, issuedOn: validFrom, validFrom, validTo: end, version: licence.version + 1, previousId: licence.id, caseId: null };
    const { kid, signature } = await ctx.services.keys.sign(type.issuer.code, signedContent(content));
    const renewed: LicenceRecord = { ...content, statusCode: STATUS_CODES[LicenceStatus.VALID], signature, keyId: kid };
    await ctx.services.writer.insert(renewed, this.event(ctx, nextId, 'renew', `renews ${licence.id}`), { id: licence.id, statusCode: STATUS_CODES[LicenceStatus.CANCELLED] });
    await announceStatus(ctx, licence, 'renew', LicenceStatus.CANCELLED);
    await announceStatus(ctx, renewed, 'renew', LicenceStatus.VALID);
    return operationOutcome(ctx, renewed, 'renew', null);
  }

  private async load(ctx: LicencesContext, id: string): Promise<{ licence: LicenceRecord; type: LicenceType }> {
    checkText(id, 'id', { max: 128 });
    const licence = await ctx.loaders.licenceById.load(id);
    if (!licence) throw new NotFoundError('Licence', id);
    const type = await ctx.loaders.typeByCode.load(licence.typeCode);
    if (!type) throw new NotFoundError('Licence type', licence.typeCode);
    requireIssuer(ctx, type);
    return { licence, type };
  }

  private async transition(ctx: LicencesContext, id: string, action: keyof typeof TRANSITIONS, reason: string): Promise<LicenceRecord> {
    checkText(reason, 'reason', { min: 1, max: 500 });
    const { licence } = await this.load(ctx, id);
    const rule = TRANSITIONS[action]!;
    const status = effectiveStatus(licence.statusCode, licence.validTo, ctx.services.today());
    if (!rule.from.includes(status)) throw new ConflictError(`Cannot ${action === 'penaltyRevoke' ? 'revoke' : action} a licence that is ${status.toLowerCase()}`);
    const to = STATUS_CODES[rule.to];
    const changed = await ctx.services.writer.changeStatus(licence.id, licence.statusCode, to, this.event(ctx, licence.id, action, reason));
    if (!changed) throw new ConflictError('The licence changed meanwhile; read it again');
    ctx.log.info({ licenceId: licence.id, action }, 'licence status changed');
    await announceStatus(ctx, licence, action, rule.to);
    return operationOutcome(ctx, { ...licence, statusCode: to }, action, reason);
  }

  private event(ctx: LicencesContext, licenceId: string, action: string, reason: string | null) {
    return { licenceId, at: ctx.services.clock().toISOString(), action, actorAccountId: ctx.claims?.accountId ?? null, departmentCode: ctx.claims?.department ?? null, reason };
  }
}
