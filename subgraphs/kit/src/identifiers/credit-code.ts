/** GB 32100 unified social credit codes. */

export const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const index = CREDIT_CODE_CHARACTERS.indexOf(first17[i]!);
    if (index < 0) throw new Error(`not a credit code character: ${first17[i]}`);
    sum += index * WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31]!;
}

export function isCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false;
  return creditCodeCheckCharacter(value.slice(0, 17)) === value[17];
}

/** Completes 17 characters with their check character (for generating demo data). */
export function withCreditCodeCheck(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}
