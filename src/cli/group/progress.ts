/**
 * The group run's progress on stderr: workbooks done of all, rows checked, time elapsed and the
 * estimated time left (from the bytes of the workbooks done, since branches differ in size). On
 * a terminal one line redrawn in place at most every 200 ms; in a log (not a terminal) a line at
 * every tenth of the workbooks, so a batch log stays short.
 */
import type { Lang } from "../../i18n/bilingual";

export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** m:ss, or h:mm:ss past an hour. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

const BAR_WIDTH = 24;
const REDRAW_MS = 200;

export class GroupProgress {
  private files = 0;
  private failed = 0;
  private rows = 0;
  private bytesDone = 0;
  private readonly started: number;
  private lastDraw = 0;
  private lastTenth = 0;
  private drawn = false;

  constructor(
    private readonly totalFiles: number,
    private readonly totalBytes: number,
    private readonly out: ProgressSink,
    private readonly lang: Lang,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.started = now();
  }

  /** A workbook finished (checked or failed): its bytes and the open items it gave. */
  fileDone(bytes: number, rows: number, failed: boolean): void {
    this.files += 1;
    this.rows += rows;
    this.bytesDone += bytes;
    if (failed) this.failed += 1;
    this.show(false);
  }

  /** The line as it stands. */
  line(): string {
    const elapsed = (this.now() - this.started) / 1000;
    const share = this.totalBytes > 0 ? this.bytesDone / this.totalBytes : this.totalFiles > 0 ? this.files / this.totalFiles : 1;
    const filled = Math.round(Math.min(1, share) * BAR_WIDTH);
    const bar = `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}]`;
    // No estimate until a hundredth of the bytes is done: a few small files say nothing of the rest.
    const left = this.files === this.totalFiles ? 0 : share >= 0.01 ? (elapsed * (1 - share)) / share : null;
    const rows = this.rows.toLocaleString("en-US");
    const zh = this.lang === "zh-CN";
    const failed = this.failed === 0 ? "" : zh ? `，失败 ${this.failed}` : `, ${this.failed} failed`;
    const eta = left === null ? (zh ? "剩余 ?" : "? left") : zh ? `剩余约 ${clock(left)}` : `~${clock(left)} left`;
    return zh
      ? `${bar} ${this.files}/${this.totalFiles} 个工作簿${failed} · ${rows} 行 · 已用 ${clock(elapsed)} · ${eta}`
      : `${bar} ${this.files}/${this.totalFiles} workbooks${failed} · ${rows} rows · ${clock(elapsed)} elapsed · ${eta}`;
  }

  private show(final: boolean): void {
    if (this.out.isTTY === true) {
      const t = this.now();
      if (!final && t - this.lastDraw < REDRAW_MS && this.files < this.totalFiles) return;
      this.lastDraw = t;
      this.out.write(`\r${this.line()}\u001b[K`);
      this.drawn = true;
      return;
    }
    const tenth = this.totalFiles === 0 ? 10 : Math.floor((this.files * 10) / this.totalFiles);
    if (final || tenth > this.lastTenth) {
      this.lastTenth = tenth;
      this.out.write(`${this.line()}\n`);
    }
  }

  /** Ends the progress display (a terminal's line gets its newline). */
  finish(): void {
    if (this.out.isTTY === true && this.drawn) this.out.write("\n");
  }
}
