/** What a volatile value reads as in `expected`, so a difference report says why. */
export const VARIES = '<varies per call>';

/**
 * Replaces the values at the given paths with VARIES, so two answers compare equal when only
 * those differ. A path is dot-separated keys, `[]` standing for every element of a list:
 * `data.prefill.fields[].provenance.retrievedAt`. Missing steps are left alone (a null
 * answer stays null); the shape is never changed.
 */
export function maskVolatile(value: unknown, paths: readonly string[] = []): unknown {
  let masked = value;
  for (const path of paths) masked = maskPath(masked, path.split('.').flatMap(splitListSteps));
  return masked;
}

/** 'fields[]' → ['fields', '[]']. */
function splitListSteps(step: string): string[] {
  return step.endsWith('[]') ? [step.slice(0, -2), '[]'] : [step];
}

function maskPath(value: unknown, steps: string[]): unknown {
  if (steps.length === 0) return value === undefined ? value : VARIES;
  const [step, ...rest] = steps;
  if (step === '[]') return Array.isArray(value) ? value.map((item) => maskPath(item, rest)) : value;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !(step! in value)) return value;
  return { ...(value as Record<string, unknown>), [step!]: maskPath((value as Record<string, unknown>)[step!], rest) };
}
