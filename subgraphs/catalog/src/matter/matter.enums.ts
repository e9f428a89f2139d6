/*
 * The catalog's vocabulary (MatterType, MatterLevel, CaseType, ServedObject, FormFieldType) is
 * defined and registered as GraphQL enums in the kit, so the case system can declare the fields
 * it receives from the catalog with the very same enums.
 */
export { CaseType, FormFieldType, MatterLevel, MatterType, ServedObject } from '@govgraph/kit';
