import { displayCommand, displayPath } from '../report/text.js';

/** Small helpers for readable tables. Untrusted text (paths, commands, transcript text) goes through `safe`. */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * displayPath, and also escape what JSON.stringify leaves raw (DEL, C1 controls such as CSI 0x9b,
 * line/paragraph separators), so nothing in a name can steer a terminal.
 */
export function safe(s: string): string {
  if (!CONTROL.test(s)) return s;
  return displayPath(s).replace(/[\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export { displayCommand };

export interface Colors {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export function colors(on: boolean): Colors {
  const wrap = (code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: wrap('31'), green: wrap('32'), yellow: wrap('33'), dim: wrap('2'), bold: wrap('1') };
}

export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '-';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}

export function age(ts: number, now = Date.now()): string {
  const s = Math.max(0, (now - ts) / 1000);
  if (s < 60) return `${Math.round(s)}s ago`;
  if (s < 3600) return `${Math.round(s / 60)}m ago`;
  if (s < 86400) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86400)}d ago`;
}

export function isoTime(ts: number): string {
  return new Date(ts).toISOString();
}

/** Visible width, ignoring ANSI colour codes. */
function width(s: string): number {
  // eslint-disable-next-line no-control-regex
  return [...s.replace(/\x1b\[[0-9;]*m/g, '')].length;
}

/** A plain text table: header, rows, columns padded; the last column is never padded (long paths). */
export function table(header: string[], rows: string[][], indent = ''): string {
  return tableLines(header, rows, indent).join('\n') + '\n';
}

/** The table's lines (for streaming a long table through a ChunkedWriter). */
export function tableLines(header: string[], rows: string[][], indent = ''): string[] {
  const widths = header.map((h) => width(h));
  for (const r of rows) {
    for (let i = 0; i < r.length - 1; i++) {
      const w = width(r[i] ?? '');
      if (w > widths[i]) widths[i] = w;
    }
  }
  const line = (cells: string[]) =>
    indent +
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(Math.max(0, widths[i] - width(c)))))
      .join('  ')
      .trimEnd();
  const out = [line(header)];
  for (const r of rows) out.push(line(r));
  return out;
}

/**
 * Streams large outputs in ~1 MB writes instead of one string or one write per line; lines are
 * encoded straight into the buffer (no joined string to encode again).
 */
export class ChunkedWriter {
  private static readonly SIZE = 1 << 20;
  private buf = Buffer.allocUnsafe(ChunkedWriter.SIZE);
  private at = 0;
  constructor(private readonly out: { write(s: string | Uint8Array): unknown }) {}
  line(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.at + s.length * 3 + 1 > this.buf.length) {
      this.flush();
      if (s.length * 3 + 1 > this.buf.length) {
        this.out.write(s + '\n');
        return;
      }
    }
    this.at += this.buf.write(s, this.at);
    this.buf[this.at++] = 0x0a;
  }
  flush(): void {
    if (this.at === 0) return;
    // A fresh buffer each time: the stream may still hold the last one.
    this.out.write(this.buf.subarray(0, this.at));
    this.buf = Buffer.allocUnsafe(ChunkedWriter.SIZE);
    this.at = 0;
  }
}
