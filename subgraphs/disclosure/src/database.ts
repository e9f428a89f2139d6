/**
 * The tables the disclosure department owns, in its own database: SQLite
 * (DATA_DIR/disclosure.sqlite) by default, PostgreSQL when DISCLOSURE_DATABASE_URL is set.
 * Dates are city dates as text (YYYY-MM-DD) in both, so they compare and sort as text.
 */
export interface DisclosureTables {
  /** A piece of information a department published of its own accord (主动公开). */
  disclosure_release: {
    /** DR-000001 */
    id: string;
    department_code: string;
    /** DisclosureCategory */
    category: string;
    title: string;
    published_on: string;
  };
  /** Where a release was published: one row per channel (DisclosureChannel). */
  disclosure_release_channel: {
    release_id: string;
    channel: string;
  };
  /** A channel's own figures for a department's year: posts in the year, followers at its end. */
  disclosure_channel_year: {
    department_code: string;
    year: number;
    channel: string;
    posts: number;
    followers: number | null;
  };
  /** A request for disclosure (依申请公开): personal, the requester's and their department's only. */
  disclosure_request: {
    /** DQ-000001 */
    id: string;
    /** The applicant the request is made as: a person (P-…) or an enterprise (E-…). */
    requester_id: string;
    /** The person who submitted it (for an enterprise, who acted for it). */
    submitted_by: string;
    department_code: string;
    /** DisclosureRequestStatus, kept with the dates so a department's queue is one index seek. */
    status: string;
    received_on: string;
    description: string;
    /** The date the answer is due: original_due_on, moved by an extension. */
    due_on: string;
    /** 20 working days after receipt (2019 regulation art. 33). */
    original_due_on: string;
    extended_days: number | null;
    extension_reason: string | null;
    extended_on: string | null;
    /** DisclosureOutcome, null until answered. */
    outcome: string | null;
    /** DisclosureRefusalGround, for NOT_DISCLOSED and PARTIALLY_DISCLOSED only. */
    refusal_ground: string | null;
    replied_on: string | null;
    /** Always 0: no fees are charged; kept so the annual report counts it. */
    fee_yuan: number;
    note: string | null;
  };
  /** An administrative reconsideration or lawsuit against an answer. */
  disclosure_review: {
    /** DV-000001 */
    id: string;
    request_id: string;
    department_code: string;
    /** DisclosureReviewKind */
    kind: string;
    filed_on: string;
    /** DisclosureReviewResult */
    result: string;
    closed_on: string | null;
  };
}
