/**
 * Decoder for the output of bpf/iotrace.bt run with `bpftrace -f json`: bytes in, TraceEvents out.
 * Pure (no kernel, no processes) so it can be tested on recorded or hand-made lines.
 *
 * The record format is documented in the header of bpf/iotrace.bt. What this module adds:
 * - JSON lines are decoded at the byte level: bpftrace escapes a string byte by byte, and 0.17 writes a
 *   byte >= 0x80 as `\uffffffXX` (a sign-extended char), which JSON.parse would misread.
 * - Paths arrive as 199-byte chunks (A/B then C records, matched by tid) and relative paths name a
 *   directory record (D/N/d, matched by id) that may arrive later than its first use when it was printed
 *   on another CPU. Records wait in one FIFO until they are complete, so events leave in the order the
 *   backend produced them.
 */
import { classifyOpenFlags } from '../core/open-flags.js';
import { IDENTITY_ENV_VARS, type AccessOp, type TraceEvent, type TracerNoticeEvent } from '../core/events.js';

const IDENTITY = new Set(IDENTITY_ENV_VARS);

/** Kind codes printed by iotrace.bt (field `kfe & 0xff` of A/B records). */
export const KIND = {
  open: 1,
  creat: 2,
  stat: 3,
  getdents: 4,
  unlink: 5,
  rmdir: 6,
  mkdir: 7,
  rename: 8,
  link: 9,
  truncate: 10,
  exec: 11,
} as const;

const AT_REMOVEDIR = 0x200;

/** Chunks per path the script prints at most (21 * 199 bytes > PATH_MAX). */
export const MAX_CHUNKS = 21;
/** argv entries the script prints at most per exec. */
export const MAX_ARGV = 64;
/** Bytes per str() chunk: BPFTRACE_STRLEN 200 minus the NUL. */
export const CHUNK_BYTES = 199;
/** Records that may queue up behind one incomplete record before it is given up. */
const MAX_BACKLOG = 50_000;

/**
 * The AccessOp for a kind code, its flags class and the path slot (2 = rename's new path).
 * Returns undefined for codes this decoder does not know (a newer script): those are skipped.
 */
export function classifyAccess(kind: number, flags: number, slot: 1 | 2): AccessOp | undefined {
  switch (kind) {
    case KIND.open:
      return classifyOpenFlags(flags);
    case KIND.creat:
      return 'create';
    case KIND.stat:
      return 'stat';
    case KIND.getdents:
      return 'readdir';
    case KIND.unlink:
      return flags & AT_REMOVEDIR ? 'rmdir' : 'unlink';
    case KIND.rmdir:
      return 'rmdir';
    case KIND.mkdir:
      return 'mkdir';
    case KIND.rename:
      return slot === 2 ? 'rename_to' : 'rename_from';
    case KIND.link:
      return 'link';
    case KIND.truncate:
      return 'truncate';
    case KIND.exec:
      return 'exec';
    default:
      return undefined;
  }
}

const HEX = /^[0-9a-fA-F]+$/;

/**
 * Unescape the body of a JSON string written by bpftrace into the bytes it stands for.
 * `start` is the index just after the opening quote; returns the bytes and the index of the closing
 * quote (or -1 if the string is unterminated).
 */
export function unescapeJsonBytes(line: Buffer, start: number): { bytes: Buffer; end: number } {
  const out = Buffer.allocUnsafe(line.length - start);
  let n = 0;
  let i = start;
  while (i < line.length) {
    const c = line[i];
    if (c === 0x22) return { bytes: out.subarray(0, n), end: i };
    if (c !== 0x5c) {
      out[n++] = c;
      i++;
      continue;
    }
    const e = line[i + 1];
    i += 2;
    switch (e) {
      case 0x6e: out[n++] = 0x0a; break; // \n
      case 0x74: out[n++] = 0x09; break; // \t
      case 0x72: out[n++] = 0x0d; break; // \r
      case 0x62: out[n++] = 0x08; break; // \b
      case 0x66: out[n++] = 0x0c; break; // \f
      case 0x75: {
        // \uffffffXX: bpftrace 0.17 prints a byte >= 0x80 as a sign-extended int.
        const eight = line.toString('latin1', i, i + 8);
        if (eight.length === 8 && /^ffffff[0-9a-f]{2}$/i.test(eight)) {
          out[n++] = parseInt(eight.slice(6), 16);
          i += 8;
          break;
        }
        const four = line.toString('latin1', i, i + 4);
        if (four.length !== 4 || !HEX.test(four)) {
          // Not an escape we know: keep it literally rather than lose bytes.
          out[n++] = 0x5c;
          out[n++] = 0x75;
          break;
        }
        const cp = parseInt(four, 16);
        i += 4;
        if (cp < 0x100) {
          // bpftrace escapes byte by byte: \u00XX is the byte XX.
          out[n++] = cp;
        } else {
          const enc = Buffer.from(String.fromCharCode(cp), 'utf8');
          enc.copy(out, n);
          n += enc.length;
        }
        break;
      }
      default:
        // \" \\ \/ and anything else: the character itself.
        if (e === undefined) return { bytes: out.subarray(0, n), end: -1 };
        out[n++] = e;
    }
  }
  return { bytes: out.subarray(0, n), end: -1 };
}

/** A bpftrace output line, classified. */
export type BpftraceLine =
  | { type: 'printf'; data: Buffer }
  | { type: 'lost_events'; count: number }
  | { type: 'attached_probes'; count: number }
  | { type: 'other'; text: string };

const PRINTF_PREFIX = /^\{\s*"type"\s*:\s*"printf"\s*,\s*"data"\s*:\s*"/;

/** Parse one line of `bpftrace -f json` output (without its newline). */
export function parseBpftraceLine(line: Buffer): BpftraceLine {
  const head = line.toString('latin1', 0, Math.min(line.length, 64));
  const m = PRINTF_PREFIX.exec(head);
  if (m) {
    const { bytes, end } = unescapeJsonBytes(line, m[0].length);
    if (end >= 0) return { type: 'printf', data: bytes };
    return { type: 'other', text: line.toString('utf8') };
  }
  const text = line.toString('utf8');
  try {
    const o = JSON.parse(text) as { type?: string; data?: { events?: number; count?: number; probes?: number } };
    if (o.type === 'lost_events' && typeof (o.data?.events ?? o.data?.count) === 'number') return { type: 'lost_events', count: (o.data?.events ?? o.data?.count)! };
    if (o.type === 'attached_probes' && typeof o.data?.probes === 'number') return { type: 'attached_probes', count: o.data.probes };
  } catch {
    // Text mode or a bpftrace message that is not JSON: handled below.
  }
  const lost = parseLostEvents(text);
  if (lost !== undefined) return { type: 'lost_events', count: lost };
  return { type: 'other', text };
}

/**
 * The notice for `count` events newly lost, the one wording for every way a loss is learnt: bpftrace's
 * reports (JSON or text), its exit total, or the script's own count (`how` says which when not a report).
 * Perf buffers before 0.19, one ring buffer from 0.19: "output buffer" names both.
 */
export function lostNotice(count: number, how?: string): TracerNoticeEvent {
  return { type: 'notice', ts: Date.now(), kind: 'lost', count, message: `bpftrace lost ${count} events (output buffer full${how ? `; ${how}` : ''})` };
}

/**
 * The count of a "lost events" message: text `Lost N events` (stdout before 0.24, stderr from 0.24) or
 * JSON `{"type": "lost_events", "data": {"events": N}}` (`count` in newer releases).
 */
export function parseLostEvents(text: string): number | undefined {
  const m = /^\s*Lost (\d+) events/.exec(text);
  if (m) return Number(m[1]);
  if (!text.includes('lost_events')) return undefined;
  try {
    const o = JSON.parse(text) as { type?: string; data?: { events?: number; count?: number } };
    if (o.type !== 'lost_events') return undefined;
    const n = o.data?.events ?? o.data?.count;
    return typeof n === 'number' ? n : undefined;
  } catch {
    return undefined;
  }
}

/** Split a record's bytes at TABs into at most `n` fields; the last keeps any further TABs. */
export function splitFields(data: Buffer, n: number): Buffer[] {
  const fields: Buffer[] = [];
  let start = 0;
  while (fields.length < n - 1) {
    const tab = data.indexOf(0x09, start);
    if (tab < 0) break;
    fields.push(data.subarray(start, tab));
    start = tab + 1;
  }
  fields.push(data.subarray(start));
  return fields;
}

interface PendingAccess {
  kind: 'access';
  ts: number;
  pid: number;
  tid: number;
  code: number;
  flags: number;
  errno: number;
  slot: 1 | 2;
  dirId: string;
  chunks: Buffer[];
  /** More C records are expected for this path. */
  open: boolean;
  /** The path could not be recovered whole: emit a notice instead of the event. */
  truncated?: string;
  /** A successful exec whose E record (argv, cwd) has not arrived yet. */
  awaitExec: boolean;
  exec?: PendingExec;
  /** A successful exec's identity variables (Y records, right after its A record). */
  env?: ExecEnv;
}

interface ExecEnv {
  vars: Record<string, string>;
  /** The e record arrived. */
  done: boolean;
  /** Not read whole: more variables than the script looks at, a value cut, or records lost. */
  cut: boolean;
}

interface PendingExec {
  ts: number;
  argc: number;
  cwdId: string;
  argv: (Buffer | undefined)[];
  received: number;
}

interface PendingEvent {
  kind: 'event';
  event: TraceEvent;
}

type Pending = PendingAccess | PendingEvent;

interface DirState {
  parts: Buffer[];
  /** undefined while D records still arrive; a path or null (unknown: deeper than the walk). */
  path?: string | null;
}

export interface DecoderOptions {
  /** Converts bpftrace `nsecs` (CLOCK_MONOTONIC) to milliseconds since the epoch. */
  toEpochMs: (nsecs: number) => number;
  /** Called once when the ready record (printed in BEGIN, so after attach) arrives. */
  onReady?: () => void;
  /** Lines that are not records (bpftrace messages on stdout), for diagnostics. */
  onOther?: (text: string) => void;
  /** A standby tracer adopted its root (G record). */
  onRoot?: (pid: number) => void;
}

/** Counters for the run record. */
export interface DecoderStats {
  records: number;
  lostEvents: number;
  truncatedPaths: number;
  probes: number;
  /** Records that could not be matched (a C without its A...): only after lost events. */
  strays: number;
}

/**
 * Incremental decoder. push() bytes as they come, take the events it returns; end() flushes what is
 * left (records still waiting for a chunk or a directory become 'truncated_path' notices).
 */
export class BpftraceDecoder {
  readonly stats: DecoderStats = { records: 0, lostEvents: 0, truncatedPaths: 0, probes: 0, strays: 0 };
  ready = false;
  /** CPUs whose S (sync) record arrived: every record they wrote before the root exited is read. */
  readonly syncedCpus = new Set<number>();
  /** Per synced CPU, how many records (all but R and S) it printed before its S, by the script's count. */
  private readonly sentByCpu = new Map<number, number>();
  /** Records (all but R and S) decoded so far, and how many when the latest S arrived. */
  private received = 0;
  private receivedAtSync = 0;
  /** Of `stats.lostEvents`, what was counted from the S records before bpftrace reported it. */
  private unreportedLoss = 0;

  private rest: Buffer = Buffer.alloc(0);
  private readonly queue: Pending[] = [];
  private readonly openByTid = new Map<number, PendingAccess>();
  private readonly lastExecByPid = new Map<number, PendingAccess>();
  private readonly execByPid = new Map<number, PendingAccess>();
  private readonly dirs = new Map<string, DirState>();
  private readonly options: DecoderOptions;

  constructor(options: DecoderOptions) {
    this.options = options;
  }

  /** Feed raw stdout bytes; returns the events completed by them, in order. */
  push(chunk: Buffer): TraceEvent[] {
    const data = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (;;) {
      const nl = data.indexOf(0x0a, start);
      if (nl < 0) break;
      if (nl > start) this.line(data.subarray(start, nl));
      start = nl + 1;
    }
    this.rest = Buffer.from(data.subarray(start));
    return this.drain(false);
  }

  /** Flush everything: the trace has ended (dropPartial: a line without its newline is discarded). */
  end(options: { dropPartial?: boolean } = {}): TraceEvent[] {
    if (this.rest.length > 0) {
      if (!options.dropPartial) this.line(this.rest);
      this.rest = Buffer.alloc(0);
    }
    return this.drain(true);
  }

  /**
   * Count the records the script printed before the CPUs' S records but that never arrived: a loss that
   * bpftrace may report late or not at all (from 0.19 its ring buffer's losses are a counter it polls,
   * and that report can come after the S records). Returns how many are added to `stats.lostEvents`
   * (a report of them arriving later is not counted twice); 0 while a synced CPU gave no count.
   */
  countUnreportedLoss(): number {
    if (![...this.syncedCpus].every((c) => this.sentByCpu.has(c))) return 0;
    const sent = [...this.sentByCpu.values()].reduce((sum, n) => sum + n, 0);
    const more = sent - this.receivedAtSync - this.stats.lostEvents;
    if (more <= 0) return 0;
    this.stats.lostEvents += more;
    this.unreportedLoss += more;
    return more;
  }

  /**
   * bpftrace reported `count` lost events: returns how many are new, added to `stats.lostEvents` (part
   * of them may have been counted already from the S records, when bpftrace reported them late).
   */
  reportedLoss(count: number): number {
    const absorbed = Math.min(this.unreportedLoss, count);
    this.unreportedLoss -= absorbed;
    this.stats.lostEvents += count - absorbed;
    return count - absorbed;
  }

  /** Decode one line (exposed for tests). */
  line(line: Buffer): void {
    const parsed = parseBpftraceLine(line);
    switch (parsed.type) {
      case 'printf':
        this.record(parsed.data);
        return;
      case 'lost_events': {
        const count = this.reportedLoss(parsed.count);
        if (count > 0) this.queue.push({ kind: 'event', event: lostNotice(count) });
        return;
      }
      case 'attached_probes':
        this.stats.probes = parsed.count;
        return;
      default:
        this.options.onOther?.(parsed.text);
    }
  }

  private record(data: Buffer): void {
    // Every record ends with the newline of its printf format.
    if (data[data.length - 1] === 0x0a) data = data.subarray(0, data.length - 1);
    this.stats.records++;
    const tag = String.fromCharCode(data[0]);
    if (tag !== 'R' && tag !== 'S') this.received++;
    const num = decimalNumber;
    switch (tag) {
      case 'R': {
        if (!this.ready) {
          this.ready = true;
          this.options.onReady?.();
        }
        return;
      }
      case 'S': {
        // S cpu sent: the script stops printing once the root has exited, so every record counted in
        // `sent` comes before this S, and none comes after the last CPU's S.
        const f = splitFields(data, 3);
        const cpu = num(f[1]);
        this.syncedCpus.add(cpu);
        if (f.length >= 3) this.sentByCpu.set(cpu, num(f[2]));
        this.receivedAtSync = this.received;
        return;
      }
      case 'G': {
        this.options.onRoot?.(num(splitFields(data, 3)[2]));
        return;
      }
      case 'A':
      case 'B': {
        // A ts pid tid kfe dirid more chunk
        const f = splitFields(data, 8);
        if (f.length < 8) return this.stray();
        // kind | errno << 8 | flags << 20 | exec << 48: under 2^53, exact as a double (no BigInt per record).
        const kfe = hexNumber(f[4]);
        const rec: PendingAccess = {
          kind: 'access',
          ts: this.options.toEpochMs(num(f[1])),
          pid: num(f[2]),
          tid: num(f[3]),
          code: kfe % 0x100,
          errno: Math.floor(kfe / 0x100) % 0x1000,
          flags: Math.floor(kfe / 0x100000) % 0x400000,
          slot: tag === 'B' ? 2 : 1,
          dirId: f[5].toString('latin1'),
          open: f[6].toString('latin1') === '1',
          chunks: [],
          awaitExec: false,
        };
        rec.chunks.push(chunkOf(f[7], rec.open));
        this.closeOpen(rec.tid);
        if (rec.open) this.openByTid.set(rec.tid, rec);
        if (rec.code === KIND.exec && rec.errno === 0 && tag === 'A') {
          this.settleExec(rec.pid);
          rec.awaitExec = true;
          rec.env = { vars: {}, done: false, cut: false };
          this.lastExecByPid.set(rec.pid, rec);
        }
        this.queue.push(rec);
        return;
      }
      case 'C': {
        // C tid k more chunk
        const f = splitFields(data, 5);
        if (f.length < 5) return this.stray();
        const tid = num(f[1]);
        const k = num(f[2]);
        const rec = this.openByTid.get(tid);
        if (!rec || rec.chunks.length !== k) return this.stray();
        rec.chunks.push(chunkOf(f[4], f[3].toString('latin1') === '1'));
        if (f[3].toString('latin1') !== '1') {
          rec.open = false;
          this.openByTid.delete(tid);
        } else if (rec.chunks.length >= MAX_CHUNKS) {
          rec.open = false;
          rec.truncated = `path longer than ${MAX_CHUNKS * CHUNK_BYTES} bytes`;
          this.openByTid.delete(tid);
        }
        return;
      }
      case 'D':
      case 'N': {
        // D dirid name (leaf first); N dirid rest-of-the-previous-name (names > 199 bytes)
        const f = splitFields(data, 3);
        if (f.length < 3) return this.stray();
        const id = f[1].toString('latin1');
        let dir = this.dirs.get(id);
        if (!dir || dir.path !== undefined) {
          dir = { parts: [] };
          this.dirs.set(id, dir);
        }
        if (tag === 'D') dir.parts.push(Buffer.from(f[2]));
        else if (dir.parts.length > 0) dir.parts[dir.parts.length - 1] = Buffer.concat([chunkOf(dir.parts[dir.parts.length - 1], true), f[2]]);
        return;
      }
      case 'd': {
        // d dirid cut
        const f = splitFields(data, 3);
        if (f.length < 3) return this.stray();
        const id = f[1].toString('latin1');
        const dir = this.dirs.get(id) ?? { parts: [] };
        this.dirs.set(id, dir);
        if (f[2].toString('latin1') === '1') {
          dir.path = null;
        } else {
          dir.path = '/' + Buffer.concat(joinReversed(dir.parts)).toString('utf8');
        }
        dir.parts = [];
        return;
      }
      case 'E': {
        // E ts pid argc cwd_dirid
        const f = splitFields(data, 5);
        if (f.length < 5) return this.stray();
        const pid = num(f[2]);
        const rec = this.lastExecByPid.get(pid);
        if (!rec || rec.exec) return this.stray();
        this.lastExecByPid.delete(pid);
        rec.awaitExec = false;
        // The e record comes before E (same CPU, in order): missing, it was lost.
        if (rec.env && !rec.env.done) Object.assign(rec.env, { done: true, cut: true });
        const argc = num(f[3]);
        rec.exec = { ts: this.options.toEpochMs(num(f[1])), argc, cwdId: f[4].toString('latin1'), argv: [], received: 0 };
        if (Math.min(argc, MAX_ARGV) > 0) this.execByPid.set(pid, rec);
        return;
      }
      case 'Y': {
        // Y pid NAME=value: an identity variable of the environment of the exec just recorded
        const f = splitFields(data, 3);
        if (f.length < 3) return this.stray();
        const env = this.lastExecByPid.get(num(f[1]))?.env;
        if (!env || env.done) return this.stray();
        const text = f[2].toString('utf8');
        const eq = text.indexOf('=');
        const name = eq > 0 ? text.slice(0, eq) : text;
        if (!IDENTITY.has(name)) return;
        // A 199-byte string may have been cut at the str() limit: its value cannot be trusted.
        if (f[2].length >= CHUNK_BYTES || eq < 0) env.cut = true;
        else env.vars[name] = text.slice(eq + 1);
        return;
      }
      case 'e': {
        // e pid cut: the end of the Y records; cut = 1: more variables than the script reads
        const f = splitFields(data, 3);
        if (f.length < 3) return this.stray();
        const env = this.lastExecByPid.get(num(f[1]))?.env;
        if (!env || env.done) return this.stray();
        env.done = true;
        if (f[2].toString('latin1') !== '0') env.cut = true;
        return;
      }
      case 'V': {
        // V pid i arg
        const f = splitFields(data, 4);
        if (f.length < 4) return this.stray();
        const pid = num(f[1]);
        const rec = this.execByPid.get(pid);
        const i = num(f[2]);
        if (!rec?.exec || !(i >= 0 && i < MAX_ARGV) || rec.exec.argv[i] !== undefined) return this.stray();
        rec.exec.argv[i] = Buffer.from(f[3]);
        rec.exec.received++;
        if (rec.exec.received >= Math.min(rec.exec.argc, MAX_ARGV)) this.execByPid.delete(pid);
        return;
      }
      case 'F': {
        const f = splitFields(data, 4);
        this.event({ type: 'fork', ts: this.options.toEpochMs(num(f[1])), pid: num(f[2]), child: num(f[3]) });
        return;
      }
      case 'X': {
        const f = splitFields(data, 3);
        const pid = num(f[2]);
        this.settleExec(pid);
        this.event({ type: 'exit', ts: this.options.toEpochMs(num(f[1])), pid });
        return;
      }
      case 'U': {
        const f = splitFields(data, 4);
        const pid = num(f[2]);
        const opcode = Number(f[3]?.toString('latin1') ?? -1);
        this.event({
          type: 'notice',
          ts: this.options.toEpochMs(num(f[1])),
          kind: 'io_uring',
          pid,
          message:
            opcode < 0
              ? `process ${pid} set up io_uring: file operations through the ring are invisible to syscall tracing (set UV_USE_IO_URING=0 for Node)`
              : `process ${pid} submitted io_uring ${IO_URING_OPS[opcode] ?? `opcode ${opcode}`} operations: paths opened or changed through the ring are invisible to syscall tracing (set UV_USE_IO_URING=0 for Node)`,
        });
        return;
      }
      case 'M': {
        const f = splitFields(data, 4);
        const pid = num(f[2]);
        const map = f[3]?.toString('utf8') ?? '?';
        this.event({
          type: 'notice',
          ts: this.options.toEpochMs(num(f[1])),
          kind: 'map_full',
          pid,
          message:
            map === 'tracked'
              ? `the kernel's pid map is full: process ${pid} and its descendants are not traced (raise IO_TRACE_BPF_MAP_KEYS)`
              : `the kernel's ${map} map is full: syscalls of process ${pid} were not traced (raise IO_TRACE_BPF_MAP_KEYS)`,
        });
        return;
      }
      default:
        this.stray();
    }
  }

  private event(event: TraceEvent): void {
    this.queue.push({ kind: 'event', event });
  }

  private stray(): void {
    this.stats.strays++;
  }

  /** An A record for a tid whose previous path still expected chunks: that one lost its tail. */
  private closeOpen(tid: number): void {
    const prev = this.openByTid.get(tid);
    if (prev) {
      prev.open = false;
      prev.truncated ??= 'continuation records missing (events lost)';
      this.openByTid.delete(tid);
    }
  }

  /** Stop waiting for exec details of `pid` that can no longer come (events lost): argv is cut. */
  private settleExec(pid: number): void {
    const a = this.lastExecByPid.get(pid);
    if (a) {
      a.awaitExec = false;
      if (a.env && !a.env.done) Object.assign(a.env, { done: true, cut: true });
      this.lastExecByPid.delete(pid);
    }
    const b = this.execByPid.get(pid);
    if (b?.exec) {
      b.exec.received = Math.min(b.exec.argc, MAX_ARGV);
      this.execByPid.delete(pid);
    }
  }

  private dirPath(id: string): string | null | undefined {
    return this.dirs.get(id)?.path;
  }

  /** Emit the queue's complete head records; with `final`, everything (incomplete ones as notices). */
  private drain(final: boolean): TraceEvent[] {
    const out: TraceEvent[] = [];
    let i = 0;
    for (; i < this.queue.length; i++) {
      const p = this.queue[i];
      if (p.kind === 'event') {
        out.push(p.event);
        continue;
      }
      // A record that waits too long (its D or C records were lost) must not hold back the rest.
      if (!final && !this.complete(p) && this.queue.length - i < MAX_BACKLOG) break;
      this.emit(p, out);
    }
    this.queue.splice(0, i);
    if (final) {
      this.openByTid.clear();
      this.execByPid.clear();
      this.lastExecByPid.clear();
    }
    return out;
  }

  private complete(p: PendingAccess): boolean {
    if (p.open) return false;
    if (p.awaitExec) return false;
    if (p.exec && p.exec.received < Math.min(p.exec.argc, MAX_ARGV)) return false;
    const abs = p.chunks[0]?.[0] === 0x2f;
    if (!abs && p.dirId !== '0' && this.dirPath(p.dirId) === undefined) return false;
    if (p.exec && p.exec.cwdId !== '0' && this.dirPath(p.exec.cwdId) === undefined) return false;
    return true;
  }

  private emit(p: PendingAccess, out: TraceEvent[]): void {
    const op = classifyAccess(p.code, p.flags, p.slot);
    if (op === undefined) {
      this.stray();
      return;
    }
    const raw = Buffer.concat(p.chunks);
    let path: string | undefined;
    let problem = p.truncated ?? (p.open ? 'continuation records missing at the end of the trace' : undefined);
    if (raw[0] === 0x2f) {
      path = raw.toString('utf8');
    } else {
      const dir = p.dirId === '0' ? undefined : this.dirPath(p.dirId);
      if (dir === null) problem ??= 'the directory of a relative path is deeper than 64 levels';
      else if (dir === undefined) problem ??= 'the directory of a relative path is unknown (events lost)';
      else path = raw.length === 0 ? dir : joinPath(dir, raw.toString('utf8'));
    }
    if (problem !== undefined || path === undefined) {
      this.stats.truncatedPaths++;
      const prefix = raw.subarray(0, 120).toString('utf8');
      out.push({
        type: 'notice',
        ts: p.ts,
        kind: 'truncated_path',
        pid: p.pid,
        message: `${op} by process ${p.pid}: ${problem ?? 'path unknown'}; path starts ${JSON.stringify(prefix)}`,
      });
      return;
    }
    if (p.exec) {
      const n = Math.min(p.exec.argc, MAX_ARGV);
      const argv: string[] = [];
      let cut = p.exec.argc > MAX_ARGV;
      for (let k = 0; k < n; k++) {
        const a = p.exec.argv[k];
        if (a === undefined) {
          cut = true;
          break;
        }
        // A 199-byte arg may have been cut at the str() limit.
        if (a.length >= CHUNK_BYTES) cut = true;
        argv.push(a.toString('utf8'));
      }
      const cwd = p.exec.cwdId === '0' ? undefined : this.dirPath(p.exec.cwdId) ?? undefined;
      // The exec event first: from it on, the process (and this access) belong to the new program.
      out.push({
        type: 'exec',
        ts: p.exec.ts,
        pid: p.pid,
        path,
        argv,
        ...(cut ? { argvTruncated: true } : {}),
        ...(cwd !== undefined ? { cwd } : {}),
        // Without its e record (records lost, or the trace ended) the environment is not known whole.
        ...(p.env?.done && !p.env.cut ? { env: p.env.vars } : {}),
      });
    }
    out.push({ type: 'access', ts: p.ts, pid: p.pid, op, path, errno: p.errno });
  }
}

/** A decimal field (optionally negative) read straight from its bytes; NaN if it is not one. */
function decimalNumber(b: Buffer | undefined): number {
  if (b === undefined || b.length === 0) return NaN;
  let i = b[0] === 0x2d ? 1 : 0;
  if (i === b.length) return NaN;
  let v = 0;
  for (; i < b.length; i++) {
    const d = b[i] - 0x30;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return b[0] === 0x2d ? -v : v;
}

/** A hex field read straight from its bytes (exact below 2^53); NaN if it is not one. */
function hexNumber(b: Buffer): number {
  if (b.length === 0) return NaN;
  let v = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
    if (d < 0) return NaN;
    v = v * 16 + d;
  }
  return v;
}

/**
 * A chunk's bytes: when more chunks follow, the first CHUNK_BYTES only (bpftrace 0.27 keeps 200 bytes
 * where earlier releases keep 199 for the same max_strlen; the next chunk starts at byte 199).
 */
function chunkOf(bytes: Buffer, more: boolean): Buffer {
  return Buffer.from(more && bytes.length > CHUNK_BYTES ? bytes.subarray(0, CHUNK_BYTES) : bytes);
}

function joinReversed(parts: Buffer[]): Buffer[] {
  const out: Buffer[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    out.push(parts[i]);
    if (i > 0) out.push(SLASH);
  }
  return out;
}

const SLASH = Buffer.from('/');

function joinPath(dir: string, rel: string): string {
  return dir.endsWith('/') ? dir + rel : `${dir}/${rel}`;
}


/** Names of the path-based io_uring opcodes the script reports (include/uapi/linux/io_uring.h). */
const IO_URING_OPS: Record<number, string> = {
  18: 'OPENAT',
  21: 'STATX',
  28: 'OPENAT2',
  35: 'RENAMEAT',
  36: 'UNLINKAT',
  37: 'MKDIRAT',
  38: 'SYMLINKAT',
  39: 'LINKAT',
  42: 'SETXATTR',
  44: 'GETXATTR',
};
