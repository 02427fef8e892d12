/**
 * Turns strace output into normalised TraceEvents. Pure: no processes, no files, so it can be tested
 * with captured lines. The output must come from `strace -f -ttt -y -xx -s N` (see STRACE_ARGS):
 *
 *   PID SECONDS.MICROS name(args) = ret            a whole syscall
 *   PID SECONDS.MICROS name(args <unfinished ...>  entry, interrupted by another pid's line
 *   PID SECONDS.MICROS <... name resumed>args) = ret   the rest of it
 *   PID SECONDS.MICROS +++ exited with N +++ / +++ killed by SIGX +++ / --- SIGX {...} ---
 *
 * `-xx` prints every string byte as \xHH, including the `-y` fd paths (`3<\x2f...>`,
 * `AT_FDCWD<\x2f...>`), so no quote, comma, bracket or newline of a hostile file name can reach
 * the line syntax, and names decode byte-exact. Lines name the thread id; the thread group id
 * (the event's pid) is learnt from the clone that created the thread.
 */
import { classifyOpenFlags, O_CREAT, O_DIRECTORY, O_PATH, O_TRUNC } from '../core/open-flags.js';
import { constants as osConstants } from 'node:os';
import { IDENTITY_ENV_VARS, type AccessOp, type ExecEvent, type TraceEvent } from '../core/events.js';

/**
 * The syscalls traced (x86_64 names; a `?` prefix makes strace skip a name the architecture
 * lacks, e.g. open/stat on arm64). Process exits come from strace's `+++ exited/killed +++`
 * lines, which it prints whatever the filter, so exit/exit_group are not traced.
 */
export const STRACE_SYSCALLS: readonly string[] = [
  '?open', 'openat', '?openat2', '?creat',
  '?stat', '?lstat', '?newfstatat', 'statx', '?access', 'faccessat', '?faccessat2', '?readlink', 'readlinkat',
  '?getdents', 'getdents64',
  '?unlink', 'unlinkat', '?rmdir', '?mkdir', 'mkdirat',
  '?rename', 'renameat', '?renameat2', '?link', 'linkat', '?symlink', 'symlinkat', 'truncate',
  'execve', 'execveat', 'chdir', 'fchdir',
  'clone', '?clone3', '?fork', '?vfork',
  '?io_uring_setup',
];

/** Longest string strace prints whole: MAX_ARG_STRLEN, the longest single argv string. */
export const STRACE_MAX_STRLEN = 131072;

// Open flag bits (x86_64/generic; the same values the bpftrace script masks with 0x210243).
const OPEN_FLAG_BITS: Record<string, number> = {
  O_RDONLY: 0,
  O_WRONLY: 1,
  O_RDWR: 2,
  O_CREAT,
  O_TRUNC,
  O_DIRECTORY,
  O_PATH,
  // O_TMPFILE includes O_DIRECTORY; strace prints it as one name.
  O_TMPFILE: 0o20200000,
};

/** Parse strace's symbolic open flags (`O_WRONLY|O_CREAT|O_CLOEXEC`, unknown bits as `0x...`). */
export function parseOpenFlags(text: string): number {
  let flags = 0;
  for (const name of text.trim().split('|')) {
    const bit = OPEN_FLAG_BITS[name];
    if (bit !== undefined) flags |= bit;
    else if (/^(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/.test(name)) flags |= Number(name.startsWith('0x') ? name : name.startsWith('0') ? parseInt(name, 8) : name);
  }
  return flags;
}

// Kernel-internal restart codes strace may print; they never reach user space as errno.
const EXTRA_ERRNO: Record<string, number> = {
  ERESTARTSYS: 512,
  ERESTARTNOINTR: 513,
  ERESTARTNOHAND: 514,
  ENOIOCTLCMD: 515,
  ERESTART_RESTARTBLOCK: 516,
};

const UNKNOWN_ERRNO = 1000;

/** errno number for a name strace printed (ENOENT -> 2); undefined if unknown. */
export function errnoNumber(name: string): number | undefined {
  const n = (osConstants.errno as Record<string, number>)[name] ?? EXTRA_ERRNO[name];
  if (n !== undefined) return n;
  const m = /^E(\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** Decode a run of `\xHH` escapes (strace -xx) to the bytes they name, read as UTF-8. */
export function decodeHex(escaped: string): string {
  const n = escaped.length >> 2;
  if (n === 0) return '';
  const bytes = Buffer.allocUnsafe(n);
  for (let i = 0, j = 2; i < n; i++, j += 4) bytes[i] = (hexValue(escaped.charCodeAt(j)) << 4) | hexValue(escaped.charCodeAt(j + 1));
  return bytes.toString('utf8');
}

function hexValue(c: number): number {
  return c <= 57 ? c - 48 : (c | 0x20) - 87; // 0-9, a-f (A-F)
}

/** A string argument as printed with -xx: its text, and whether strace cut it (`"..."...`). */
export interface StraceString {
  value: string;
  truncated: boolean;
}

const STRING_RE = /^"((?:\\x[0-9a-f]{2})*)"(\.\.\.)?$/;
/** `3<\x2f...>`, `AT_FDCWD<\x2f...>`, `3<...>(deleted)`, or a bare fd. */
const FD_RE = /^(AT_FDCWD|-?\d+)(?:<((?:\\x[0-9a-f]{2})*)>(?:\(deleted\))?)?$/;

export function parseString(arg: string | undefined): StraceString | undefined {
  if (arg === undefined) return undefined;
  const m = STRING_RE.exec(arg);
  if (!m) return undefined;
  return { value: decodeHex(m[1]), truncated: m[2] !== undefined };
}

/** A dirfd/fd argument: AT_FDCWD or a number, with the path `-y` printed for it (if any). */
export function parseFd(arg: string | undefined): { fd: 'AT_FDCWD' | number; path?: string } | undefined {
  if (arg === undefined) return undefined;
  const m = FD_RE.exec(arg);
  if (!m) return undefined;
  return { fd: m[1] === 'AT_FDCWD' ? 'AT_FDCWD' : Number(m[1]), path: m[2] === undefined ? undefined : decodeHex(m[2]) };
}

/**
 * Split an argument list at top-level commas. With -xx no string holds a quote, comma or bracket,
 * so tracking bracket depth and quotes is enough.
 */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) inString = !inString;
    else if (inString) continue;
    else if (c === 40 || c === 91 || c === 123 /* ( [ { */) depth++;
    else if (c === 41 || c === 93 || c === 125 /* ) ] } */) depth--;
    else if (c === 44 /* , */ && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last.length > 0 || out.length > 0) out.push(last);
  return out;
}

/** A finished syscall line, split into its parts. */
export interface SyscallRecord {
  tid: number;
  ts: number;
  name: string;
  args: string[];
  /** The return value text up to any errno (`3<...>`, `-1`, `0`, `?`, `18026`). */
  ret: string;
  /** 0 on success, the errno on failure; undefined when the result is unknown (`= ?`). */
  errno: number | undefined;
}

/** Split `name(args) = ret` (the whole call, entry and exit joined); undefined if not that shape. */
export function parseCall(tid: number, ts: number, text: string): SyscallRecord | undefined {
  const open = text.indexOf('(');
  if (open <= 0) return undefined;
  const name = text.slice(0, open);
  if (!/^[a-z0-9_]+$/.test(name)) return undefined;
  // One pass: split the arguments at commas of depth 1 until the closing parenthesis.
  const args: string[] = [];
  let depth = 0;
  let inString = false;
  let start = open + 1;
  let close = -1;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) inString = !inString;
    else if (inString) continue;
    else if (c === 40 || c === 91 || c === 123 /* ( [ { */) depth++;
    else if (c === 41 || c === 93 || c === 125 /* ) ] } */) {
      if (--depth === 0) {
        close = i;
        break;
      }
    } else if (c === 44 /* , */ && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (close < 0) return undefined;
  const last = text.slice(start, close).trim();
  if (last.length > 0 || args.length > 0) args.push(last);
  const m = /^\s*=\s*(\S+)(?:\s+(E[A-Z0-9_]+|E\?\?\?))?/.exec(text.slice(close + 1, close + 80));
  if (!m) return undefined;
  const ret = m[1];
  let errno: number | undefined;
  if (ret === '?') errno = undefined;
  // An errno name Node does not know (none on Linux today) still marks a failure.
  else if (m[2] !== undefined && ret.startsWith('-')) errno = errnoNumber(m[2]) ?? UNKNOWN_ERRNO;
  else errno = 0;
  return { tid, ts, name, args, ret, errno };
}

/** The return value as a number (`3<\x2f...>` -> 3), or NaN. */
function retNumber(ret: string): number {
  const m = /^(-?\d+|0x[0-9a-f]+)/.exec(ret);
  return m ? Number(m[1]) : NaN;
}

/** `PID SECONDS.MICROS rest` (or `[pid PID] ...` when strace writes to stderr). */
const LINE_RE = /^(?:\[pid\s+)?(\d+)\]?\s+(\d+)\.(\d+)\s+(.*)$/;
const UNFINISHED = ' <unfinished ...>';
const PID_CHANGED = / <pid changed to (\d+) \.\.\.>$/;
const TRACED_NAMES: ReadonlySet<string> = new Set(STRACE_SYSCALLS.map((n) => n.replace(/^\?/, '')));
const CLONE_CALLS = new Set(['clone', 'clone3', 'fork', 'vfork']);
const CLONE_THREAD = 'CLONE_THREAD';
const CLONE_FS = 'CLONE_FS';
/** Ops whose repeats (same process image, path, result, no namespace change between) say nothing new. */
const DEDUPED_OPS: ReadonlySet<AccessOp> = new Set(['read', 'write', 'create', 'truncate', 'stat', 'readdir', 'mkdir']);
/** Ops that change which file a name refers to: repeats after one of these are news again. */
const GENERATION_OPS: ReadonlySet<AccessOp> = new Set(['unlink', 'rmdir', 'rename_from', 'link']);
// Keys hold whole paths: cap the memory (clearing only makes later repeats be reported again).
const MAX_DEDUP_KEYS = 200_000;

/** A cwd shared by all threads of a process (and by processes cloned with CLONE_FS). */
interface CwdCell {
  path: string | undefined;
  /** The `AT_FDCWD<...>` text `path` was last decoded from (most lines repeat it). */
  raw?: string;
}

interface Proc {
  cwd: CwdCell;
  /** Unique per process image (new on fork and on every successful exec): the de-duplication
   * scope, so a new image, or a new process that reuses a pid, reports its accesses again. */
  image: number;
}

interface Pending {
  ts: number;
  name: string;
  text: string;
  /** For a clone-family call: the child it was bound to before it returned (see bindOrphan). */
  boundChild?: number;
}

interface Orphan {
  lines: Array<{ ts: number; body: string }>;
}

export interface StraceParserOptions {
  /** The pid strace attached to (-p). */
  rootPid: number;
  /** Its cwd at attach (readlink /proc/PID/cwd), to resolve relative paths of calls without -y. */
  rootCwd?: string;
  /** Drop repeats of the same non-destructive access by the same process image (default true). */
  dedupe?: boolean;
  /** Other pids strace follows that are not part of the build (their lines are dropped). */
  ignorePids?: readonly number[];
}

export interface StraceParserStats {
  lines: number;
  /** Lines that looked like a traced syscall but could not be understood. */
  unparsed: number;
  /** Accesses dropped as repeats. */
  deduped: number;
  /** Events produced. */
  events: number;
}

/**
 * Incremental parser: feed it lines (or raw chunks) in output order; it returns the events each
 * one completes. Call end() once the output is drained.
 */
export class StraceParser {
  readonly stats: StraceParserStats = { lines: 0, unparsed: 0, deduped: 0, events: 0 };
  /** Lines that could not be parsed (first 20), for diagnostics. */
  readonly unparsedSamples: string[] = [];
  private readonly tgid = new Map<number, number>();
  private readonly procs = new Map<number, Proc>();
  private readonly pending = new Map<number, Pending>();
  private readonly orphans = new Map<number, Orphan>();
  private readonly seen = new Set<string>();
  private readonly dedupe: boolean;
  private readonly ignore: ReadonlySet<number>;
  private images = 0;
  private partial = '';
  private out: TraceEvent[] = [];

  constructor(options: StraceParserOptions) {
    this.dedupe = options.dedupe ?? true;
    this.ignore = new Set(options.ignorePids ?? []);
    this.tgid.set(options.rootPid, options.rootPid);
    this.procs.set(options.rootPid, { cwd: { path: options.rootCwd }, image: ++this.images });
  }

  /**
   * Processes of the build not yet seen to exit (including new tids not yet attributed). Zero once
   * strace has reported the end of every process the build created: each parent's clone return
   * (naming the child) is printed before that parent's exit.
   */
  get running(): number {
    return this.procs.size + this.orphans.size;
  }

  /** Feed a chunk of output (any split); returns the events completed by its whole lines. */
  pushChunk(chunk: string): TraceEvent[] {
    const text = this.partial + chunk;
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.line(line);
    return this.take();
  }

  /** Feed one whole line (without its newline); returns the events it completed. */
  pushLine(line: string): TraceEvent[] {
    this.line(line);
    return this.take();
  }

  /**
   * The output ended: parse a last unterminated line, and emit what waited for a clone that never
   * returned (its new threads/processes are taken as processes of their own).
   */
  end(): TraceEvent[] {
    if (this.partial.length > 0) {
      this.line(this.partial);
      this.partial = '';
    }
    for (const [tid, orphan] of [...this.orphans]) {
      this.orphans.delete(tid);
      this.tgid.set(tid, tid);
      this.procs.set(tid, { cwd: { path: undefined }, image: ++this.images });
      for (const l of orphan.lines) this.body(tid, l.ts, l.body);
    }
    this.pending.clear();
    return this.take();
  }

  private take(): TraceEvent[] {
    const out = this.out;
    this.out = [];
    this.stats.events += out.length;
    return out;
  }

  private line(line: string): void {
    if (line.length === 0) return;
    this.stats.lines++;
    const m = LINE_RE.exec(line);
    if (!m) {
      this.unparsed(line);
      return;
    }
    const tid = Number(m[1]);
    if (this.ignore.has(tid)) return;
    // Epoch milliseconds, fractional; split to keep microsecond precision exact in a double.
    const ts = Number(m[2]) * 1000 + Number(m[3].padEnd(6, '0').slice(0, 6)) / 1000;
    const body = m[4];
    if (!this.tgid.has(tid)) {
      if (!this.bindOrphan(tid, ts)) {
        let o = this.orphans.get(tid);
        if (!o) this.orphans.set(tid, (o = { lines: [] }));
        o.lines.push({ ts, body });
        return;
      }
    }
    this.body(tid, ts, body);
  }

  private body(tid: number, ts: number, body: string): void {
    if (body.startsWith('+++ ')) {
      this.status(tid, ts, body);
      return;
    }
    if (body.startsWith('--- ')) return; // signal delivery/stop
    if (body.startsWith('[ ')) return; // "[ Process PID=N runs in 32 bit mode. ]"
    let text = body;
    let startTs = ts;
    let boundChild: number | undefined;
    if (body.startsWith('<... ')) {
      const m = /^<\.\.\. ([a-z0-9_?]+) resumed>(.*)$/.exec(body);
      const p = this.pending.get(tid);
      if (!m || !p || p.name !== m[1]) {
        // A call that started before strace attached, or whose entry we never saw.
        return;
      }
      this.pending.delete(tid);
      text = p.text + m[2].replace(/^ <unfinished \.\.\.>/, '');
      startTs = p.ts;
      boundChild = p.boundChild;
    }
    // A non-leader thread's execve: the call completes under the leader's id.
    const moved = PID_CHANGED.exec(text);
    if (moved) {
      const name = text.slice(0, Math.max(0, text.indexOf('(')));
      this.pending.set(Number(moved[1]), { ts: startTs, name, text: text.slice(0, moved.index) });
      this.pending.delete(tid);
      return;
    }
    if (text.endsWith(UNFINISHED)) {
      const name = text.slice(0, Math.max(0, text.indexOf('(')));
      this.pending.set(tid, { ts: startTs, name, text: text.slice(0, -UNFINISHED.length), boundChild });
      return;
    }
    // With -xx no string holds '<', so this is strace's own marker (a call cut by detaching).
    if (text.includes('<detached ...>')) return;
    const rec = parseCall(tid, ts, text);
    if (!rec) {
      const name = /^([a-z0-9_]+)\(/.exec(text)?.[1];
      if (name !== undefined && TRACED_NAMES.has(name)) this.unparsed(body);
      return;
    }
    this.syscall(rec);
  }

  private status(tid: number, ts: number, body: string): void {
    const superseded = /^\+\+\+ superseded by execve in pid (\d+) \+\+\+/.exec(body);
    if (superseded) {
      // Printed for the leader `tid` when its thread `T` exec'd: T now goes by the leader's id (its
      // execve was moved to the leader by a `<pid changed to ...>` line) and the leader thread is gone.
      const thread = Number(superseded[1]);
      if (thread !== tid) this.tgid.delete(thread);
      return;
    }
    if (!/^\+\+\+ (exited with|killed by) /.test(body)) return;
    const pid = this.tgid.get(tid);
    this.pending.delete(tid);
    this.tgid.delete(tid);
    if (pid === tid) {
      this.procs.delete(pid);
      this.out.push({ type: 'exit', ts, pid });
    }
  }

  /**
   * A tid we have not seen: some traced clone created it and has not returned yet. If exactly one
   * clone-family call is in flight its caller is the parent; otherwise wait for the clone's return.
   */
  private bindOrphan(tid: number, ts: number): boolean {
    let parent: number | undefined;
    let call: Pending | undefined;
    for (const [t, p] of this.pending) {
      if (!CLONE_CALLS.has(p.name) || p.boundChild !== undefined) continue;
      if (call) return false;
      parent = t;
      call = p;
    }
    if (!call || parent === undefined) return false;
    call.boundChild = tid;
    this.newTask(parent, tid, call.text, ts);
    return true;
  }

  private newTask(parentTid: number, child: number, callText: string, ts: number): void {
    const ppid = this.tgid.get(parentTid) ?? parentTid;
    const flags = /flags=([A-Z0-9_|x]+)/.exec(callText)?.[1]?.split('|') ?? [];
    if (flags.includes(CLONE_THREAD)) {
      this.tgid.set(child, ppid);
    } else {
      const parent = this.procs.get(ppid);
      const cwd = flags.includes(CLONE_FS) && parent ? parent.cwd : { path: parent?.cwd.path, raw: parent?.cwd.raw };
      this.tgid.set(child, child);
      this.procs.set(child, { cwd, image: ++this.images });
      this.out.push({ type: 'fork', ts, pid: ppid, child });
    }
    const orphan = this.orphans.get(child);
    if (orphan) {
      this.orphans.delete(child);
      for (const l of orphan.lines) this.body(child, l.ts, l.body);
    }
  }

  private unparsed(line: string): void {
    this.stats.unparsed++;
    if (this.unparsedSamples.length < 20) this.unparsedSamples.push(line.length > 300 ? `${line.slice(0, 300)}...` : line);
  }

  private syscall(r: SyscallRecord): void {
    const pid = this.tgid.get(r.tid) ?? r.tid;
    // A thread outliving its leader's exit report has no Proc left: use a throwaway one (not stored,
    // so `running` still reaches zero).
    const proc = this.procs.get(pid) ?? { cwd: { path: undefined }, image: ++this.images };
    // Every AT_FDCWD<path> is a fresh reading of the cwd (physical, from /proc): keep ours in step.
    for (const a of r.args) {
      if (a.startsWith('AT_FDCWD<')) {
        if (a !== proc.cwd.raw) {
          const p = parseFd(a)?.path;
          if (p) proc.cwd.path = p;
          proc.cwd.raw = a;
        }
        break;
      }
    }
    if (r.errno === undefined) return; // result unknown (process died in the call)
    const a = r.args;
    switch (r.name) {
      case 'open':
        return this.access(r, pid, proc, classifyOpenFlags(parseOpenFlags(a[1] ?? '')), undefined, a[0]);
      case 'openat':
        return this.access(r, pid, proc, classifyOpenFlags(parseOpenFlags(a[2] ?? '')), a[0], a[1]);
      case 'openat2': {
        const flags = /flags=([^,}]+)/.exec(a[2] ?? '')?.[1] ?? '';
        return this.access(r, pid, proc, classifyOpenFlags(parseOpenFlags(flags)), a[0], a[1]);
      }
      case 'creat':
        return this.access(r, pid, proc, 'create', undefined, a[0]);
      case 'stat':
      case 'lstat':
      case 'access':
      case 'readlink':
        return this.access(r, pid, proc, 'stat', undefined, a[0]);
      case 'newfstatat':
      case 'statx':
      case 'faccessat':
      case 'faccessat2':
      case 'readlinkat':
        return this.access(r, pid, proc, 'stat', a[0], a[1]);
      case 'getdents':
      case 'getdents64': {
        const path = parseFd(a[0])?.path;
        if (path !== undefined) this.emitAccess(r, pid, proc, 'readdir', path);
        return;
      }
      case 'unlink':
        return this.access(r, pid, proc, 'unlink', undefined, a[0]);
      case 'unlinkat':
        return this.access(r, pid, proc, (a[2] ?? '').includes('AT_REMOVEDIR') ? 'rmdir' : 'unlink', a[0], a[1]);
      case 'rmdir':
        return this.access(r, pid, proc, 'rmdir', undefined, a[0]);
      case 'mkdir':
        return this.access(r, pid, proc, 'mkdir', undefined, a[0]);
      case 'mkdirat':
        return this.access(r, pid, proc, 'mkdir', a[0], a[1]);
      case 'rename':
        this.access(r, pid, proc, 'rename_from', undefined, a[0]);
        return this.access(r, pid, proc, 'rename_to', undefined, a[1]);
      case 'renameat':
      case 'renameat2':
        this.access(r, pid, proc, 'rename_from', a[0], a[1]);
        return this.access(r, pid, proc, 'rename_to', a[2], a[3]);
      case 'link':
      case 'symlink':
        return this.access(r, pid, proc, 'link', undefined, a[1]);
      case 'linkat':
        return this.access(r, pid, proc, 'link', a[2], a[3]);
      case 'symlinkat':
        return this.access(r, pid, proc, 'link', a[1], a[2]);
      case 'truncate':
        return this.access(r, pid, proc, 'truncate', undefined, a[0]);
      case 'execve':
        return this.exec(r, pid, proc, undefined, a[0], a[1], a[2]);
      case 'execveat':
        return this.exec(r, pid, proc, a[0], a[1], a[2], a[3], (a[4] ?? '').includes('AT_EMPTY_PATH'));
      case 'chdir': {
        if (r.errno !== 0) return;
        const path = this.resolve(r, pid, proc, undefined, a[0]);
        if (path !== undefined) Object.assign(proc.cwd, { path: normalise(path), raw: undefined });
        return;
      }
      case 'fchdir': {
        const path = parseFd(a[0])?.path;
        if (r.errno === 0 && path !== undefined) Object.assign(proc.cwd, { path, raw: undefined });
        return;
      }
      case 'clone':
      case 'clone3':
      case 'fork':
      case 'vfork': {
        const child = retNumber(r.ret);
        // Already known when its first line came before this return (bindOrphan).
        if (r.errno !== 0 || !(child > 0) || this.tgid.has(child)) return;
        return this.newTask(r.tid, child, `${r.name}(${a.join(', ')})`, r.ts);
      }
      case 'io_uring_setup':
        if (r.errno === 0) {
          this.out.push({
            type: 'notice',
            ts: r.ts,
            kind: 'io_uring',
            pid,
            message: `process ${pid} set up io_uring (fd ${retNumber(r.ret)}): its file I/O through the ring is invisible to syscall tracing`,
          });
        }
        return;
      default:
        return;
    }
  }

  /**
   * The absolute path a call named: as given if absolute, else against its dirfd's `-y` path, or
   * the tracked cwd for calls without a dirfd. Undefined (and a notice if the name was cut) when it
   * cannot be known whole; undefined silently for an empty name (AT_EMPTY_PATH: an fstat-like call
   * on an fd whose open was recorded) and for a name strace could not read (an address).
   */
  private resolve(r: SyscallRecord, pid: number, proc: Proc, dirArg: string | undefined, pathArg: string | undefined): string | undefined {
    const s = parseString(pathArg);
    if (!s) {
      if (pathArg !== undefined && pathArg !== 'NULL' && /^0x[0-9a-f]+$/.test(pathArg) && r.errno === 0) {
        this.truncated(r, pid, `strace could not read the path of ${r.name}() at ${pathArg}`);
      }
      return undefined;
    }
    if (s.truncated) {
      this.truncated(r, pid, `path of ${r.name}() longer than strace's limit: ${s.value.slice(0, 120)}...`);
      return undefined;
    }
    if (s.value.length === 0) return undefined;
    if (s.value.startsWith('/')) return s.value;
    let base: string | undefined;
    if (dirArg === undefined) {
      base = proc.cwd.path;
    } else {
      const d = parseFd(dirArg);
      base = d?.path ?? (d?.fd === 'AT_FDCWD' ? proc.cwd.path : undefined);
    }
    if (base === undefined || !base.startsWith('/')) return undefined;
    return base === '/' ? `/${s.value}` : `${base}/${s.value}`;
  }

  private access(r: SyscallRecord, pid: number, proc: Proc, op: AccessOp, dirArg: string | undefined, pathArg: string | undefined): void {
    const path = this.resolve(r, pid, proc, dirArg, pathArg);
    if (path === undefined) {
      if (GENERATION_OPS.has(op)) this.seen.clear();
      return;
    }
    this.emitAccess(r, pid, proc, op, path);
  }

  private emitAccess(r: SyscallRecord, pid: number, proc: Proc, op: AccessOp, path: string): void {
    const errno = r.errno ?? 0;
    if (GENERATION_OPS.has(op)) {
      this.seen.clear();
    } else if (this.dedupe && DEDUPED_OPS.has(op)) {
      const key = `${pid}\0${proc.image}\0${op}\0${errno}\0${path}`;
      if (this.seen.has(key)) {
        this.stats.deduped++;
        return;
      }
      if (this.seen.size >= MAX_DEDUP_KEYS) this.seen.clear();
      this.seen.add(key);
    }
    this.out.push({ type: 'access', ts: r.ts, pid, op, path, errno });
  }

  private exec(r: SyscallRecord, pid: number, proc: Proc, dirArg: string | undefined, pathArg: string | undefined, argvArg: string | undefined, envArg: string | undefined, emptyPath = false): void {
    let path: string | undefined;
    if (emptyPath && parseString(pathArg)?.value === '') path = parseFd(dirArg)?.path;
    else path = this.resolve(r, pid, proc, dirArg, pathArg);
    if (path === undefined) return;
    const errno = r.errno ?? 0;
    if (errno === 0) {
      // The exec event first (as the bpftrace backend does): from it on, the process and this
      // access belong to the new program.
      proc.image = ++this.images;
      const { argv, truncated } = parseArgv(argvArg);
      const ev: ExecEvent = { type: 'exec', ts: r.ts, pid, path, argv };
      if (truncated) ev.argvTruncated = true;
      if (proc.cwd.path !== undefined) ev.cwd = proc.cwd.path;
      const env = parseIdentityEnv(envArg);
      if (env) ev.env = env;
      this.out.push(ev);
    }
    // A failed attempt (PATH lookup: ENOENT, EACCES) is a failed 'exec' access, a probe of that name.
    this.out.push({ type: 'access', ts: r.ts, pid, op: 'exec', path, errno });
  }

  private truncated(r: SyscallRecord, pid: number, message: string): void {
    this.out.push({ type: 'notice', ts: r.ts, kind: 'truncated_path', pid, message });
  }
}

/** `"NAME=` as strace -xx prints it, for each identity variable. */
const IDENTITY_PREFIXES = IDENTITY_ENV_VARS.map((name) => ({
  name,
  hex: '"' + [...Buffer.from(name + '=', 'latin1')].map((b) => '\\x' + b.toString(16).padStart(2, '0')).join(''),
}));

/**
 * The identity variables of an execve envp printed with -xx (`["\x..", ...]`, unabbreviated by
 * `-e abbrev=!execve,execveat`): {} when it has none, undefined when the list is not there whole.
 * Only items that start with a wanted `NAME=` are decoded.
 */
export function parseIdentityEnv(arg: string | undefined): Record<string, string> | undefined {
  if (arg === undefined || !arg.startsWith('[') || !arg.endsWith(']')) return undefined;
  const env: Record<string, string> = {};
  for (const item of splitArgs(arg.slice(1, -1))) {
    if (item === '...') return undefined;
    if (!item.startsWith('"\\x')) continue;
    for (const { name, hex } of IDENTITY_PREFIXES) {
      if (!item.startsWith(hex)) continue;
      const s = parseString(item);
      if (!s || s.truncated) return undefined;
      env[name] = s.value.slice(name.length + 1);
    }
  }
  return env;
}

/** argv as printed with -xx: `["\x..", "\x.."]`, maybe with a trailing `...` (more elements). */
export function parseArgv(arg: string | undefined): { argv: string[]; truncated: boolean } {
  if (arg === undefined || !arg.startsWith('[') || !arg.endsWith(']')) return { argv: [], truncated: true };
  const argv: string[] = [];
  let truncated = false;
  for (const item of splitArgs(arg.slice(1, -1))) {
    if (item === '...') {
      truncated = true;
      continue;
    }
    const s = parseString(item);
    if (!s) {
      truncated = true;
      continue;
    }
    argv.push(s.value);
    if (s.truncated) truncated = true;
  }
  return { argv, truncated };
}

/** Lexically drop `.`/`..` and doubled slashes from an absolute path (for chdir targets). */
export function normalise(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}
