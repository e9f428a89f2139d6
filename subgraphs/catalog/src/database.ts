/**
 * The catalog's tables, as Kysely sees them. Booleans are 0/1 and lists JSON text on both
 * dialects. A matter definition (基本编码) is written once by the city department; every
 * implementation (实施编码) — the city's own and each district's — points at it (数据同源).
 */
export interface CatalogTables {
  department: {
    code: string;
    key: string;
    name: string;
    sort_order: number;
    /** Implementations of this department, kept by the writer of matters. */
    matter_count: number;
  };
  division: {
    code: string;
    name: string;
    level: string;
    parent_code: string | null;
    sort_order: number;
  };
  matter_definition: {
    basic_code: string;
    name: string;
    type: string;
    department_code: string;
    legal_basis: string;
    legal_time_limit_days: number;
    promised_time_limit_days: number;
    case_type: string;
    online_depth: number;
    visits_required: number;
    fee: string;
    served_objects: string;
    version: number;
  };
  matter: {
    code: string;
    basic_code: string;
    level: string;
    department_code: string;
    division_code: string;
    /** Matter name and department name, for substring search (FTS5 trigram / pg_trgm). */
    search_text: string;
  };
  /** Each distinct lower-cased pair of neighbouring characters of a matter's search_text (migration 0005). */
  matter_bigram: {
    bigram: string;
    matter_code: string;
  };
  matter_material: {
    basic_code: string;
    code: string;
    name: string;
    required: number;
    /** The first of accepts_licence_types, for readers of one type. */
    accepts_licence_type: string | null;
    /** LICENCE, DOCUMENT or GENERATED_FORM (migration 0004). */
    kind: string;
    /** JSON array of licence type codes; [] unless kind is LICENCE. */
    accepts_licence_types: string;
    /** For DOCUMENT: the category an earlier document is offered again for. */
    document_category: string | null;
    /** For DOCUMENT: an earlier document older than this is stale; null, no limit. */
    valid_for_days: number | null;
    position: number;
  };
  matter_form_field: {
    basic_code: string;
    key: string;
    label: string;
    type: string;
    required: number;
    source: string | null;
    options: string | null;
    /** JSON: { minLength?, maxLength?, pattern?, min?, max? }. */
    rules: string | null;
    position: number;
  };
}
