/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** How the hall office closed a complaint. */
export type ConsultationComplaintOutcome =
  /** Not upheld: the department acted correctly (不予支持). */
  | 'NOT_UPHELD'
  /** Partly resolved (部分解决). */
  | 'PARTLY_RESOLVED'
  /** Referred to the competent authority (转办). */
  | 'REFERRED'
  /** Resolved (已解决). */
  | 'RESOLVED';

/** WAITING for an answer, or ANSWERED. */
export type ConsultationStatus =
  | 'ANSWERED'
  | 'WAITING';

export type MyConsultationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyConsultationsQuery = { me:
    | { id: string, consultations: Array<{ id: string, status: ConsultationStatus, channel: ConsultationChannel, question: string, askedAt: string, dueAt: string, answer: string | null, answeredAt: string | null, answeredInTime: boolean | null, department: { code: string, name: string }, matter: { code: string, name: string } | null }>, consultationComplaints: Array<{ id: string, subject: string, receivedAt: string, coordinated: boolean, outcome: ConsultationComplaintOutcome | null, closedAt: string | null, rating: number | null, department: { code: string, name: string } }> }
    | { id: string, consultations: Array<{ id: string, status: ConsultationStatus, channel: ConsultationChannel, question: string, askedAt: string, dueAt: string, answer: string | null, answeredAt: string | null, answeredInTime: boolean | null, department: { code: string, name: string }, matter: { code: string, name: string } | null }>, consultationComplaints: Array<{ id: string, subject: string, receivedAt: string, coordinated: boolean, outcome: ConsultationComplaintOutcome | null, closedAt: string | null, rating: number | null, department: { code: string, name: string } }> }
   | null };


export const MyConsultationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyConsultations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"consultations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"question"}},{"kind":"Field","name":{"kind":"Name","value":"askedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"answeredInTime"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"matter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"consultationComplaints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"coordinated"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyConsultationsQuery, MyConsultationsQueryVariables>;