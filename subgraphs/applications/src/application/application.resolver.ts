import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ApplicationsContext } from '../context.js';
import { Applicant } from '../applicant/applicant.type.js';
import { Matter } from '../external/matter.stub.js';
import { departmentName } from '../lifecycle/actors.js';
import type { Evidence } from '../prefill/prefill.type.js';
import { applicantReferenceFor, caseGrantFor, readerOf, recordOfficerRead } from './application-access.js';
import { maskValue } from '@govgraph/kit';
import { listView, singleCaseView, viewOf, type CaseView, type ViewedRecord } from './case-view.js';
import type { ApplicationRecord } from './application.record.js';
import { Application, ApplicationField, ApplicationHistoryEntry, ApplicationMaterial } from './application.type.js';
import type { ApplicationStatus } from './application.enums.js';

/**
 * A case the caller may see, or null (an unknown id and someone else's case look the same). An
 * officer's copy carries the view it is read under: `view` decides it from the record (a list
 * unless said otherwise).
 */
export async function visibleApplication(ctx: ApplicationsContext, id: string, view: (record: ApplicationRecord) => CaseView = listView): Promise<ViewedRecord | null> {
  if (typeof id !== 'string' || id.length > 32) return null;
  const record = await ctx.loaders.applicationById.load(id);
  if (!record) return null;
  const reader = readerOf(ctx, record);
  if (reader === 'officer') return { ...record, view: view(record) };
  return reader ? record : null;
}

@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => Application, {
    nullable: true,
    description:
      "One case: for its applicant, or for an officer of its department. While the case is with the department the officer reviews it with full values, each read written to the applicant's data-access log first; a closed case shows masked values unless the officer states an archiveReason, under which the read is logged.",
  })
  application(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: ApplicationsContext,
    @Arg('archiveReason', () => String, {
      nullable: true,
      description: 'Why an officer reads a closed case (rejected, completed, withdrawn): shown to the applicant in their data-access log.',
    })
    archiveReason?: string | null,
  ): Promise<ViewedRecord | null> {
    return visibleApplication(ctx, id, (record) => singleCaseView(record, archiveReason));
  }

  @FieldResolver(() => Matter)
  matter(@Root() record: ApplicationRecord): Matter {
    return { code: record.matterCode };
  }

  @FieldResolver(() => Applicant, { description: 'For an officer, a purpose-bound reference: identity logs what the officer reads (a list shows a masked name only).' })
  applicant(@Root() record: ViewedRecord, @Ctx() ctx: ApplicationsContext): Applicant {
    return { id: applicantReferenceFor(ctx, record) };
  }

  @FieldResolver(() => [ApplicationField], { description: 'The submitted values. An officer sees them masked in a list, in full in a review (logged first).' })
  async fields(@Root() record: ViewedRecord, @Ctx() ctx: ApplicationsContext): Promise<ApplicationField[]> {
    const rows = await ctx.loaders.fieldsByApplication.load(record.id);
    const officer = readerOf(ctx, record) === 'officer';
    const full = !officer || viewOf(record).scope !== 'list';
    if (officer && full)
      await recordOfficerRead(
        ctx,
        record,
        rows.filter((f) => f.value !== null && f.value !== '').map((f) => `applications.field.${f.key}`),
      );
    return rows.map((f) => ({
      key: f.key,
      value: full || f.value === null ? f.value : maskValue(f.value),
      provenance: {
        system: f.provenance_system,
        department: f.provenance_department && (departmentName(f.provenance_department) ?? f.provenance_department),
        trustLevel: f.trust_level as never,
        retrievedAt: f.retrieved_at,
      },
    }));
  }

  @FieldResolver(() => [ApplicationMaterial], {
    description:
      'The evidence given per requirement. An officer sees document filenames masked and no licence in a list; in a review, full filenames (logged first) and each licence through a grant licences logs.',
  })
  async materials(@Root() record: ViewedRecord, @Ctx() ctx: ApplicationsContext): Promise<ApplicationMaterial[]> {
    const rows = await ctx.loaders.materialsByApplication.load(record.id);
    const officer = readerOf(ctx, record) === 'officer';
    const full = !officer || viewOf(record).scope !== 'list';
    const documents = await ctx.loaders.documentById.loadMany(rows.filter((m) => m.evidence_kind === 'Document').map((m) => m.evidence_id));
    const byId = new Map(documents.flatMap((d) => (d && !(d instanceof Error) ? [[d.id, d] as const] : [])));
    const grouped = new Map<string, Array<typeof Evidence>>();
    const filenamesRead: string[] = [];
    for (const row of rows) {
      const evidence: Array<typeof Evidence> = grouped.get(row.requirement_code) ?? [];
      if (row.evidence_kind === 'Licence') {
        // The licence library shows its current status; an officer's read goes through a grant it
        // logs, and a case in a list opens none (licences are full values).
        if (!officer) evidence.push({ __typename: 'Licence', id: row.evidence_id } as never);
        else if (full) evidence.push({ __typename: 'Licence', id: caseGrantFor(ctx, record, row.evidence_id) } as never);
      } else {
        const document = byId.get(row.evidence_id);
        if (document && officer) {
          // Filenames often carry a name or an ID number: personal, like the form's values.
          if (full) filenamesRead.push(`applications.material.${row.requirement_code}.filename`);
          evidence.push({ ...document, filename: full ? document.filename : maskValue(document.filename) });
        } else if (document) evidence.push(document);
      }
      grouped.set(row.requirement_code, evidence);
    }
    if (officer && full) await recordOfficerRead(ctx, record, filenamesRead);
    return [...grouped].map(([requirementCode, evidence]) => ({ requirementCode, evidence }));
  }

  @FieldResolver(() => [ApplicationHistoryEntry])
  async history(@Root() record: ApplicationRecord, @Ctx() ctx: ApplicationsContext): Promise<ApplicationHistoryEntry[]> {
    const rows = await ctx.loaders.historyByApplication.load(record.id);
    return rows.map((h) => ({ at: h.at, status: h.status as ApplicationStatus, actor: h.actor, note: h.note }));
  }
}
