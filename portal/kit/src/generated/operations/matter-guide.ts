/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** INSTANT (即办件) is decided on the spot; PROMISED (承诺件) within the promised time limit. */
export type CaseType =
  | 'INSTANT'
  | 'PROMISED';

export type FormFieldType =
  | 'ADDRESS'
  | 'CHOICE'
  | 'CREDIT_CODE'
  | 'DATE'
  | 'EMAIL'
  | 'ID_NUMBER'
  | 'MOBILE'
  | 'NUMBER'
  | 'TEXT';

export type MatterLevel =
  | 'CITY'
  | 'DISTRICT';

/** 行政许可, 行政处罚, 行政强制, 行政征收, 行政给付, 行政检查, 行政确认, 行政奖励, 行政裁决, 其他, or 公共服务. */
export type MatterType =
  | 'ADJUDICATION'
  | 'BENEFIT'
  | 'COERCION'
  | 'CONFIRMATION'
  | 'INSPECTION'
  | 'LEVY'
  | 'LICENSING'
  | 'OTHER_POWER'
  | 'PENALTY'
  | 'PUBLIC_SERVICE'
  | 'REWARD';

export type ServedObject =
  | 'ENTERPRISE'
  | 'PERSON';

export type MatterGuideQueryVariables = Exact<{
  code: string | number;
}>;


export type MatterGuideQuery = { matter: { code: string, name: string, type: MatterType, level: MatterLevel, caseType: CaseType, legalBasis: string, legalTimeLimitDays: number, promisedTimeLimitDays: number, onlineDepth: number, visitsRequired: number, fee: string, servedObjects: Array<ServedObject>, department: { code: string, name: string }, materials: Array<{ code: string, name: string, required: boolean, acceptsLicenceType: { code: string, name: string } | null }>, form: { fields: Array<{ key: string, label: string, type: FormFieldType, required: boolean, source: string | null }> } } | null };


export const MatterGuideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MatterGuide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"caseType"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"legalTimeLimitDays"}},{"kind":"Field","name":{"kind":"Name","value":"promisedTimeLimitDays"}},{"kind":"Field","name":{"kind":"Name","value":"onlineDepth"}},{"kind":"Field","name":{"kind":"Name","value":"visitsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"servedObjects"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"acceptsLicenceType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"form"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MatterGuideQuery, MatterGuideQueryVariables>;