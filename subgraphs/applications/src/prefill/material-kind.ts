/**
 * How a material is satisfied, as the catalog declares it (the catalog's `MaterialKind`, the same
 * values). Registered as a GraphQL enum with the external MaterialRequirement stub.
 */
export enum MaterialKind {
  LICENCE = 'LICENCE',
  DOCUMENT = 'DOCUMENT',
  GENERATED_FORM = 'GENERATED_FORM',
}
