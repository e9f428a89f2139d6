import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_DIR } from '../paths.js';
import { subgraphNameProblem } from './subgraph-names.js';

/** The committed data-sharing policy: loaded by the gateway at start and by `govgraph check`. */
export const DATA_POLICY_FILE = join(SCHEMA_DIR, 'data-policy.json');

/** How data can move from one department to another through the graph (see data-flows.ts). */
export const FLOW_KINDS = ['requires', 'provides', 'key', 'override', 'shareable', 'reference', 'context'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** A department's personal data: schema coordinates, `Type.field` or `Type.*`. */
export interface DepartmentData {
  personal: string[];
}

/**
 * One data-sharing agreement: the consumer may receive (or serve) these fields of the provider's
 * personal data, for this purpose, on this legal basis. `kinds` narrows how (all but override
 * when absent); taking a field over with `@override` needs `override: true`.
 */
export interface DataSharingAgreement {
  id: string;
  consumer: string;
  provider: string;
  fields: string[];
  purpose: string;
  legalBasis: string;
  kinds?: FlowKind[];
  override?: boolean;
}

export interface DataPolicy {
  description?: string;
  departments: Record<string, DepartmentData>;
  agreements: DataSharingAgreement[];
}

/** `Type.field` or `Type.*`. */
export const COORDINATE = /^[A-Za-z_][A-Za-z0-9_]*\.(?:\*|[A-Za-z_][A-Za-z0-9_]*)$/;

export class DataPolicyError extends Error {}

/** Reads and validates a policy file; throws DataPolicyError naming the file and every problem. */
export function loadDataPolicy(file: string = DATA_POLICY_FILE): DataPolicy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataPolicyError(`cannot read the data policy ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataPolicyError(`the data policy ${file} is not JSON: ${(error as Error).message}`);
  }
  return parseDataPolicy(json, file);
}

/**
 * Validates a policy strictly — unknown keys too, since a misspelt `legalBasis` or `override`
 * must not silently change what is allowed.
 */
export function parseDataPolicy(json: unknown, source = 'data policy'): DataPolicy {
  const problems: string[] = [];
  const fail = (message: string) => void problems.push(message);
  if (!isObject(json)) throw new DataPolicyError(`${source}: must be a JSON object`);
  unknownKeys(json, ['description', 'departments', 'agreements', '$comment'], 'the policy', fail);

  const departments: Record<string, DepartmentData> = {};
  const claimed = new Map<string, string>();
  if (!isObject(json.departments)) fail('"departments" must be an object: department → { personal: [coordinates] }');
  else {
    for (const [name, value] of Object.entries(json.departments)) {
      const nameProblem = subgraphNameProblem(name);
      if (nameProblem) fail(`departments: ${nameProblem}`);
      if (!isObject(value) || !Array.isArray(value.personal)) {
        fail(`departments.${name}: must be { "personal": [coordinates] }`);
        continue;
      }
      unknownKeys(value, ['personal', '$comment'], `departments.${name}`, fail);
      const personal: string[] = [];
      for (const coordinate of value.personal) {
        if (typeof coordinate !== 'string' || !COORDINATE.test(coordinate)) {
          fail(`departments.${name}.personal: ${JSON.stringify(coordinate)} is not Type.field or Type.*`);
          continue;
        }
        const owner = claimed.get(coordinate);
        if (owner) fail(`departments.${name}.personal: ${coordinate} is already classified as ${owner}'s`);
        claimed.set(coordinate, name);
        personal.push(coordinate);
      }
      departments[name] = { personal };
    }
  }

  const agreements: DataSharingAgreement[] = [];
  const ids = new Set<string>();
  if (!Array.isArray(json.agreements)) fail('"agreements" must be an array');
  else {
    json.agreements.forEach((value: unknown, index: number) => {
      const at = `agreements[${index}]`;
      if (!isObject(value)) return fail(`${at}: must be an object`);
      unknownKeys(value, ['id', 'consumer', 'provider', 'fields', 'purpose', 'legalBasis', 'kinds', 'override', '$comment'], at, fail);
      const id = value.id;
      if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) fail(`${at}.id: lower-case words joined by dashes`);
      else if (ids.has(id)) fail(`${at}.id: ${id} is used twice`);
      else ids.add(id);
      for (const party of ['consumer', 'provider'] as const) {
        const name = value[party];
        const problem = typeof name === 'string' ? subgraphNameProblem(name) : `"${party}" must name a department`;
        if (problem) fail(`${at}.${party}: ${problem}`);
      }
      if (value.consumer === value.provider) fail(`${at}: consumer and provider are the same department`);
      if (!Array.isArray(value.fields) || value.fields.length === 0 || value.fields.some((f: unknown) => typeof f !== 'string' || !COORDINATE.test(f))) {
        fail(`${at}.fields: a non-empty list of Type.field or Type.* coordinates`);
      }
      for (const text of ['purpose', 'legalBasis'] as const) {
        if (typeof value[text] !== 'string' || value[text].trim().length < 3) fail(`${at}.${text}: required, in words`);
      }
      if (value.kinds !== undefined && (!Array.isArray(value.kinds) || value.kinds.some((k: unknown) => !(FLOW_KINDS as readonly unknown[]).includes(k)))) {
        fail(`${at}.kinds: a list of ${FLOW_KINDS.join(', ')}`);
      }
      if (value.override !== undefined && typeof value.override !== 'boolean') fail(`${at}.override: true or false`);
      agreements.push(value as unknown as DataSharingAgreement);
    });
  }
  if (problems.length > 0) throw new DataPolicyError(`${source} is not a valid data policy:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { ...(typeof json.description === 'string' ? { description: json.description } : {}), departments, agreements };
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(value: Record<string, unknown>, allowed: string[], where: string, fail: (message: string) => void): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) fail(`${where}: unknown key "${key}"`);
}
