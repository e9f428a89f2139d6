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

/** RECONSIDERATION: administrative reconsideration (行政复议); LITIGATION: an administrative lawsuit (行政诉讼). */
export type DisclosureReviewKind =
  | 'LITIGATION'
  | 'RECONSIDERATION';

/** PENDING: not concluded (尚未审结); MAINTAINED: the answer was upheld (维持); CORRECTED: it was corrected (纠正); OTHER: another result (其他结果). */
export type DisclosureReviewResult =
  | 'CORRECTED'
  | 'MAINTAINED'
  | 'OTHER'
  | 'PENDING';

export type MyDisclosureRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyDisclosureRequestsQuery = { me:
    | { id: string, disclosureRequests: Array<{ id: string, status: DisclosureRequestStatus, description: string, receivedOn: string, dueOn: string, outcome: DisclosureOutcome | null, refusalGround: DisclosureRefusalGround | null, repliedOn: string | null, answeredOnTime: boolean | null, feeYuan: number, extension: { days: number, reason: string, originalDueOn: string } | null, department: { code: string, name: string }, reviews: Array<{ kind: DisclosureReviewKind, filedOn: string, result: DisclosureReviewResult, closedOn: string | null }> }> }
    | { id: string, disclosureRequests: Array<{ id: string, status: DisclosureRequestStatus, description: string, receivedOn: string, dueOn: string, outcome: DisclosureOutcome | null, refusalGround: DisclosureRefusalGround | null, repliedOn: string | null, answeredOnTime: boolean | null, feeYuan: number, extension: { days: number, reason: string, originalDueOn: string } | null, department: { code: string, name: string }, reviews: Array<{ kind: DisclosureReviewKind, filedOn: string, result: DisclosureReviewResult, closedOn: string | null }> }> }
   | null };


export const MyDisclosureRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyDisclosureRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"disclosureRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"receivedOn"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"extension"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"originalDueOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"refusalGround"}},{"kind":"Field","name":{"kind":"Name","value":"repliedOn"}},{"kind":"Field","name":{"kind":"Name","value":"answeredOnTime"}},{"kind":"Field","name":{"kind":"Name","value":"feeYuan"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"filedOn"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"closedOn"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyDisclosureRequestsQuery, MyDisclosureRequestsQueryVariables>;