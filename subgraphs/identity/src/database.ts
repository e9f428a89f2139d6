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
    /** The authorisation an agent acts under (acting tokens carry it); null for the legal representative. */
    authorisation_id: string | null;
  };
  /** A legal representative's offer to authorise an agent, pending the person's acceptance. */
  agent_offer: {
    id: string;
    enterprise_id: string;
    offered_by_account_id: string;
    id_type: string;
    /** What the representative typed, masked: all they ever see of the number. */
    id_number_masked: string;
    /** The name as the representative typed it. */
    name: string;
    /** The person whose document and name matched, or null; never shown to the representative. */
    person_id: string | null;
    valid_from: string;
    valid_to: string;
    /** PENDING or ACCEPTED (lapsed is computed from offered_at). */
    status: string;
    offered_at: string;
    accepted_at: string | null;
  };
  /** Authorisations that ended before their time: their tokens are refused. */
  authorisation_ended: {
    authorisation_id: string;
    enterprise_id: string;
    /** revoked or replaced. */
    reason: string;
    ended_at: string;
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
