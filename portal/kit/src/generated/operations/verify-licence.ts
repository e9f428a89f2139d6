/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

export type VerifyLicenceQueryVariables = Exact<{
  id: string | number;
}>;


export type VerifyLicenceQuery = { verifyLicence: { id: string, genuine: boolean, status: LicenceStatus | null, title: string | null, holderNameMasked: string | null, validTo: string | null, issuer: { code: string, name: string } | null } };


export const VerifyLicenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyLicence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyLicence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"genuine"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"holderNameMasked"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"issuer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<VerifyLicenceQuery, VerifyLicenceQueryVariables>;