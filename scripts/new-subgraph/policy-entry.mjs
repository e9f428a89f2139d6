// A new department's entry in schema/data-policy.json: its personal data classified, and a draft
// agreement for every data flow its subgraph opens (a department extending Applicant receives the
// applicant references other departments send to every Applicant resolver). The governance code
// is TypeScript; tsx loads it here as it does for `npx govgraph`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

/**
 * The federation shape of a copy of the example (its src/applicant, src/record): all the analysis
 * reads. test/e2e/new-subgraph.e2e.ts checks a scaffold's own SDL has every line of it.
 */
export function scaffoldSdl(n) {
  return `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@interfaceObject"])

type Applicant @interfaceObject @key(fields: "id") {
  id: ID!
  ${n.camel}Records: [${n.pascal}Record!]!
}

type ${n.pascal}Record @key(fields: "id") {
  id: ID!
  title: String!
}
`;
}

/** Adds the department to the policy file; returns the agreements drafted (purpose and legal basis to write). */
export async function addPolicyEntry(root, n) {
  register({ tsconfig: join(root, 'tsconfig.json') });
  const governance = await import(pathToFileURL(join(root, 'schema', 'src', 'governance', 'index.ts')).href);
  const file = governance.DATA_POLICY_FILE;
  const current = governance.subgraphsOfSupergraph(readFileSync(governance.SUPERGRAPH_FILE, 'utf8'), governance.SUBGRAPHS_DIR);
  const { policy, added } = governance.draftDepartmentPolicy({
    policy: governance.loadDataPolicy(file),
    current,
    name: n.name,
    sdl: scaffoldSdl(n),
    personal: [`Applicant.${n.camel}Records`, `${n.pascal}Record.*`],
  });
  writeFileSync(file, `${JSON.stringify(policy, null, 2)}\n`);
  return added;
}
