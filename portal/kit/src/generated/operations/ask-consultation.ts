/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A question an applicant asks a department online. */
export type AskConsultationInput = {
  /** WEBSITE or WECHAT: the desk and the hotline are recorded by officers. */
  channel: ConsultationChannel;
  /** The department's unified social credit code. */
  departmentCode: string;
  /** The matter asked about, by its implementation code. */
  matterCode?: string | null | undefined;
  /** 5 to 500 characters. */
  question: string;
};

/** Where a consultation came in: the hall desk (现场咨询), the 12345 hotline, the website or WeChat. */
export type ConsultationChannel =
  /** At the hall desk, answered on the spot (现场咨询). */
  | 'HALL_DESK'
  /** On the 12345 citizen hotline. */
  | 'HOTLINE_12345'
  /** Online, on the hall website. */
  | 'WEBSITE'
  /** On the hall's WeChat account. */
  | 'WECHAT';

/** WAITING for an answer, or ANSWERED. */
export type ConsultationStatus =
  | 'ANSWERED'
  | 'WAITING';

export type AskConsultationMutationVariables = Exact<{
  input: AskConsultationInput;
}>;


export type AskConsultationMutation = { askConsultation: { id: string, status: ConsultationStatus, channel: ConsultationChannel, askedAt: string, dueAt: string, department: { code: string, name: string }, matter: { code: string, name: string } | null } };


export const AskConsultationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AskConsultation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AskConsultationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"askConsultation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"askedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"matter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AskConsultationMutation, AskConsultationMutationVariables>;