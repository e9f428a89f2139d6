import { createHash } from 'node:crypto';
import type { PartyKeys, SignatureRefusal, TrustStore } from '@govgraph/kit/trust';
import { GENERATED_FORM_SIGNER, renderApplicationForm, type ApplicationFormInput } from './render-application-form.js';

/** What is stored with the case for a generated form: its content address and applications' signature over it. */
export interface GeneratedFormSignature {
  /** SHA-256 of the PDF's bytes, lower-case hex: also its address under DATA_DIR/documents. */
  sha256: string;
  /** base64url Ed25519 signature by applications' key. */
  signature: string;
  /** The id of the applications key that made it (the one the PDF's footer names). */
  keyId: string;
}

/** The case the form belongs to: the signature binds the document to it. */
export interface GeneratedFormCase {
  caseId: string;
  caseNumber: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The text applications signs: a purpose line of its own, so no other signed thing of applications' can pass for it. */
export function generatedFormSignedText(of: GeneratedFormCase & { sha256: string }): string {
  return `govgraph-generated-form-v1\n${of.caseId}\n${of.caseNumber}\n${of.sha256}`;
}

function assertCase(of: GeneratedFormCase): void {
  // Newlines would let one case's fields pass for another's in the signed text.
  for (const value of [of.caseId, of.caseNumber]) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a control character is never part of a case id or number.
    if (typeof value !== 'string' || value.length === 0 || value.length > 128 || /[\u0000-\u001F\u007F]/.test(value)) throw new Error('not a case id or number');
  }
}

/** applications signs the PDF's SHA-256 with the case id and number, with its own active key. */
export function signGeneratedForm(keys: PartyKeys, of: GeneratedFormCase & { pdf: Buffer }): GeneratedFormSignature {
  if (keys.party !== GENERATED_FORM_SIGNER) throw new Error(`only ${GENERATED_FORM_SIGNER} signs generated forms, not ${keys.party}`);
  assertCase(of);
  const sha256 = sha256Hex(of.pdf);
  const { kid, signature } = keys.sign(generatedFormSignedText({ caseId: of.caseId, caseNumber: of.caseNumber, sha256 }));
  return { sha256, signature, keyId: kid };
}

export type GeneratedFormVerification = { ok: true; keyId: string } | { ok: false; reason: 'altered' | SignatureRefusal };

/**
 * Whether the bytes are the form applications signed for this case: their SHA-256 is the stored one,
 * and the signature verifies under applications' key in the trust list (no other party's key).
 * A retired key verifies nothing any more.
 */
export function verifyGeneratedForm(trust: TrustStore, of: GeneratedFormCase & { pdf: Buffer }, stored: GeneratedFormSignature): GeneratedFormVerification {
  if (!SHA256_HEX.test(stored.sha256) || sha256Hex(of.pdf) !== stored.sha256) return { ok: false, reason: 'altered' };
  try {
    assertCase(of);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const checked = trust.verify(GENERATED_FORM_SIGNER, `${stored.keyId}.${stored.signature}`, generatedFormSignedText({ ...of, sha256: stored.sha256 }));
  return checked.ok ? { ok: true, keyId: checked.kid } : checked;
}

/**
 * Renders the form with the key id that will sign it in the footer, and signs it. Should the key
 * rotate between the two (a rotation reaches a process within 30 s), renders again with the new
 * id, so the footer always names the key that signed.
 */
export async function produceGeneratedForm(
  keys: PartyKeys,
  form: Omit<ApplicationFormInput, 'keyId'> & { caseId: string },
): Promise<{ pdf: Buffer; signed: GeneratedFormSignature }> {
  const { caseId, ...input } = form;
  let keyId = keys.activeKeyId();
  for (let attempt = 0; ; attempt += 1) {
    const pdf = await renderApplicationForm({ ...input, keyId });
    const signed = signGeneratedForm(keys, { caseId, caseNumber: input.caseNumber, pdf });
    if (signed.keyId === keyId || attempt >= 2) return { pdf, signed };
    keyId = signed.keyId;
  }
}
