/**
 * Progress on stderr. On a terminal: one line redrawn in place with `\r`
 * (files done/total, pages/s, failures, ETA). Elsewhere (CI logs, pipes) no
 * progress at all, only the summary line: a log full of bars is noise.
 * Hand-rolled because a single line is all it takes; a bar library would add
 * dependencies for no gain.
 */

export interface ProgressCounts {
  done: number;
  total: number;
  failed: number;
  pages: number;
  /** Of those pages, the ones read by OCR: they take seconds each, so they explain a slow rate. */
  ocrPages: number;
  elapsedMs: number;
}

export interface Summary {
  ok: number;
  failed: number;
  skipped: number;
  pages: number;
  ocrPages: number;
  parseStatus: { complete: number; partial: number; failed: number };
  elapsedMs: number;
}

/** The bar line, fitted to `width` columns (the terminal's). */
export function renderProgress(c: ProgressCounts, width: number): string {
  const seconds = c.elapsedMs / 1000;
  const rate = seconds > 0 ? c.pages / seconds : 0;
  const eta = c.done > 0 && c.done < c.total ? formatDuration((c.elapsedMs / c.done) * (c.total - c.done)) : "--:--";
  const ocr = c.ocrPages > 0 ? ` | ${c.ocrPages} OCR` : "";
  const stats = ` ${c.done}/${c.total} files | ${rate.toFixed(1)} pages/s${ocr} | ${c.failed} failed | ETA ${eta}`;
  const barWidth = Math.max(0, Math.min(30, width - stats.length - 3));
  if (barWidth < 5) return stats.trimStart().slice(0, Math.max(0, width - 1));
  const filled = c.total > 0 ? Math.round((barWidth * c.done) / c.total) : barWidth;
  return `[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}]${stats}`;
}

/**
 * The final line, printed on terminals and elsewhere alike: what became of the
 * inputs (parsed, skipped by --resume, errors), then how well the documents
 * parsed (parseStatus of parsed and skipped ones alike).
 */
export function formatSummary(s: Summary): string {
  const p = s.parseStatus;
  return (
    `${s.ok} parsed, ${s.skipped} skipped, ${s.failed} failed; ` +
    `documents: ${p.complete} complete, ${p.partial} partial, ${p.failed} failed; ` +
    `${s.pages} pages${s.ocrPages > 0 ? ` (${s.ocrPages} by OCR)` : ""}, ${(s.elapsedMs / 1000).toFixed(1)} s`
  );
}

/** "m:ss", or "h:mm:ss" past an hour. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** Redraws the bar at most every 100 ms; a no-op when stderr is not a terminal. */
export class ProgressLine {
  private readonly counts: ProgressCounts;
  private readonly started = Date.now();
  private lastDraw = 0;
  private visible = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    total: number,
    private readonly enabled = stream.isTTY === true,
  ) {
    this.counts = { done: 0, total, failed: 0, pages: 0, ocrPages: 0, elapsedMs: 0 };
    this.draw(true);
  }

  /** Count one input done: parsed, failed, or skipped by --resume. */
  tick(ok: boolean, pages: number, ocrPages = 0): void {
    this.counts.done++;
    this.counts.pages += pages;
    this.counts.ocrPages += ocrPages;
    if (!ok) this.counts.failed++;
    this.draw(this.counts.done === this.counts.total);
  }

  /** Print a line above the bar without tearing it. */
  log(line: string): void {
    this.clear();
    this.stream.write(line + "\n");
    this.draw(true);
  }

  /** Remove the bar before the summary is printed. */
  clear(): void {
    if (!this.visible) return;
    this.stream.write("\r\x1b[2K");
    this.visible = false;
  }

  private draw(force: boolean): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.counts.elapsedMs = now - this.started;
    this.stream.write("\r\x1b[2K" + renderProgress(this.counts, this.stream.columns || 80));
    this.visible = true;
  }
}
