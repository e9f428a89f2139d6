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

/** The applicant answers a correction request (补正): changed fields and materials replace the earlier ones. */
export type CorrectApplicationInput = {
  fields?: Array<FieldValueInput> | null | undefined;
  id: string | number;
  materials?: Array<MaterialEvidenceInput> | null | undefined;
  note?: string | null | undefined;
};

/** A value for one field of the form. */
export type FieldValueInput = {
  key: string;
  /** Null or empty leaves an optional field empty. */
  value?: string | null | undefined;
};

/** What the applicant gives for one material: a licence of theirs, or a document they uploaded. */
export type MaterialEvidenceInput = {
  documentId?: string | number | null | undefined;
  licenceId?: string | number | null | undefined;
  requirementCode: string;
};

export type CorrectApplicationMutationVariables = Exact<{
  input: CorrectApplicationInput;
}>;


export type CorrectApplicationMutation = { correctApplication: { application: { id: string, number: string, status: ApplicationStatus, deadline: string, history: Array<{ at: string, status: ApplicationStatus, actor: string, note: string | null }> } } };


export const CorrectApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CorrectApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CorrectApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correctApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CorrectApplicationMutation, CorrectApplicationMutationVariables>;