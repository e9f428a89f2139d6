import { Ctx, Directive, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { DepartmentStub, ForbiddenError } from '@govgraph/kit';
import { outcomeOnly } from './operation-outcome.js';
import type { LicencesContext } from '../context.js';
import { LicenceType } from '../licence-type/licence-type.type.js';
import { Applicant } from '../applicant/applicant.type.js';
import { LicenceDataEntry } from './licence-data.type.js';
import { LicenceHistoryEntry } from './licence-history.type.js';
import { effectiveStatus } from './licence-status.js';
import { LicenceStatus } from './licence.enums.js';
import { Licence, type LicenceRecord } from './licence.type.js';

@Resolver(() => Licence)
export class LicenceResolver {
  @Directive('@shareable')
  @FieldResolver(() => String, { description: 'The licence type name, e.g. 机动车驾驶证.' })
  async title(@Root() licence: LicenceRecord, @Ctx() ctx: LicencesContext): Promise<string> {
    return (await ctx.loaders.typeByCode.load(licence.typeCode))?.name ?? licence.typeCode;
  }

  @FieldResolver(() => LicenceType)
  async type(@Root() licence: LicenceRecord, @Ctx() ctx: LicencesContext): Promise<LicenceType> {
    const type = await ctx.loaders.typeByCode.load(licence.typeCode);
    if (!type) throw new Error(`licence ${licence.id} has unknown type ${licence.typeCode}`);
    return type;
  }

  @FieldResolver(() => LicenceStatus, { description: 'Current status: a licence past its validTo reads EXPIRED.' })
  status(@Root() licence: LicenceRecord, @Ctx() ctx: LicencesContext): LicenceStatus {
    return effectiveStatus(licence.statusCode, licence.validTo, ctx.services.today());
  }

  @FieldResolver(() => DepartmentStub)
  issuer(@Root() licence: LicenceRecord): DepartmentStub {
    return { code: licence.issuerCode };
  }

  @FieldResolver(() => Applicant)
  holder(@Root() licence: LicenceRecord): Pick<Applicant, 'id'> {
    return { id: licence.holderId };
  }

  @FieldResolver(() => Licence, { nullable: true, description: 'The licence this one renews or changes.' })
  async previous(@Root() licence: LicenceRecord, @Ctx() ctx: LicencesContext): Promise<LicenceRecord | null> {
    const previous = licence.previousId ? await ctx.loaders.licenceById.load(licence.previousId) : null;
    return previous && licence.outcomeOnly ? outcomeOnly(previous) : previous;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The case that decided it, when issued through a case.' })
  caseId(@Root() licence: LicenceRecord): string | null {
    refuseOnOutcome(licence, 'caseId');
    return licence.caseId;
  }

  @FieldResolver(() => [LicenceHistoryEntry], { description: 'What happened to it since the library holds it (seeded licences start empty).' })
  async history(@Root() licence: LicenceRecord, @Ctx() ctx: LicencesContext): Promise<LicenceHistoryEntry[]> {
    const events = await ctx.loaders.historyByLicence.load(licence.id);
    return events.map((e) => ({ at: e.at, action: e.action, department: e.departmentCode ? { code: e.departmentCode } : null, reason: e.reason }));
  }

  @FieldResolver(() => [LicenceDataEntry], { description: 'The structured fields the licence type defines.' })
  data(@Root() licence: LicenceRecord): LicenceDataEntry[] {
    return Object.entries(licence.data).map(([key, value]) => ({ key, value }));
  }
}

/** An operation's answer carries its outcome, not the holder's data: read the licence through a case. */
function refuseOnOutcome(licence: LicenceRecord, field: string): void {
  if (licence.outcomeOnly) throw new ForbiddenError(`An operation answers with its outcome only; ${field} is read through a case of the holder`);
}
