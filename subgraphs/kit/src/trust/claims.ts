import { DEPARTMENTS } from '../reference/departments.js';

/**
 * What the gateway tells a subgraph about the caller, after verifying the bearer token.
 * Subgraphs never see the token itself.
 */
export interface Claims {
  /** The signed-in account (a person's or an officer's account id). */
  accountId: string;
  /** The person behind the account, whoever they act for. */
  personId: string | null;
  /** The applicant the caller acts as: the person's own id, or an enterprise they represent. */
  applicantId: string | null;
  roles: string[];
  /** Department code for officers. */
  department: string | null;
  /**
   * The agent authorisation an enterprise-acting token was minted under (identity's id): the
   * gateway and identity refuse the token once it ended. Absent for a person acting as
   * themself and for a legal representative, whose right comes from the register.
   */
  authorisationId?: string | null;
}

export function isOfficer(claims: Claims | null): boolean {
  return claims?.roles.includes('officer') ?? false;
}

/**
 * A supervisor (电子监察) watches every department's deadlines. The role counts only for an officer
 * of the hall office, which runs supervision: a supervisor role mis-issued to another department's
 * officer, or to a citizen, gives nothing beyond what that caller already has.
 */
export function isSupervisor(claims: Claims | null): boolean {
  return isOfficer(claims) && claims!.roles.includes('supervisor') && claims!.department === DEPARTMENTS.dataAdministration.code;
}

/** Who issues the graph's tokens and for whom: identity signs, the gateway checks. */
export const TOKEN_ISSUER = 'govgraph-identity';
export const TOKEN_AUDIENCE = 'govgraph';
/** Where identity publishes its token keys, below its base URL. */
export const JWKS_PATH = '/.well-known/jwks.json';
