import { createHash } from 'node:crypto';
import type { SubmitApplicationInput } from './submission.inputs.js';

/**
 * The same submission however the client orders its lists: a retry with the same key and the same
 * hash is the same application; the same key with another hash is a different one (CONFLICT).
 */
export function payloadHash(input: SubmitApplicationInput): string {
  const fields = input.fields.map((f) => [f.key, (f.value ?? '').trim()]).sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  const materials = input.materials.map((m) => [m.requirementCode, m.licenceId ?? '', m.documentId ?? ''].join('|')).sort();
  return createHash('sha256')
    .update(JSON.stringify([input.matterCode, fields, materials]))
    .digest('hex');
}
