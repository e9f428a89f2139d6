/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What an officer of the issuing department records when issuing a licence. */
export type IssueLicenceInput = {
  /** The case that decided the licence; taken from the case grant when holderId is one. */
  caseId?: string | number | null | undefined;
  /** The type’s structured fields. */
  data?: Array<LicenceDataInput> | null | undefined;
  /** The holder: a person (P-…) or an enterprise (E-…), as the type requires; or, for a case’s licence, the applicant id the officer’s review of the case gave (a case grant). */
  holderId: string | number;
  /** The holder’s name as printed on the licence. */
  holderName: string;
  /** Licence number; generated when absent. */
  number?: string | null | undefined;
  /** Licence type code, e.g. SPJYXKZ. */
  typeCode: string | number;
  /** Defaults to today. */
  validFrom?: string | null | undefined;
  /** Defaults to validFrom plus the type’s default validity; none for types without one. */
  validTo?: string | null | undefined;
};

export type LicenceDataInput = {
  key: string;
  value: string;
};

/** National status codes: 01 valid, 02 suspended, 03 revoked by the issuer (撤销), 04 cancelled (注销), 05 expired, 06 transferred out, 07 revoked as a penalty (吊销), 99 other. */
export type LicenceStatus =
  | 'CANCELLED'
  | 'EXPIRED'
  | 'OTHER'
  | 'PENALTY_REVOKED'
  | 'REVOKED'
  | 'SUSPENDED'
  | 'TRANSFERRED'
  | 'VALID';

export type IssueLicenceMutationVariables = Exact<{
  input: IssueLicenceInput;
}>;


export type IssueLicenceMutation = { issueLicence: { licence: { id: string, title: string, number: string, status: LicenceStatus, validFrom: string, validTo: string | null, holder:
        | { id: string, displayName: string }
        | { id: string, displayName: string }
      , issuer: { code: string, name: string } } } };


export const IssueLicenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssueLicence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IssueLicenceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issueLicence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"holder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"issuer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IssueLicenceMutation, IssueLicenceMutationVariables>;