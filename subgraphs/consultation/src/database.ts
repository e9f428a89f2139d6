/**
 * The tables the consultation department owns, in its own database: SQLite
 * (DATA_DIR/consultation.sqlite) by default, PostgreSQL when CONSULTATION_DATABASE_URL is set.
 * Dates are text (YYYY-MM-DD, city dates) and instants ISO 8601 text in UTC, in both; booleans
 * are 0/1 integers.
 */
export interface ConsultationTables {
  /** One consultation (咨询): asked online by an applicant, or recorded by an officer at the desk or on the hotline. */
  consultation: {
    /** CQ-000001 */
    id: string;
    /** The applicant it was asked as; null for an anonymous desk visitor or hotline caller. */
    applicant_id: string | null;
    /** The person who asked (for an enterprise, its agent); null when anonymous. */
    submitted_by: string | null;
    /** The department asked (its unified social credit code). */
    department_code: string;
    matter_code: string | null;
    channel: string;
    question: string;
    asked_at: string;
    /** The end (23:59:59 city time) of the next working day after asking. */
    due_at: string;
    answer: string | null;
    answered_at: string | null;
    /** The officer's account that answered. */
    answered_by: string | null;
    /** The question as the answering officer rewrote it, without personal data, for the matter's FAQ; null unless published. */
    public_question: string | null;
    public_answer: string | null;
  };
  /** Daily counts the hall desk and the 12345 systems keep (no record per visitor): the 2017 figures are these. */
  consultation_tally: {
    department_code: string;
    day: string;
    channel: string;
    received: number;
    answered: number;
    answered_in_time: number;
  };
  /** A complaint (投诉) about a department, coordinated by the hall office. */
  consultation_complaint: {
    /** CC-000001 */
    id: string;
    applicant_id: string;
    submitted_by: string | null;
    /** The department complained about. */
    department_code: string;
    matter_code: string | null;
    subject: string;
    received_at: string;
    /** 1 when the hall office coordinated between applicant and department (协调). */
    coordinated: number;
    coordination_note: string | null;
    outcome: string | null;
    closed_at: string | null;
    /** 1..5, the complainant's, once closed. */
    rating: number | null;
    rated_at: string | null;
  };
  /** Praise a department received (表扬信, 锦旗, 牌匾): no personal data. */
  consultation_praise: {
    /** CP-000001 */
    id: string;
    department_code: string;
    kind: string;
    received_on: string;
    note: string | null;
  };
}
