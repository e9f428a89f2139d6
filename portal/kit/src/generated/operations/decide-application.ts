/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** SUBMITTED → ACCEPTED (受理) or CORRECTION_REQUESTED (补正, the clock pauses) → APPROVED / REJECTED → COMPLETED (办结); WITHDRAWN by the applicant before a decision. */
export type ApplicationStatus =
  | 'ACCEPTED'
  | 'APPROVED'
  | 'COMPLETED'
  | 'CORRECTION_REQUESTED'
  | 'REJECTED'
  | 'SUBMITTED'
  | 'WITHDRAWN';

export type DecideApplicationInput = {
  action: DecisionAction;
  id: string | number;
  /** Shown in the history; for a correction request, what to correct. */
  note?: string | null | undefined;
};

/** What an officer does with a case of their department. */
export type DecisionAction =
  | 'ACCEPT'
  | 'APPROVE'
  | 'COMPLETE'
  | 'REJECT'
  | 'REQUEST_CORRECTION';

export type DecideApplicationMutationVariables = Exact<{
  input: DecideApplicationInput;
}>;


export type DecideApplicationMutation = { decideApplication: { application: { id: string, number: string, status: ApplicationStatus, history: Array<{ at: string, status: ApplicationStatus, actor: string, note: string | null }> } } };


export const DecideApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DecideApplicationMutation, DecideApplicationMutationVariables>;