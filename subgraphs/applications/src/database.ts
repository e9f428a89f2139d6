export interface ApplicationTables {
  /** The application form generated for a case's GENERATED_FORM material, and applications' signature over it. */
  generated_form: {
    application_id: string;
    requirement_code: string;
    document_id: string;
    sha256: string;
    signature: string;
    key_id: string;
    generated_at: string;
  };
  document: {
    id: string;
    owner_id: string;
    filename: string;
    media_type: string;
    size: number;
    sha256: string;
    uploaded_at: string;
  };
  /** One case (办件). Times are ISO instants; deadline is a city date (YYYY-MM-DD). */
  application: {
    id: string;
    number: string;
    applicant_id: string;
    /** The person who submitted: the applicant, or who acted for the applicant enterprise. */
    submitted_by: string;
    matter_code: string;
    matter_name: string;
    department_code: string;
    case_type: 'INSTANT' | 'PROMISED';
    licensing: number;
    promised_days: number;
    channel: 'ONLINE' | 'WINDOW';
    status: string;
    submitted_at: string;
    submitted_year: number;
    accepted_at: string | null;
    decided_at: string | null;
    completed_at: string | null;
    deadline: string;
    paused_since: string | null;
    paused_days: number;
    resume_status: string | null;
    on_time: number | null;
    idempotency_key: string | null;
    payload_hash: string | null;
    form_snapshot: string | null;
    licence_id: string | null;
  };
  application_field: {
    application_id: string;
    position: number;
    key: string;
    /** The form field's source (fact path), so a later form with the same source reuses the value. */
    source: string | null;
    value: string | null;
    provenance_system: string;
    provenance_department: string | null;
    trust_level: string;
    retrieved_at: string;
  };
  application_material: {
    application_id: string;
    position: number;
    requirement_code: string;
    evidence_kind: 'Licence' | 'Document';
    evidence_id: string;
  };
  application_event: {
    application_id: string;
    seq: number;
    at: string;
    status: string;
    actor: string;
    note: string | null;
  };
  /** The form as the applicant last opened it (StartForm): what a submission is checked against. */
  form_session: {
    applicant_id: string;
    matter_code: string;
    snapshot: string;
    taken_at: string;
  };
  /** Licence status changes the licence library published, newest per licence. */
  licence_status: {
    licence_id: string;
    holder_id: string;
    status: string;
    changed_at: string;
  };
  case_counter: {
    year: number;
    value: number;
  };
  /** History entries per city day, department, matter, channel and event (src/statistics/case-tally.ts). */
  case_tally_day: {
    day: string;
    department_code: string;
    matter_code: string;
    channel: string;
    event: string;
    cases: number;
    instant: number;
    on_time: number;
  };
  /** The same per city year, without the matter: what hallStatistics reads. */
  case_tally_year: {
    year: number;
    department_code: string;
    channel: string;
    event: string;
    cases: number;
    instant: number;
    on_time: number;
  };
  /** Cases per department in each status now: the officer queue's totalCount. */
  case_status_count: {
    department_code: string;
    status: string;
    cases: number;
  };
  /** Cases per applicant: the totalCount of an applicant's list. */
  applicant_case_count: {
    applicant_id: string;
    cases: number;
  };
  /**
   * The supervision level (YELLOW, RED) last announced for an open case, against the deadline it
   * was announced for (src/supervision/deadline-scanner.ts); a closed case's row is dropped.
   */
  case_supervision: {
    application_id: string;
    level: string;
    deadline: string;
    changed_at: string;
  };
}
