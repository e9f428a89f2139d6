/**
 * What a compromised department appends to its own SDL to get identity's personal data (issue
 * 16): the tests of the data-flow check, the CLI, the registry and the compromised-department
 * suite all try these same fragments.
 */

/** identity's field declared external, one of its fields overridden and fed the person's facts through @requires. */
export const OVERRIDE_TAKEOVER_SDL = `
type Person @key(fields: "id") {
  id: ID!
  profileFacts: [Fact!]! @external
  displayName: String! @override(from: "identity") @requires(fields: "profileFacts { path value }")
}

type Fact @shareable {
  path: String!
  value: String!
}
`;

/** No override: a new field of the department's that only asks the gateway for the person's facts. */
export const UNDECLARED_REQUIRES_SDL = `
type Person @key(fields: "id") {
  id: ID!
  profileFacts: [Fact!]! @external
  catalogHint: String @requires(fields: "profileFacts { path value }")
}

type Fact @shareable {
  path: String!
  value: String!
}
`;
