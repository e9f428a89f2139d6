import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ApplicationsContext } from '../context.js';
import { Applicant } from '../applicant/applicant.type.js';
import { Matter } from '../external/catalog.types.js';
import { departmentName } from '../lifecycle/actors.js';
import type { Evidence } from '../prefill/prefill.type.js';
import { applicantReferenceFor, caseGrantFor, readerOf } from './application-access.js';
import type { ApplicationRecord } from './application.record.js';
import { Application, ApplicationField, ApplicationHistoryEntry, ApplicationMaterial } from './application.type.js';
import type { ApplicationStatus } from './application.enums.js';

/** A case the caller may see, or null (an unknown id and someone else's case look the same). */
export async function visibleApplication(ctx: ApplicationsContext, id: string): Promise<ApplicationRecord | null> {
  if (typeof id !== 'string' || id.length > 32) return null;
  const record = await ctx.loaders.applicationById.load(id);
  if (!record) return null;
  return readerOf(ctx, record) ? record : null;
}

@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => Application, { nullable: true, description: 'One case: for its applicant, or for an officer of its department (whose reads of personal data are logged).' })
  application(@Arg('id', () => ID) id: string, @Ctx() ctx: ApplicationsContext): Promise<ApplicationRecord | null> {
    return visibleApplication(ctx, id);
  }

  @FieldResolver(() => Matter)
  matter(@Root() record: ApplicationRecord): Matter {
    return { code: record.matterCode };
  }

  @FieldResolver(() => Applicant, { description: 'For an officer, a purpose-bound reference: identity logs what the officer reads.' })
  applicant(@Root() record: ApplicationRecord, @Ctx() ctx: ApplicationsContext): Applicant {
    return { id: applicantReferenceFor(ctx, record) };
  }

  @FieldResolver(() => [ApplicationField])
  async fields(@Root() record: ApplicationRecord, @Ctx() ctx: ApplicationsContext): Promise<ApplicationField[]> {
    const rows = await ctx.loaders.fieldsByApplication.load(record.id);
    return rows.map((f) => ({
      key: f.key,
      value: f.value,
      provenance: { system: f.provenance_system, department: f.provenance_department && (departmentName(f.provenance_department) ?? f.provenance_department), trustLevel: f.trust_level as never, retrievedAt: f.retrieved_at },
    }));
  }

  @FieldResolver(() => [ApplicationMaterial])
  async materials(@Root() record: ApplicationRecord, @Ctx() ctx: ApplicationsContext): Promise<ApplicationMaterial[]> {
    const rows = await ctx.loaders.materialsByApplication.load(record.id);
    const officer = readerOf(ctx, record) === 'officer';
    const documents = await ctx.loaders.documentById.loadMany(rows.filter((m) => m.evidence_kind === 'Document').map((m) => m.evidence_id));
    const byId = new Map(documents.flatMap((d) => (d && !(d instanceof Error) ? [[d.id, d] as const] : [])));
    const grouped = new Map<string, Array<typeof Evidence>>();
    for (const row of rows) {
      const evidence: Array<typeof Evidence> = grouped.get(row.requirement_code) ?? [];
      if (row.evidence_kind === 'Licence') {
        // The licence library shows its current status; an officer's read goes through a grant it logs.
        evidence.push({ __typename: 'Licence', id: officer ? caseGrantFor(ctx, record, row.evidence_id) : row.evidence_id } as never);
      } else {
        const document = byId.get(row.evidence_id);
        if (document) evidence.push(document);
      }
      grouped.set(row.requirement_code, evidence);
    }
    return [...grouped].map(([requirementCode, evidence]) => ({ requirementCode, evidence }));
  }

  @FieldResolver(() => [ApplicationHistoryEntry])
  async history(@Root() record: ApplicationRecord, @Ctx() ctx: ApplicationsContext): Promise<ApplicationHistoryEntry[]> {
    const rows = await ctx.loaders.historyByApplication.load(record.id);
    return rows.map((h) => ({ at: h.at, status: h.status as ApplicationStatus, actor: h.actor, note: h.note }));
  }
}
