/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** INSTANT (即办件) is decided on the spot; PROMISED (承诺件) within the promised time limit. */
export type CaseType =
  | 'INSTANT'
  | 'PROMISED';

/** Narrows the catalog; all given conditions must hold. */
export type MatterFilter = {
  caseType?: CaseType | null | undefined;
  departmentCode?: string | number | null | undefined;
  /** Matters implemented at this division: 440300 for the city’s own, a district code for that district’s implementations. */
  divisionCode?: string | null | undefined;
  level?: MatterLevel | null | undefined;
  /** Only matters at this online depth (1-4) or deeper. */
  minOnlineDepth?: number | null | undefined;
  servedObject?: ServedObject | null | undefined;
  /** Substring of the matter name or the department name. */
  text?: string | null | undefined;
  type?: MatterType | null | undefined;
};

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

export type SearchCatalogQueryVariables = Exact<{
  filter?: MatterFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchCatalogQuery = { matters: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { code: string, name: string, type: MatterType, caseType: CaseType, onlineDepth: number, promisedTimeLimitDays: number, department: { code: string, name: string } } }> }, departments: Array<{ code: string, name: string, matterCount: number }> };


export const SearchCatalogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchCatalog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MatterFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"caseType"}},{"kind":"Field","name":{"kind":"Name","value":"onlineDepth"}},{"kind":"Field","name":{"kind":"Name","value":"promisedTimeLimitDays"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"matterCount"}}]}}]}}]} as unknown as DocumentNode<SearchCatalogQuery, SearchCatalogQueryVariables>;