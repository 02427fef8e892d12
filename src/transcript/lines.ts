import type { ChunkTimes } from './types.js';

export interface Line {
  /** 1-based line number. */
  no: number;
  text: string;
  /** Byte offset just past the line's last byte (where its newline is). */
  endOffset: number;
}

/** Split a file's bytes into lines, keeping byte offsets (for the timing index). */
export function* splitLines(data: Buffer): Generator<Line> {
  let start = 0;
  let no = 0;
  while (start < data.length) {
    let nl = data.indexOf(0x0a, start);
    if (nl === -1) nl = data.length;
    no++;
    let end = nl;
    if (end > start && data[end - 1] === 0x0d) end--;
    yield { no, text: data.toString('utf8', start, end), endOffset: nl };
    start = nl + 1;
  }
}

/** When the byte at `offset` arrived: the time of the chunk that holds it. */
export function timeAt(times: ChunkTimes | undefined, offset: number): number | undefined {
  if (!times || times.offsets.length === 0) return undefined;
  let lo = 0;
  let hi = times.offsets.length - 1;
  if (offset < times.offsets[0]) return times.times[0];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times.offsets[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return times.times[lo];
}

/** Parse a timing index: one "OFFSET TIME_MS" line per chunk; bad lines are skipped. */
export function parseChunkTimes(text: string): ChunkTimes {
  const offsets: number[] = [];
  const times: number[] = [];
  for (const line of text.split('\n')) {
    const [o, t] = line.trim().split(/\s+/);
    const off = Number(o);
    const ts = Number(t);
    if (line.trim() === '' || !Number.isFinite(off) || !Number.isFinite(ts)) continue;
    if (offsets.length && off < offsets[offsets.length - 1]) continue;
    offsets.push(off);
    times.push(ts);
  }
  return { offsets, times };
}

/** A timestamp field in any of the usual spellings: ms or s since epoch, or an ISO string. */
export function tsOf(obj: Record<string, unknown>): number | undefined {
  for (const key of ['timestamp', 'ts', 'time', '@timestamp', 'timestamp_ms', 'created_at', 'createdAt']) {
    const v = obj[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v < 1e11 ? v * 1000 : v; // seconds vs ms
    if (typeof v === 'string' && v) {
      const n = Number(v);
      if (Number.isFinite(n) && /^\d+(\.\d+)?$/.test(v)) return n < 1e11 ? n * 1000 : n;
      const d = Date.parse(v);
      if (Number.isFinite(d)) return d;
    }
  }
  return undefined;
}

/** One line of text for a tool input or a result: long values cut, so a listing stays a listing. */
export function oneLine(value: unknown, max = 200): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else {
    try {
      s = JSON.stringify(value) ?? '';
    } catch {
      s = String(value);
    }
  }
  s = s.replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
