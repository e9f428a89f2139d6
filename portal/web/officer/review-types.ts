// The shapes the review's parts share, taken from the generated operation types.
import type { MatterGuideQuery, ReviewApplicationQuery } from '@govgraph/portal/kit';

export type ReviewedCase = NonNullable<ReviewApplicationQuery['application']>;
export type CaseApplicant = ReviewedCase['applicant'];
export type GuidedMatter = NonNullable<MatterGuideQuery['matter']>;

/** The applicant's full name: a person's or an enterprise's, else the (possibly masked) display name. */
export function applicantName(applicant: CaseApplicant): string {
  return 'name' in applicant && applicant.name ? applicant.name : applicant.displayName;
}
