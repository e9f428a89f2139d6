/** The id after the highest one of a prefix: CQ-000041 → CQ-000042 (six digits, as the seed writes them). */
export function nextId(prefix: string, highest: string | null | undefined): string {
  const n = highest ? Number(highest.slice(prefix.length + 1)) : 0;
  return `${prefix}-${String((Number.isFinite(n) ? n : 0) + 1).padStart(6, '0')}`;
}

/** How many times a mutation takes the next id again when another took the same one at once. */
export const ID_ATTEMPTS = 5;
