/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How a request for disclosure was answered. */
export type DisclosureOutcome =
  /** 予以公开: disclosed in full. */
  | 'DISCLOSED'
  /** 不予公开: not disclosed; a refusal ground says why. */
  | 'NOT_DISCLOSED'
  /** 信息不存在: the authority does not hold the information. */
  | 'NOT_EXISTING'
  /** 非本机关负责公开: another authority is responsible. */
  | 'NOT_THIS_AUTHORITY'
  /** 部分公开: disclosed in part; a refusal ground says why the rest was not. */
  | 'PARTIALLY_DISCLOSED';

/** Why information was withheld, by article of the 2019 Regulation on the Disclosure of Government Information. */
export type DisclosureRefusalGround =
  /** Art. 14: disclosure would endanger national, public, economic or social security or stability (三安全一稳定). */
  | 'ENDANGERS_SECURITY'
  /** Art. 16: an administrative enforcement case file (行政执法案卷). */
  | 'ENFORCEMENT_FILE'
  /** Art. 16: internal affairs of the authority (内部事务信息). */
  | 'INTERNAL_AFFAIRS'
  /** Art. 14: laws or administrative regulations forbid disclosure (法律行政法规禁止公开). */
  | 'LAW_FORBIDS'
  /** Art. 15: the personal privacy of a third party (个人隐私). */
  | 'PERSONAL_PRIVACY'
  /** Art. 16: process information such as deliberations and drafts (过程性信息). */
  | 'PROCESS_INFORMATION'
  /** Art. 14: a state secret (国家秘密). */
  | 'STATE_SECRET'
  /** Art. 15: a trade secret of a third party (商业秘密). */
  | 'TRADE_SECRET';

/** RECEIVED: waiting for an answer; EXTENDED: waiting, the time limit extended; ANSWERED: replied to. */
export type DisclosureRequestStatus =
  | 'ANSWERED'
  | 'EXTENDED'
  | 'RECEIVED';

export type AnswerDisclosureRequestMutationVariables = Exact<{
  id: string | number;
  outcome: DisclosureOutcome;
  refusalGround?: DisclosureRefusalGround | null | undefined;
}>;


export type AnswerDisclosureRequestMutation = { answerDisclosureRequest: { id: string, status: DisclosureRequestStatus, outcome: DisclosureOutcome | null, refusalGround: DisclosureRefusalGround | null, repliedOn: string | null, answeredOnTime: boolean | null } };


export const AnswerDisclosureRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnswerDisclosureRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DisclosureOutcome"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refusalGround"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DisclosureRefusalGround"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answerDisclosureRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"outcome"},"value":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}}},{"kind":"Argument","name":{"kind":"Name","value":"refusalGround"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refusalGround"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"refusalGround"}},{"kind":"Field","name":{"kind":"Name","value":"repliedOn"}},{"kind":"Field","name":{"kind":"Name","value":"answeredOnTime"}}]}}]}}]} as unknown as DocumentNode<AnswerDisclosureRequestMutation, AnswerDisclosureRequestMutationVariables>;