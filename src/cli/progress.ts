/**
 * Progress for long loads: a redrawn line with rows/s and ETA on a terminal, plain lines every few
 * seconds otherwise (CI logs, pipes), and a summary at the end.
 */
export class Progress {
  private readonly started = Date.now();
  // The first line waits a moment too, so that a rate can be computed.
  private lastPrint = Date.now();
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    private readonly total: number | null,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(stream.isTTY);
  }

  /**
   * Reports `done` rows so far (throttled). `fraction` (0–1) is the share of the input consumed, for
   * sources whose row count is unknown in advance (a file being read: bytes read / file size).
   */
  update(done: number, fraction?: number): void {
    const now = Date.now();
    if (now - this.lastPrint < (this.tty ? 200 : 5000)) return;
    this.lastPrint = now;
    this.fraction = fraction;
    this.write(this.line(done, now));
  }

  private fraction?: number;

  /** Prints the final line and returns the elapsed seconds. */
  finish(done: number): number {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : done;
    if (this.tty) this.stream.write('\r\x1b[2K');
    this.stream.write(
      `${this.label}: ${done.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s (${rate.toLocaleString('en-US')} rows/s)\n`,
    );
    return seconds;
  }

  private line(done: number, now: number): string {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const parts = [`${this.label}: ${done.toLocaleString('en-US')}`];
    if (this.total || this.fraction !== undefined) {
      const fraction = Math.min(1, this.fraction ?? done / this.total!);
      const width = 24;
      const filled = Math.round(fraction * width);
      parts[0] += `${this.total ? ` / ${this.total.toLocaleString('en-US')}` : ''} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(1)}%`;
      if (fraction > 0) parts.push(`ETA ${Math.max(0, Math.round(seconds / fraction - seconds))} s`);
    }
    parts.push(`${Math.round(rate).toLocaleString('en-US')} rows/s`);
    return parts.join('  ');
  }

  private write(text: string): void {
    if (this.tty) this.stream.write(`\r\x1b[2K${text}`);
    else this.stream.write(`${text}\n`);
  }
}
