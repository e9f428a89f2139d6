/** The national electronic licence identifier and its ISO/IEC 7064 MOD 37,36 check character. */

export const LICENCE_ID_PREFIX = '1.2.156.3005.2.';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function mod3736CheckCharacter(text: string): string {
  let p = 36;
  for (const character of text) {
    const value = ALPHABET.indexOf(character);
    if (value < 0) throw new Error(`not a MOD 37,36 character: ${character}`);
    p = (p + value) % 36;
    if (p === 0) p = 36;
    p = (2 * p) % 37;
  }
  return ALPHABET[(37 - p) % 36]!;
}

export interface LicenceIdParts {
  typeCode: string;
  issuerCreditCode: string;
  serial: string;
  version: string;
}

export function formatLicenceId(parts: LicenceIdParts): string {
  const body = `${parts.typeCode}.${parts.issuerCreditCode}.${parts.serial}.${parts.version}`;
  return `${LICENCE_ID_PREFIX}${body}.${mod3736CheckCharacter(body.replaceAll('.', ''))}`;
}

export function parseLicenceId(value: string): LicenceIdParts | null {
  if (value.length > 128 || !value.startsWith(LICENCE_ID_PREFIX)) return null;
  const parts = value.slice(LICENCE_ID_PREFIX.length).split('.');
  if (parts.length !== 5 || parts.some((p) => !/^[0-9A-Z]+$/.test(p))) return null;
  const [typeCode, issuerCreditCode, serial, version, check] = parts as [string, string, string, string, string];
  const body = `${typeCode}${issuerCreditCode}${serial}${version}`;
  if (mod3736CheckCharacter(body) !== check) return null;
  return { typeCode, issuerCreditCode, serial, version };
}
