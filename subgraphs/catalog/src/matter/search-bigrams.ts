/**
 * Every distinct pair of neighbouring characters (code points) of a matter's search text, folded
 * to lower case: a two-character search is then one indexed equality on `matter_bigram` instead
 * of a LIKE over every matter (trigram indexes — FTS5 trigram, pg_trgm — answer three characters
 * and more, and two-character Chinese words are what citizens type most: 食品, 户口, 驾驶).
 */
export function searchBigrams(text: string): string[] {
  const characters = [...text.toLowerCase()];
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < characters.length; i++) bigrams.add(characters[i]! + characters[i + 1]!);
  return [...bigrams];
}

/** The bigram a two-character search looks up, or null when the text is not two characters. */
export function searchBigram(text: string): string | null {
  const characters = [...text.toLowerCase()];
  return characters.length === 2 ? characters[0]! + characters[1]! : null;
}

/** The matter_bigram rows of some matters. */
export function bigramRows(matters: ReadonlyArray<{ code: string; search_text: string }>): Array<{ bigram: string; matter_code: string }> {
  return matters.flatMap((m) => searchBigrams(m.search_text).map((bigram) => ({ bigram, matter_code: m.code })));
}
