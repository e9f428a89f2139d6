import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadDataPolicy, type DataPolicy } from '@govgraph/schema/governance';

export interface RegistrySettings {
  /**
   * The credential store when REDIS_URL is unset: `<DATA_DIR>/registry/credentials.json` (0600),
   * written by `npx govgraph credentials …` on the same machine, re-read when it changes.
   */
  credentialsFile: string;
  /** The data-sharing policy file (GATEWAY_DATA_POLICY; default `data-policy.json` beside the supergraph). */
  dataPolicyFile: string;
  /** The policy read at start, or why there is none (no file beside the supergraph: publishing is then unavailable). */
  dataPolicy: DataPolicy | string;
  /** Versions kept for rollback (GATEWAY_REGISTRY_HISTORY, default 50). */
  historyLimit: number;
}

/**
 * The registry's settings from the environment, validated once: a policy file that is named but
 * missing, or that does not validate, stops the start naming the variable.
 */
export function loadRegistrySettings(env: NodeJS.ProcessEnv, paths: { dataDir: string; supergraphPath: string }): RegistrySettings {
  const named = env.GATEWAY_DATA_POLICY;
  const dataPolicyFile = named ? resolve(env.INIT_CWD || process.cwd(), named) : join(dirname(paths.supergraphPath), 'data-policy.json');
  let dataPolicy: DataPolicy | string;
  if (!named && !existsSync(dataPolicyFile)) {
    dataPolicy = `no data-sharing policy at ${dataPolicyFile} (set GATEWAY_DATA_POLICY)`;
  } else {
    try {
      dataPolicy = loadDataPolicy(dataPolicyFile);
    } catch (error) {
      throw new Error(`GATEWAY_DATA_POLICY: ${(error as Error).message}`);
    }
  }
  const rawHistory = env.GATEWAY_REGISTRY_HISTORY;
  const historyLimit = rawHistory === undefined || rawHistory === '' ? 50 : Number(rawHistory);
  if (!Number.isSafeInteger(historyLimit) || historyLimit < 1) {
    throw new Error(`GATEWAY_REGISTRY_HISTORY must be a positive integer, got ${JSON.stringify(rawHistory)}`);
  }
  return { credentialsFile: join(paths.dataDir, 'registry', 'credentials.json'), dataPolicyFile, dataPolicy, historyLimit };
}
