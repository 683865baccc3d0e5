/** The progress line of a long export: offers done / total, rate and time left, on stderr. */

export interface ProgressOptions {
  write: (text: string) => void;
  /** Milliseconds; injected so tests do not depend on the wall clock. */
  now?: () => number;
  /** Rewrite one line in place (a terminal) instead of printing a line per update. */
  inPlace?: boolean;
  /** At most one update per this many milliseconds (the last one is always printed). */
  everyMs?: number;
}

export class Progress {
  private readonly now: () => number;
  private readonly started: number;
  private lastShown = -Infinity;
  private done = 0;
  private total: number | undefined;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  setTotal(total: number | undefined): void {
    this.total = total;
  }

  /** One more offer handled (written, skipped or failed). */
  tick(): void {
    this.done++;
    const at = this.now();
    const finished = this.total !== undefined && this.done >= this.total;
    if (!finished && at - this.lastShown < (this.options.everyMs ?? 1000)) return;
    this.lastShown = at;
    const line = progressLine(this.done, this.total, at - this.started);
    this.options.write(this.options.inPlace ? `\r${line}\u001b[K` : `${line}\n`);
  }

  /** Ends an in-place line so what follows starts on its own. */
  finish(): void {
    if (this.options.inPlace && this.done > 0) this.options.write("\n");
  }

  elapsedMs(): number {
    return this.now() - this.started;
  }
}

export function progressLine(done: number, total: number | undefined, elapsedMs: number): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  const of = total === undefined ? `${done}` : `${done}/${total}`;
  const left = total === undefined || rate === 0 ? undefined : (total - done) / rate;
  const eta = left === undefined ? "" : `, ETA ${duration(left)}`;
  return `offers ${of} (${rate.toFixed(1)}/s${eta})`;
}

export function duration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes}m${String(whole % 60).padStart(2, "0")}s` : `${whole}s`;
}
