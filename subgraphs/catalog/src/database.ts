/** The catalog's tables, as Kysely sees them. Booleans are 0/1 and lists are JSON text on both dialects. */
export interface CatalogTables {
  department: {
    code: string;
    key: string;
    name: string;
    sort_order: number;
  };
  matter: {
    code: string;
    basic_code: string;
    name: string;
    type: string;
    level: string;
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
  matter_material: {
    matter_code: string;
    code: string;
    name: string;
    required: number;
    accepts_licence_type: string | null;
    position: number;
  };
  matter_form_field: {
    matter_code: string;
    key: string;
    label: string;
    type: string;
    required: number;
    source: string | null;
    options: string | null;
    position: number;
  };
}
