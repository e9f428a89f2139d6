import { registerEnumType } from 'type-graphql';

/*
 * The catalog's vocabulary, registered once here as GraphQL enums: the catalog owns them, the
 * demo catalog is generated from them, and the case system declares the catalog fields it
 * receives through @requires with exactly the same enums.
 */

/** The ten kinds of administrative power, and public service. */
export enum MatterType {
  LICENSING = 'LICENSING',
  PENALTY = 'PENALTY',
  COERCION = 'COERCION',
  LEVY = 'LEVY',
  BENEFIT = 'BENEFIT',
  INSPECTION = 'INSPECTION',
  CONFIRMATION = 'CONFIRMATION',
  REWARD = 'REWARD',
  ADJUDICATION = 'ADJUDICATION',
  OTHER_POWER = 'OTHER_POWER',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
}

/** Who implements a matter: the city department, or a district from the city's definition. */
export enum MatterLevel {
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
}

/** INSTANT (即办件) is decided on the spot; PROMISED (承诺件) within the promised time limit. */
export enum CaseType {
  INSTANT = 'INSTANT',
  PROMISED = 'PROMISED',
}

export enum ServedObject {
  PERSON = 'PERSON',
  ENTERPRISE = 'ENTERPRISE',
}

export enum FormFieldType {
  TEXT = 'TEXT',
  NUMBER = 'NUMBER',
  DATE = 'DATE',
  ID_NUMBER = 'ID_NUMBER',
  CREDIT_CODE = 'CREDIT_CODE',
  MOBILE = 'MOBILE',
  EMAIL = 'EMAIL',
  ADDRESS = 'ADDRESS',
  CHOICE = 'CHOICE',
}

registerEnumType(MatterType, {
  name: 'MatterType',
  description: '行政许可, 行政处罚, 行政强制, 行政征收, 行政给付, 行政检查, 行政确认, 行政奖励, 行政裁决, 其他, or 公共服务.',
});
registerEnumType(MatterLevel, { name: 'MatterLevel' });
registerEnumType(CaseType, {
  name: 'CaseType',
  description: 'INSTANT (即办件) is decided on the spot; PROMISED (承诺件) within the promised time limit.',
});
registerEnumType(ServedObject, { name: 'ServedObject' });
registerEnumType(FormFieldType, { name: 'FormFieldType' });
