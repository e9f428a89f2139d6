import { DEFAULT_PORTS, readPort } from '@govgraph/kit';
import { readHttpUrl } from '../url-setting.js';
import { readOnOff } from '../on-off-setting.js';
import { isDepartment, subgraphVariable, subgraphVariableIn } from './subgraph-variables.js';

/**
 * What govgraph adds to the requests one subgraph gets, as set in the environment; unset (undefined)
 * means the default of resolveSubgraphTrust. Kept per name so that a department publishing later
 * (the registry) is judged when it does.
 */
export interface SubgraphTrustSettings {
  /** SUBGRAPH_<NAME>_SIGN */
  sign?: boolean;
  /** SUBGRAPH_<NAME>_CLAIMS */
  forwardClaims?: boolean;
  /** SUBGRAPH_<NAME>_FORWARD_AUTHORIZATION */
  forwardAuthorization?: boolean;
}

export interface SubgraphTrust {
  /** Requests signed with the gateway's key (x-govgraph-signature, -timestamp, -nonce, -request-id). */
  sign: boolean;
  /** The caller's verified claims and address in the signed headers (x-govgraph-claims, -client): personal identifiers. */
  forwardClaims: boolean;
  /** The client's Authorization header, as sent. */
  forwardAuthorization: boolean;
}

/**
 * Defaults: every subgraph's requests are signed (a signature carries nothing about the caller);
 * only govgraph's own departments get the caller's claims; nobody gets the client's Authorization
 * header unless configured to. `department`: listed in subgraphs/registry.json, or published
 * through the gateway's registry with a department's credential.
 */
export function resolveSubgraphTrust(settings: SubgraphTrustSettings | undefined, department: boolean): SubgraphTrust {
  const sign = settings?.sign ?? true;
  return {
    sign,
    forwardClaims: settings?.forwardClaims ?? (department && sign),
    forwardAuthorization: settings?.forwardAuthorization ?? false,
  };
}

/** SUBGRAPH_<NAME>_SIGN, _CLAIMS, _FORWARD_AUTHORIZATION for one subgraph; claims are never sent unsigned. */
export function readSubgraphTrust(env: NodeJS.ProcessEnv, name: string): SubgraphTrustSettings {
  const onOff = (setting: 'SIGN' | 'CLAIMS' | 'FORWARD_AUTHORIZATION') => {
    const variable = subgraphVariable(name, setting);
    return env[variable] === undefined || env[variable] === '' ? undefined : readOnOff(env, variable, false);
  };
  const settings: SubgraphTrustSettings = { sign: onOff('SIGN'), forwardClaims: onOff('CLAIMS'), forwardAuthorization: onOff('FORWARD_AUTHORIZATION') };
  if (settings.forwardClaims && settings.sign === false) {
    throw new Error(`${subgraphVariable(name, 'CLAIMS')}=on needs signed requests: claims travel only under the gateway's signature (unset ${subgraphVariable(name, 'SIGN')})`);
  }
  return Object.freeze(settings);
}

/**
 * Where the gateway reaches a subgraph: SUBGRAPH_<NAME>_URL, then SUBGRAPH_<NAME>_PORT on
 * 127.0.0.1, then the supergraph's routing URL, then a registered department's default port. A
 * department of subgraphs/registry.json may use the short forms <NAME>_URL and <NAME>_PORT
 * (subgraph-variables.ts); no other subgraph is ever read from them.
 */
export function resolveSubgraphUrl(env: NodeJS.ProcessEnv, name: string, routingUrl: string | undefined): string | undefined {
  const fallbackPort = isDepartment(name) ? (DEFAULT_PORTS as Record<string, number | undefined>)[name] : undefined;
  const urlVariable = subgraphVariableIn(env, name, 'URL');
  if (urlVariable) return readHttpUrl(env, urlVariable);
  const portVariable = subgraphVariableIn(env, name, 'PORT');
  if (portVariable) return `http://127.0.0.1:${readPort(env, portVariable, fallbackPort ?? 0)}/graphql`;
  if (routingUrl) return routingUrl;
  return fallbackPort === undefined ? undefined : `http://127.0.0.1:${fallbackPort}/graphql`;
}
