export { GENERATED_FORM_SIGNER, cjkFontPath, renderApplicationForm, type ApplicationFormInput } from './render-application-form.js';
export {
  generatedFormSignedText,
  produceGeneratedForm,
  sha256Hex,
  signGeneratedForm,
  verifyGeneratedForm,
  type GeneratedFormCase,
  type GeneratedFormSignature,
  type GeneratedFormVerification,
} from './form-signature.js';
export { EMPTY_VALUE, REPLACEMENT, cityDateTime, printable } from './form-text.js';
