import DataLoader from 'dataloader';

/**
 * One row per key: a single query for every key asked in the same tick, answered in key
 * order, null where nothing was found.
 */
export function keyedLoader<Key, Row>(fetch: (keys: readonly Key[]) => Promise<Row[]>, keyOf: (row: Row) => Key): DataLoader<Key, Row | null> {
  return new DataLoader(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Many rows per key (a holder's licences, a matter's materials), in one query. */
export function groupedLoader<Key, Row>(fetch: (keys: readonly Key[]) => Promise<Row[]>, groupOf: (row: Row) => Key): DataLoader<Key, Row[]> {
  return new DataLoader(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<Key, Row[]>();
    for (const row of rows) {
      const key = groupOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}
