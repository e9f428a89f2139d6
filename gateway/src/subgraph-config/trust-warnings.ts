import type { Logger } from '@govgraph/kit';
import { isIdentityIssuer } from '../auth/token-verification-config.js';
import type { GatewayConfig } from '../config.js';
import { resolveSubgraphTrust } from './subgraph-settings.js';
import { isDepartment, subgraphVariable } from './subgraph-variables.js';

/** Says at start, once, what the configuration gives away that the defaults do not. */
export function warnAboutTrust(config: Pick<GatewayConfig, 'verifyTokens' | 'jwt' | 'subgraphTrust'>, log: Logger): void {
  if (!config.verifyTokens) {
    log.warn("GATEWAY_TOKEN_VERIFICATION=off: no bearer token is checked and every caller is anonymous to the gateway and to govgraph's departments");
  }
  for (const [name, settings] of Object.entries(config.subgraphTrust)) {
    const department = isDepartment(name);
    const trust = resolveSubgraphTrust(settings, department);
    if (trust.forwardAuthorization && config.verifyTokens && isIdentityIssuer(config)) {
      log.warn(
        { subgraph: name },
        `${subgraphVariable(name, 'FORWARD_AUTHORIZATION')}=on: this subgraph receives callers' identity tokens and could use them at this gateway until they expire`,
      );
    }
    if (trust.forwardClaims && !department) {
      log.warn({ subgraph: name }, `${subgraphVariable(name, 'CLAIMS')}=on: this subgraph, not a govgraph department, receives callers' claims (personal identifiers)`);
    }
  }
}
