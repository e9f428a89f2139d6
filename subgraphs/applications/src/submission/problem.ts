/** One thing wrong with a submission; all of them are reported together. */
export interface Problem {
  /** fields.<key>, materials.<code>, or the input field, so a form can highlight it. */
  path: string;
  message: string;
}
