import pg from 'pg';

/*
 * COPY … FROM STDIN for PostgreSQL without another dependency: node-postgres hands a query the
 * server's CopyInResponse (handleCopyInResponse), and its connection sends CopyData and CopyDone
 * messages. Measured against bulkInsert's json_populate_recordset on a fiftieth of the year
 * (170,124 cases, 571,991 history entries, secondary indexes dropped, formatting included): 8.3–9.7 s
 * against 9.4–10.6 s. Not much per row, but the server parses no JSON, and a day's rows are
 * queued as one statement per table that the server reads while the next day is generated.
 */

/** Just what we use of node-postgres' internal connection. */
interface CopyConnection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format: \N for null, backslash escapes for the four characters that need them. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  const text = String(value);
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text;
}

/** Rows as COPY text, one line each, the columns in the given order. */
export function copyText(rows: readonly object[], columns: readonly string[]): string {
  let text = '';
  for (const row of rows as ReadonlyArray<Record<string, unknown>>) {
    text += copyValue(row[columns[0]!]);
    for (let i = 1; i < columns.length; i++) text += `\t${copyValue(row[columns[i]!])}`;
    text += '\n';
  }
  return text;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Copies rows (objects with the same keys) into a table on the client's connection, inside its transaction if one is open. */
export function copyRows(client: pg.Client, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return Promise.resolve();
  const columns = Object.keys(rows[0]!);
  return copyData(client, table, columns, [Buffer.from(copyText(rows, columns), 'utf8')]);
}

/**
 * Sends COPY text already built (`copyText`) into a table. The query is queued on the client like
 * any other, so a caller may build the next batch while the server still reads this one.
 */
export function copyData(client: pg.Client, table: string, columns: readonly string[], parts: readonly Buffer[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const query = new pg.Query(`copy ${quote(table)} (${columns.map(quote).join(', ')}) from stdin`, [], (error: Error | undefined) => (error ? reject(error) : resolve()));
    (query as unknown as { handleCopyInResponse(connection: CopyConnection): void }).handleCopyInResponse = (connection) => {
      // One CopyData message per 1 MiB at most: the server reads them as they come.
      for (const data of parts) {
        for (let start = 0; start < data.length; start += 1 << 20) connection.sendCopyFromChunk(data.subarray(start, start + (1 << 20)));
      }
      connection.endCopyFrom();
    };
    client.query(query as never);
  });
}
