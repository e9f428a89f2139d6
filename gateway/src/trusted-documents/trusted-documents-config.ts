import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTrustedDocuments, type TrustedDocument } from '@govgraph/schema/governance';

/**
 * - `only`: only trusted documents are served, by id or as their exact text; nothing is registered.
 * - `allow`: trusted documents by id, APQ, and free-form documents (the playground needs them).
 * - `off`: no ids at all; free-form documents only (a persisted query gets PERSISTED_QUERY_NOT_SUPPORTED).
 */
export type TrustedDocumentsMode = 'only' | 'allow' | 'off';
export const TRUSTED_DOCUMENTS_MODES: readonly TrustedDocumentsMode[] = ['only', 'allow', 'off'];

export interface TrustedDocumentsConfig {
  /** GATEWAY_TRUSTED_DOCUMENTS; `only` with NODE_ENV=production, `allow` otherwise. */
  mode: TrustedDocumentsMode;
  /** GATEWAY_TRUSTED_DOCUMENTS_MANIFEST: the manifest, with the documents it lists beside it. */
  manifestPath: string;
  /** The trusted documents, each checked against its id; none with mode `off`. */
  documents: readonly TrustedDocument[];
  /** Automatic persisted queries are registered: mode `allow` outside production. */
  apqRegistration: boolean;
  /** GATEWAY_APQ_TTL_SECONDS: how long a registered document lives unused (Redis and memory). */
  apqTtlSeconds: number;
  /** GATEWAY_APQ_MEMORY_BYTES: bound of this process's LRU of registered documents. */
  apqMemoryBytes: number;
}

/** The committed manifest, found from this file so the gateway starts from any directory. */
export const DEFAULT_TRUSTED_DOCUMENTS_MANIFEST = fileURLToPath(new URL('../../../schema/operations/manifest.json', import.meta.url));
export const DEFAULT_APQ_TTL_SECONDS = 24 * 60 * 60;
export const DEFAULT_APQ_MEMORY_BYTES = 8 * 1024 * 1024;

/** Reads the trusted-document settings and the manifest; throws naming the variable that is wrong. */
export function loadTrustedDocumentsConfig(env: NodeJS.ProcessEnv, nodeEnv: string): Readonly<TrustedDocumentsConfig> {
  const production = nodeEnv === 'production';
  const raw = env.GATEWAY_TRUSTED_DOCUMENTS;
  const mode = (raw || (production ? 'only' : 'allow')) as TrustedDocumentsMode;
  if (!TRUSTED_DOCUMENTS_MODES.includes(mode)) {
    throw new Error(`GATEWAY_TRUSTED_DOCUMENTS must be one of ${TRUSTED_DOCUMENTS_MODES.join(', ')}, got ${JSON.stringify(raw)}`);
  }
  const manifestPath = env.GATEWAY_TRUSTED_DOCUMENTS_MANIFEST ? resolve(env.GATEWAY_TRUSTED_DOCUMENTS_MANIFEST) : DEFAULT_TRUSTED_DOCUMENTS_MANIFEST;
  let documents: TrustedDocument[] = [];
  if (mode !== 'off') {
    try {
      documents = loadTrustedDocuments(manifestPath);
    } catch (error) {
      throw new Error(`GATEWAY_TRUSTED_DOCUMENTS_MANIFEST: ${(error as Error).message}`);
    }
  }
  return Object.freeze({
    mode,
    manifestPath,
    documents: Object.freeze(documents),
    apqRegistration: mode === 'allow' && !production,
    apqTtlSeconds: positiveInteger(env, 'GATEWAY_APQ_TTL_SECONDS', DEFAULT_APQ_TTL_SECONDS),
    apqMemoryBytes: positiveInteger(env, 'GATEWAY_APQ_MEMORY_BYTES', DEFAULT_APQ_MEMORY_BYTES),
  });
}

function positiveInteger(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${variable} must be a positive integer, got ${JSON.stringify(raw)}`);
  return value;
}
