/*
 * The catalog's vocabulary as plain TypeScript enums: the demo catalog is generated from them,
 * and every department that needs to reason about matters (the case system's seed, statistics)
 * shares them. The catalog subgraph registers them as GraphQL enums under the same names.
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
