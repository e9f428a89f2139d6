/**
 * Variables that make the contract operations run on the demo data at once, by file name. An
 * operation missing here opens with its required variables set to null, to be filled in.
 */
export const EXAMPLE_VARIABLES: Readonly<Record<string, Record<string, unknown>>> = Object.freeze({
  'login.graphql': { username: 'zhangsan', password: 'demo' },
  'act-as.graphql': { enterpriseId: 'E-000001' },
  'matter-guide.graphql': { code: 'JJ-0101' },
  'start-form.graphql': { matterCode: 'JJ-0101' },
  'search-catalog.graphql': { filter: { text: '驾驶证' }, first: 5 },
  'hall-statistics.graphql': { year: 2025 },
  'officer-queue.graphql': { first: 5 },
  'my-data-access.graphql': { first: 20 },
  'matter-form.graphql': { code: 'JJ-0101' },
  'my-applications.graphql': { first: 5 },
});
