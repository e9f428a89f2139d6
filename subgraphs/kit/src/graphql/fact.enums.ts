import { registerEnumType } from 'type-graphql';

/** Material trust levels of the national guidance on reusing materials (docs/domain.md). */
export enum TrustLevel {
  /** Produced by the handling agency itself; used directly. */
  A = 'A',
  /** Checked by window staff; reusable. */
  B = 'B',
  /** Uploaded by the applicant; original to be checked. */
  C = 'C',
  /** Declared by the applicant on their commitment. */
  D = 'D',
}
registerEnumType(TrustLevel, {
  name: 'TrustLevel',
  description: 'A: produced by the agency itself; B: checked by window staff; C: uploaded by the applicant; D: declared by the applicant.',
});
