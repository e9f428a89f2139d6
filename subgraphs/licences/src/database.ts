export interface LicenceTables {
  licence_type: {
    code: string;
    name: string;
    issuer_code: string;
    holder_kind: string;
    default_validity_years: number | null;
    /** JSON: the structured fields a licence of this type carries, [{ key, label }]. */
    fields: string;
  };
  licence: {
    id: string;
    type_code: string;
    number: string;
    holder_id: string;
    holder_name: string;
    issuer_code: string;
    issued_on: string;
    valid_from: string;
    valid_to: string | null;
    /** National status code: 01 valid … 99 other. Expiry is derived from valid_to, not stored. */
    status_code: string;
    /** JSON object of the type's structured fields. */
    data: string;
    version: number;
    previous_id: string | null;
    created_at: string;
    /** Ed25519 signature (base64url) of the issuer over the canonical content. */
    signature: string;
    key_id: string;
    case_id: string | null;
  };
  issuer_key: {
    kid: string;
    department_code: string;
    public_key: string;
    /** Sealed (AES-256-GCM under the shared secret). */
    private_key: string;
    created_at: string;
    retired_at: string | null;
  };
  licence_event: {
    id: string;
    licence_id: string;
    at: string;
    action: string;
    actor_account_id: string | null;
    department_code: string | null;
    reason: string | null;
  };
  case_decision: {
    case_id: string;
    applicant_id: string;
    department_code: string;
    licensing: number;
    status: string;
    at: string;
  };
}
