export interface IdentityTables {
  person: {
    id: string;
    id_type: string;
    id_number: string;
    name: string;
    gender: string;
    birth_date: string;
    mobile: string;
    email: string | null;
    division_code: string;
    address_detail: string;
    updated_at: string;
  };
  enterprise: {
    id: string;
    credit_code: string;
    name: string;
    entity_type: string;
    legal_representative_id: string;
    division_code: string;
    address_detail: string;
    established_on: string;
    status: string;
    updated_at: string;
  };
  enterprise_agent: {
    enterprise_id: string;
    person_id: string;
    role: string;
    valid_from: string;
    valid_to: string | null;
  };
  account: {
    id: string;
    username: string;
    password_hash: string;
    person_id: string;
    roles: string;
    department_code: string | null;
  };
  data_access: {
    id: string;
    applicant_id: string;
    at: string;
    accessor_account_id: string;
    accessor_name: string;
    department_code: string | null;
    purpose: string;
    case_id: string | null;
    /** JSON array of field names read. */
    fields: string;
  };
  signing_key: {
    kid: string;
    algorithm: string;
    public_jwk: string;
    private_jwk: string;
    created_at: string;
    retired_at: string | null;
  };
}
