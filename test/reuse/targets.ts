/** Issue 22's targets: the share of what arrives filled for a returning applicant. */
export const REUSE_TARGETS = {
  /** Fields that name a source, for a person and for an enterprise alike. */
  sourcedFields: 0.95,
  /** Required materials satisfied by a licence, an earlier document or the generated form. */
  requiredMaterials: 0.75,
} as const;

/** The gateway's per-account and per-address limits, raised: the report opens about a thousand forms a minute. */
export const REPORT_GATEWAY_ENV = {
  GATEWAY_RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000',
  GATEWAY_RATE_LIMIT_ADDRESS_PER_MINUTE: '1000000',
} as const;
