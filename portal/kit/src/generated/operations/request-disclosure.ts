/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A request for disclosure of government information. */
export type DisclosureRequestInput = {
  /** The department asked: its unified social credit code. */
  departmentCode: string;
  /** The information asked for, 10 to 2000 characters. */
  description: string;
};

/** RECEIVED: waiting for an answer; EXTENDED: waiting, the time limit extended; ANSWERED: replied to. */
export type DisclosureRequestStatus =
  | 'ANSWERED'
  | 'EXTENDED'
  | 'RECEIVED';

export type RequestDisclosureMutationVariables = Exact<{
  input: DisclosureRequestInput;
}>;


export type RequestDisclosureMutation = { requestDisclosure: { id: string, status: DisclosureRequestStatus, receivedOn: string, dueOn: string, department: { code: string, name: string } } };


export const RequestDisclosureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestDisclosure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DisclosureRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestDisclosure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedOn"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RequestDisclosureMutation, RequestDisclosureMutationVariables>;