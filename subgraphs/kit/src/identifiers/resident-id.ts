/** GB 11643 resident ID numbers: division, birth date, sequence, check character. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

export type ResidentIdProblem = 'format' | 'birthDate' | 'check';

export interface ResidentId {
  divisionCode: string;
  birthDate: string;
  gender: 'MALE' | 'FEMALE';
}

/** Parses a resident ID number, or says what is wrong with it. */
export function parseResidentId(value: string, today = new Date()): ResidentId | { problem: ResidentIdProblem } {
  if (!/^\d{17}[\dX]$/.test(value)) return { problem: 'format' };
  const y = value.slice(6, 10);
  const m = value.slice(10, 12);
  const d = value.slice(12, 14);
  const birth = new Date(`${y}-${m}-${d}T00:00:00Z`);
  if (Number.isNaN(birth.getTime()) || birth.toISOString().slice(0, 10) !== `${y}-${m}-${d}`) {
    return { problem: 'birthDate' };
  }
  if (Number(y) < 1880 || birth > today) return { problem: 'birthDate' };
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) return { problem: 'check' };
  return {
    divisionCode: value.slice(0, 6),
    birthDate: `${y}-${m}-${d}`,
    gender: Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}
