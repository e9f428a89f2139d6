/*
 * The seed's progress on stderr: cases written of the total, the rate and an estimate of the time
 * left. On a terminal one line redrawn in place (at most ten times a second); in a log (CI, a
 * pipe) a line every few seconds, so the log stays readable.
 */

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  total: number;
  stream?: ProgressStream;
  /** Between two lines when the stream is no terminal. */
  logIntervalMs?: number;
  now?: () => number;
}

const BAR_WIDTH = 24;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const [h, m, r] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const mmss = `${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

export class ProgressBar {
  private readonly stream: ProgressStream;
  private readonly tty: boolean;
  private readonly now: () => number;
  private readonly started: number;
  private lastDrawn = Number.NEGATIVE_INFINITY;
  private drawnOnLine = false;

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr;
    this.tty = this.stream.isTTY === true;
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
  }

  /** The line for `done` of the total at this moment. */
  line(done: number): string {
    const { total } = this.options;
    const seconds = (this.now() - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
    const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
    return (
      `${bar} ${(fraction * 100).toFixed(1).padStart(5)} % ${done.toLocaleString('en')} / ${total.toLocaleString('en')} cases` +
      ` · ${Math.round(rate).toLocaleString('en')}/s · ${formatDuration(seconds)} elapsed · ETA ${formatDuration(eta)}`
    );
  }

  update(done: number): void {
    const at = this.now();
    const interval = this.tty ? 100 : (this.options.logIntervalMs ?? 5_000);
    if (at - this.lastDrawn < interval && done < this.options.total) return;
    this.lastDrawn = at;
    if (this.tty) {
      this.stream.write(`\r\u001b[2K${this.line(done)}`);
      this.drawnOnLine = true;
    } else {
      this.stream.write(`${this.line(done)}\n`);
    }
  }

  /** A step after the cases (rebuilding indexes, counters), on its own line. */
  note(message: string): void {
    this.endLine();
    this.stream.write(`${message}\n`);
  }

  private endLine(): void {
    if (this.drawnOnLine) this.stream.write('\n');
    this.drawnOnLine = false;
  }
}
