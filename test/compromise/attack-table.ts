/** One attempt of the compromised department, and what came of it. */
export interface AttackOutcome {
  attack: string;
  /** The refusal the graph must give. */
  expected: string;
  /** What the graph did, in a few words (status, code, what changed). */
  outcome: string;
  refused: boolean;
}

/** The suite's printed table: attack, expected refusal, outcome, and a verdict per row. */
export function formatAttackTable(rows: AttackOutcome[]): string {
  const widths = [Math.max(6, ...rows.map((r) => r.attack.length)), Math.max(17, ...rows.map((r) => r.expected.length))];
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(widths[0]!)}  ${b.padEnd(widths[1]!)}  ${d.padEnd(7)}  ${c}`;
  return [
    line('attack', 'expected refusal', 'outcome', 'verdict'),
    line('-'.repeat(widths[0]!), '-'.repeat(widths[1]!), '-'.repeat(7), '-------'),
    ...rows.map((r) => line(r.attack, r.expected, r.outcome, r.refused ? 'refused' : 'GOT IN')),
    '',
    `${rows.filter((r) => r.refused).length} of ${rows.length} attacks refused`,
  ].join('\n');
}
