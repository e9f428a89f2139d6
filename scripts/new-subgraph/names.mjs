// Every spelling of a department's name, and those of the live example (subgraphs/example-bureau)
// that new-subgraph replaces in its copy.

/** The live example department: a workspace `npm test` checks, never registered nor composed. */
export const EXAMPLE_NAME = 'example-bureau';
export const EXAMPLE_DIR = `subgraphs/${EXAMPLE_NAME}`;
/** The example's department, as its README and seed name it: `--department` replaces it. */
export const EXAMPLE_DEPARTMENT = '市示例局';

/**
 * `housing-fund` -> housingFund (code), HousingFund (types), HOUSING_FUND (environment),
 * housing_fund (tables), "Housing fund" (prose), HF (record ids), and a seed for seededRandom.
 */
export function namesOf(name) {
  const words = name.split('-');
  const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  const camel = pascal[0].toLowerCase() + pascal.slice(1);
  const title = words.join(' ');
  return {
    name,
    camel,
    pascal,
    env: name.toUpperCase().replace(/[^A-Z0-9]/g, '_'),
    snake: words.join('_'),
    title: title[0].toUpperCase() + title.slice(1),
    /** Mid-sentence: "read their housing fund records". */
    words: title,
    idPrefix: (words.length > 1 ? words.map((w) => w[0]).join('') : name.slice(0, 2)).toUpperCase(),
    // A fixed seed for seededRandom, different per department.
    seed: [...name].reduce((hash, c) => (Math.imul(hash, 31) + c.charCodeAt(0)) >>> 0, 7) % 1_000_000,
  };
}
