/** What identity puts in the tokens it issues (shared with it through the kit); the gateway accepts no other. */
export { TOKEN_ISSUER as JWT_ISSUER, TOKEN_AUDIENCE as JWT_AUDIENCE, JWKS_PATH } from '@govgraph/kit/trust';
/** EdDSA and its fully specified name Ed25519 (RFC 9864), plus RS256 for an external IdP. */
export const JWT_ALGORITHMS = ['EdDSA', 'Ed25519', 'RS256'];
