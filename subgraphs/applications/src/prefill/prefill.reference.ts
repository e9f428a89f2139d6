import { requireApplicant, type EntityReference } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import { earlierDocuments, earlierFieldFacts } from './earlier-submissions.js';
import { takeSnapshot } from './form-snapshot.js';
import { offerMaterials, offeredLicences, prefillFields } from './match-prefill.js';
import { factsOf, requiredMatter, type PrefillRepresentation } from './prefill.resolver.js';

export const prefillReference: EntityReference<PrefillRepresentation, ApplicationsContext, PrefillRepresentation> = {
  /**
   * The representation carries facts we will believe, so it must be the caller's own: a forged
   * representation naming someone else's applicant id is refused. Here the form is matched once
   * — with the applicant's earlier cases — and kept as the form session a submission is checked
   * against.
   */
  async __resolveReference(ref, ctx) {
    requireApplicant(ctx.claims, ref.applicantId, 'open their own form');
    if (!ref.matter?.form) return ref;
    const matter = requiredMatter(ref);
    const [earlierFields, earlierMaterials] = await Promise.all([
      ctx.loaders.earlierFieldsByApplicant.load(ref.applicantId),
      ctx.loaders.earlierDocumentsByApplicant.load(ref.applicantId),
    ]);
    const documents = await ctx.loaders.documentById.loadMany([...new Set(earlierMaterials.map((m) => m.evidence_id))]);
    const own = new Map(documents.flatMap((d) => (d && !(d instanceof Error) && d.ownerId === ref.applicantId ? [[d.id, d] as const] : [])));

    const facts = [...factsOf(ref), ...earlierFieldFacts(earlierFields)];
    const fields = prefillFields(matter.form!.fields, facts);
    const now = ctx.services.clock().toISOString();
    const materials = offerMaterials(matter.materials ?? [], facts, earlierDocuments(earlierMaterials, own), now);
    const snapshot = takeSnapshot({ ...matter, code: ref.matterCode }, offeredLicences(factsOf(ref)), fields, now);
    await ctx.services.sessions.save(ref.applicantId, snapshot);
    return { ...ref, matched: { fields, materials } };
  },
};
