import { Arg, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { MATTER_CODE_RULE, NotFoundError, UnauthenticatedError, checkText } from '@govgraph/kit';
import type { ApplicationsContext } from '../context.js';
import { Applicant } from '../applicant/applicant.type.js';
import { Matter } from '../external/matter.stub.js';
import type { RequiredMatter } from './form-snapshot.js';
import type { FactInput, MaterialOfferValue, PrefilledValue } from './match-prefill.js';
import { MaterialOffer, PREFILL_REQUIRES, PrefilledField, Prefill } from './prefill.type.js';

/** A Prefill as the plan hands it back to us, carrying the @requires data. */
export interface PrefillRepresentation {
  matterCode: string;
  applicantId: string;
  matter?: RequiredMatter | null;
  applicant?: { profileFacts?: FactInput[] | null; licenceFacts?: FactInput[] | null } | null;
  /** Set by the reference resolver, which matches once for both fields and materials. */
  matched?: { fields: PrefilledValue[]; materials: MaterialOfferValue[] };
}

export function requiredMatter(prefill: PrefillRepresentation): RequiredMatter {
  // The catalog resolves unknown codes to null: this is where an unknown matter surfaces.
  if (!prefill.matter?.form) throw new NotFoundError('Matter', prefill.matterCode);
  return prefill.matter;
}

export function factsOf(prefill: PrefillRepresentation): FactInput[] {
  // A missing applicant (or facts withheld) leaves the form empty rather than failing the plan.
  return [...(prefill.applicant?.profileFacts ?? []), ...(prefill.applicant?.licenceFacts ?? [])];
}

function matched(prefill: PrefillRepresentation): NonNullable<PrefillRepresentation['matched']> {
  requiredMatter(prefill);
  return prefill.matched ?? { fields: [], materials: [] };
}

@Resolver(() => Prefill)
export class PrefillResolver {
  @Query(() => Prefill, {
    nullable: true,
    description: 'Opens the form of a matter for the signed-in applicant, with what the graph already knows filled in.',
  })
  prefill(@Arg('matterCode', () => ID) matterCode: string, @Ctx() ctx: ApplicationsContext): PrefillRepresentation {
    checkText(matterCode, 'matterCode', MATTER_CODE_RULE);
    if (!ctx.claims?.applicantId) throw new UnauthenticatedError('Sign in to open a form');
    return { matterCode, applicantId: ctx.claims.applicantId };
  }

  @FieldResolver(() => Matter)
  matter(@Root() prefill: PrefillRepresentation): Matter {
    return { code: prefill.matterCode };
  }

  @FieldResolver(() => Applicant)
  applicant(@Root() prefill: PrefillRepresentation): Applicant {
    return { id: prefill.applicantId };
  }

  @Directive(`@requires(fields: "${PREFILL_REQUIRES}")`)
  @FieldResolver(() => [PrefilledField], {
    description: 'Every form field, prefilled where a source knows it (identity, licences, the applicant’s earlier applications), with provenance; the more trusted source wins.',
  })
  fields(@Root() prefill: PrefillRepresentation): PrefilledValue[] {
    return matched(prefill).fields;
  }

  @Directive(`@requires(fields: "${PREFILL_REQUIRES}")`)
  @FieldResolver(() => [MaterialOffer], { description: 'Every material, with the valid licences and earlier documents that satisfy it.' })
  materials(@Root() prefill: PrefillRepresentation): MaterialOfferValue[] {
    return matched(prefill).materials;
  }
}
