import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/core/events.js';
import {
  BpftraceDecoder,
  classifyAccess,
  KIND,
  parseBpftraceLine,
  splitFields,
  unescapeJsonBytes,
} from '../../src/tracer/bpftrace-decode.js';

/** Escape like bpftrace 0.17's JsonOutput::json_escape (a signed char: bytes >= 0x80 become \uffffffXX). */
function escape017(bytes: Buffer): string {
  let s = '';
  for (const b of bytes) {
    if (b === 0x22) s += '\\"';
    else if (b === 0x5c) s += '\\\\';
    else if (b === 0x0a) s += '\\n';
    else if (b === 0x0d) s += '\\r';
    else if (b === 0x09) s += '\\t';
    else if (b >= 0x80) s += '\\uffffff' + b.toString(16).padStart(2, '0');
    else if (b <= 0x1f) s += '\\u' + b.toString(16).padStart(4, '0');
    else s += String.fromCharCode(b);
  }
  return s;
}

/** One printf record as a `bpftrace -f json` line. Fields are joined by TAB; a Buffer field stays raw. */
function line(...fields: (string | number | Buffer)[]): string {
  const parts = fields.map((f) => (Buffer.isBuffer(f) ? f : Buffer.from(String(f), 'utf8')));
  const data = Buffer.concat([...parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from('\t'), p])), Buffer.from('\n')]);
  return `{"type": "printf", "data": "${escape017(data)}"}\n`;
}

const NS = 1_000_000; // 1 ms in ns
/** kind | errno << 8 | flags << 20 | exec << 48, in hex as the script prints it. */
const kfe = (kind: number, errno = 0, flags = 0, exec = 0) =>
  (BigInt(kind) | (BigInt(errno) << 8n) | (BigInt(flags) << 20n) | (BigInt(exec) << 48n)).toString(16);

function decode(text: string | Buffer, split?: number): { events: TraceEvent[]; d: BpftraceDecoder } {
  const d = new BpftraceDecoder({ toEpochMs: (ns) => 1_700_000_000_000 + ns / 1e6 });
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const events: TraceEvent[] = [];
  if (split) {
    for (let i = 0; i < buf.length; i += split) events.push(...d.push(buf.subarray(i, i + split)));
  } else {
    events.push(...d.push(buf));
  }
  events.push(...d.end());
  return { events, d };
}

describe('unescapeJsonBytes', () => {
  const un = (s: string) => unescapeJsonBytes(Buffer.from(s + '"', 'latin1'), 0);

  it('repairs bpftrace 0.17 sign-extended bytes and keeps UTF-8 sequences whole', () => {
    const r = un('\\uffffffc3\\uffffffbc-\\uffffffe6\\uffffff97\\uffffffa5');
    expect(r.bytes.toString('utf8')).toBe('ü-日');
    expect(r.end).toBe(51);
  });

  it('decodes the short escapes and \\u00XX as single bytes', () => {
    expect([...un('a\\n\\t\\r\\"\\\\\\/\\u0001\\u00ff').bytes]).toEqual([0x61, 0x0a, 0x09, 0x0d, 0x22, 0x5c, 0x2f, 0x01, 0xff]);
  });

  it('is not fooled by an escaped backslash followed by text that looks like an escape', () => {
    expect(un('\\\\uffffffe2').bytes.toString('latin1')).toBe('\\uffffffe2');
  });

  it('passes raw bytes >= 0x80 through (newer bpftrace writes UTF-8 unescaped)', () => {
    const raw = Buffer.concat([Buffer.from('ü', 'utf8'), Buffer.from('"')]);
    expect(unescapeJsonBytes(raw, 0).bytes.toString('utf8')).toBe('ü');
  });

  it('reports an unterminated string', () => {
    expect(unescapeJsonBytes(Buffer.from('abc'), 0).end).toBe(-1);
  });
});

describe('parseBpftraceLine', () => {
  it('classifies printf, lost events (JSON and text) and other output', () => {
    expect(parseBpftraceLine(Buffer.from('{"type": "printf", "data": "R\\t1\\t5\\n"}'))).toEqual({
      type: 'printf',
      data: Buffer.from('R\t1\t5\n'),
    });
    expect(parseBpftraceLine(Buffer.from('{"type": "lost_events", "data": {"events": 42}}'))).toEqual({ type: 'lost_events', count: 42 });
    expect(parseBpftraceLine(Buffer.from('Lost 7 events'))).toEqual({ type: 'lost_events', count: 7 });
    // bpftrace 0.27 (captured).
    expect(parseBpftraceLine(Buffer.from('{"type": "lost_events", "count": 2939, "data": {"events": 2939}}'))).toEqual({ type: 'lost_events', count: 2939 });
    expect(parseBpftraceLine(Buffer.from('{"type": "attached_probes", "count": 1, "data": {"probes": 1}}'))).toEqual({ type: 'attached_probes', count: 1 });
    expect(parseBpftraceLine(Buffer.from('{"type": "attached_probes", "data": {"probes": 18}}'))).toEqual({
      type: 'attached_probes',
      count: 18,
    });
    expect(parseBpftraceLine(Buffer.from('WARNING: something'))).toEqual({ type: 'other', text: 'WARNING: something' });
  });
});

describe('splitFields', () => {
  it('keeps TABs inside the last field', () => {
    expect(splitFields(Buffer.from('A\t1\tx\ty'), 3).map(String)).toEqual(['A', '1', 'x\ty']);
  });
});

describe('classifyAccess', () => {
  const O_WRONLY = 1;
  const O_RDWR = 2;
  const O_CREAT = 0o100;
  const O_TRUNC = 0o1000;
  const O_DIRECTORY = 0o200000;
  const O_PATH = 0o10000000;
  it.each([
    [KIND.open, 0, 1, 'read'],
    [KIND.open, O_WRONLY, 1, 'write'],
    [KIND.open, O_RDWR, 1, 'write'],
    [KIND.open, O_WRONLY | O_CREAT | O_TRUNC, 1, 'create'],
    [KIND.open, O_RDWR | O_TRUNC, 1, 'truncate'],
    [KIND.open, O_DIRECTORY, 1, 'readdir'],
    [KIND.open, O_PATH, 1, 'stat'],
    [KIND.creat, 0, 1, 'create'],
    [KIND.stat, 0, 1, 'stat'],
    [KIND.getdents, 0, 1, 'readdir'],
    [KIND.unlink, 0, 1, 'unlink'],
    [KIND.unlink, 0x200, 1, 'rmdir'],
    [KIND.rmdir, 0, 1, 'rmdir'],
    [KIND.mkdir, 0, 1, 'mkdir'],
    [KIND.rename, 0, 1, 'rename_from'],
    [KIND.rename, 0, 2, 'rename_to'],
    [KIND.link, 0, 1, 'link'],
    [KIND.truncate, 0, 1, 'truncate'],
    [KIND.exec, 0, 1, 'exec'],
    [99, 0, 1, undefined],
  ] as const)('kind %i flags %o slot %i -> %s', (kind, flags, slot, op) => {
    expect(classifyAccess(kind, flags, slot)).toBe(op);
  });
});

describe('BpftraceDecoder', () => {
  it('signals ready on the R record and decodes an absolute access', () => {
    let ready = 0;
    const d = new BpftraceDecoder({ toEpochMs: (ns) => ns / 1e6, onReady: () => ready++ });
    const ev = d.push(Buffer.from(line('R', 1, 5) + line('A', 3 * NS, 10, 11, kfe(KIND.open, 2), 0, 0, '/w/missing')));
    expect(ready).toBe(1);
    expect(d.ready).toBe(true);
    expect(ev).toEqual([{ type: 'access', ts: 3, pid: 10, op: 'read', path: '/w/missing', errno: 2 }]);
  });

  it('resolves a relative path against a directory record, crossing a name longer than a chunk', () => {
    const long = 'c'.repeat(230);
    const text =
      line('D', 'a1', long.slice(0, 199)) +
      line('N', 'a1', long.slice(199)) +
      line('D', 'a1', 'w') +
      line('d', 'a1', 0) +
      line('A', NS, 10, 10, kfe(KIND.open, 0, 0o101), 'a1', 0, 'x.txt') +
      line('A', NS, 10, 10, kfe(KIND.getdents), 'a1', 0, '');
    expect(decode(text).events).toEqual([
      expect.objectContaining({ op: 'create', path: `/w/${long}/x.txt` }),
      expect.objectContaining({ op: 'readdir', path: `/w/${long}` }),
    ]);
  });

  it('resolves the root directory (no components) and ignores the dirid of an absolute path', () => {
    const text = line('d', 'r', 0) + line('A', NS, 1, 1, kfe(KIND.stat), 'r', 0, 'etc') + line('A', NS, 1, 1, kfe(KIND.stat), 'r', 0, '/abs');
    expect(decode(text).events.map((e) => (e as { path: string }).path)).toEqual(['/etc', '/abs']);
  });

  it('holds records whose directory arrives later (printed on another CPU) and keeps the order', () => {
    const text =
      line('A', NS, 1, 1, kfe(KIND.open), 'b2', 0, 'late.txt') +
      line('A', 2 * NS, 2, 2, kfe(KIND.open), 0, 0, '/after') +
      line('D', 'b2', 'dir') +
      line('d', 'b2', 0);
    expect(decode(text).events.map((e) => (e as { path: string }).path)).toEqual(['/dir/late.txt', '/after']);
  });

  it('reassembles chunked paths by tid, with other records interleaved and a UTF-8 char split across chunks', () => {
    // 198 ASCII bytes then "é" (2 bytes) straddles the 199-byte chunk boundary.
    const path = Buffer.from('/' + 'p'.repeat(197) + 'é' + 'q'.repeat(150) + '/end', 'utf8');
    const c0 = path.subarray(0, 199);
    const c1 = path.subarray(199);
    const text =
      line('A', NS, 7, 8, kfe(KIND.open), 0, 1, c0) +
      line('A', NS, 9, 9, kfe(KIND.stat), 0, 0, '/other') +
      line('C', 8, 1, 0, c1);
    const { events } = decode(text);
    expect(events).toEqual([
      expect.objectContaining({ pid: 7, op: 'read', path: path.toString('utf8') }),
      expect.objectContaining({ pid: 9, op: 'stat', path: '/other' }),
    ]);
  });

  it('decodes a rename (A and B records) with a long new path', () => {
    const to = '/' + 't'.repeat(250);
    const text =
      line('A', NS, 5, 5, kfe(KIND.rename), 0, 0, '/from') +
      line('B', NS, 5, 5, kfe(KIND.rename), 0, 1, to.slice(0, 199)) +
      line('C', 5, 1, 0, to.slice(199));
    expect(decode(text).events).toEqual([
      expect.objectContaining({ op: 'rename_from', path: '/from' }),
      expect.objectContaining({ op: 'rename_to', path: to }),
    ]);
  });

  it('reports a path it cannot recover whole as truncated_path, never as a cut path', () => {
    const chunks = [line('A', NS, 3, 3, kfe(KIND.open), 0, 1, '/' + 'x'.repeat(198))];
    for (let k = 1; k <= 20; k++) chunks.push(line('C', 3, k, 1, 'y'.repeat(199)));
    const { events, d } = decode(chunks.join('') + line('A', NS, 3, 3, kfe(KIND.open), 0, 1, '/' + 'z'.repeat(198)) + line('A', NS, 3, 3, kfe(KIND.open), 0, 0, '/ok'));
    expect(events.map((e) => (e.type === 'notice' ? e.kind : (e as { path: string }).path))).toEqual(['truncated_path', 'truncated_path', '/ok']);
    expect(d.stats.truncatedPaths).toBe(2);
    const cut = decode(line('D', 'q', 'deep') + line('d', 'q', 1) + line('A', NS, 3, 3, kfe(KIND.open), 'q', 0, 'f'));
    expect(cut.events).toEqual([expect.objectContaining({ type: 'notice', kind: 'truncated_path', pid: 3 })]);
  });

  it('decodes an exec: exec event (argv, cwd) before its access; hostile args survive', () => {
    const text =
      line('D', 'c', 'w') +
      line('d', 'c', 0) +
      line('A', 4 * NS, 20, 20, kfe(KIND.exec, 0, 0, 1), 'c', 0, './tool') +
      line('Y', 20, 'IO_TRACE_TASK=app:build') +
      line('Y', 20, 'IO_TRACE_BPFTRACE=x') +
      line('Y', 20, 'NX_TASK_TARGET_PROJECT=a=b') +
      line('e', 20, 0) +
      line('E', 4 * NS, 20, 4, 'c') +
      line('V', 20, 0, './tool') +
      line('V', 20, 1, 'a\nb') +
      line('V', 20, 2, 'ünï\t::warning::x') +
      line('V', 20, 3, 'z'.repeat(199)) +
      line('A', 5 * NS, 20, 20, kfe(KIND.exec, 2), 0, 0, '/nope');
    const { events, d } = decode(text, 7);
    expect(d.stats.strays).toBe(0);
    expect(events).toEqual([
      {
        type: 'exec',
        ts: 1_700_000_000_004,
        pid: 20,
        path: '/w/./tool',
        argv: ['./tool', 'a\nb', 'ünï\t::warning::x', 'z'.repeat(199)],
        argvTruncated: true,
        cwd: '/w',
        // Only identity variables, exactly named; a value may hold '='.
        env: { IO_TRACE_TASK: 'app:build', NX_TASK_TARGET_PROJECT: 'a=b' },
      },
      { type: 'access', ts: 1_700_000_000_004, pid: 20, op: 'exec', path: '/w/./tool', errno: 0 },
      { type: 'access', ts: 1_700_000_000_005, pid: 20, op: 'exec', path: '/nope', errno: 2 },
    ]);
  });

  it('cuts a chunk that has a successor to 199 bytes (bpftrace 0.27 keeps 200 for the same max_strlen)', () => {
    const path = '/' + 'p'.repeat(250);
    const name = 'n'.repeat(230);
    const text =
      line('A', NS, 3, 3, kfe(KIND.open), 0, 1, path.slice(0, 200)) +
      line('C', 3, 1, 0, path.slice(199)) +
      line('D', 'q', name.slice(0, 200)) +
      line('N', 'q', name.slice(199)) +
      line('d', 'q', 0) +
      line('A', NS, 3, 3, kfe(KIND.open), 'q', 0, 'f');
    expect(decode(text).events.map((e) => (e as { path?: string }).path)).toEqual([path, `/${name}/f`]);
  });

  it('gives no environment when it was not read whole: a cut value, too many variables, a lost end record', () => {
    const exec = (...env: string[]) =>
      line('A', NS, 20, 20, kfe(KIND.exec, 0, 0, 1), 0, 0, '/bin/x') + env.join('') + line('E', NS, 20, 1, 0) + line('V', 20, 0, 'x');
    const envOf = (text: string) => (decode(text).events[0] as { type: string; env?: unknown }).env;
    expect(envOf(exec(line('e', 20, 0)))).toEqual({});
    expect(envOf(exec(line('Y', 20, 'TURBO_HASH=abc'), line('e', 20, 0)))).toEqual({ TURBO_HASH: 'abc' });
    expect(envOf(exec(line('Y', 20, 'TURBO_HASH=' + 'h'.repeat(188)), line('e', 20, 0)))).toBeUndefined();
    expect(envOf(exec(line('Y', 20, 'TURBO_HASH=abc'), line('e', 20, 1)))).toBeUndefined();
    expect(envOf(exec(line('Y', 20, 'TURBO_HASH=abc')))).toBeUndefined();
    expect(envOf(line('A', NS, 20, 20, kfe(KIND.exec, 0, 0, 1), 0, 0, '/bin/x') + line('Y', 20, 'TURBO_HASH=abc') + line('X', 2 * NS, 20))).toBeUndefined();
  });

  it('does not hold events forever when an exec loses its argv records', () => {
    const text = line('A', NS, 20, 20, kfe(KIND.exec), 0, 0, '/bin/x') + line('E', NS, 20, 3, 0) + line('V', 20, 0, 'x') + line('X', 2 * NS, 20);
    expect(decode(text).events.map((e) => e.type)).toEqual(['exec', 'access', 'exit']);
    expect(decode(text).events[0]).toMatchObject({ argv: ['x'], argvTruncated: true });
  });

  it('decodes fork, exit, io_uring, map_full and lost-events records', () => {
    const text =
      line('F', NS, 1, 2) +
      line('X', NS, 2) +
      line('U', NS, 1, 5) +
      line('M', NS, 3, 'tracked') +
      '{"type": "lost_events", "data": {"events": 12}}\n';
    const { events, d } = decode(text);
    expect(events).toEqual([
      { type: 'fork', ts: 1_700_000_000_001, pid: 1, child: 2 },
      { type: 'exit', ts: 1_700_000_000_001, pid: 2 },
      expect.objectContaining({ type: 'notice', kind: 'io_uring', pid: 1 }),
      expect.objectContaining({ type: 'notice', kind: 'map_full', pid: 3 }),
      expect.objectContaining({ type: 'notice', kind: 'lost', count: 12 }),
    ]);
    expect(d.stats.lostEvents).toBe(12);
  });

  it('decodes the same stream fed one byte at a time', () => {
    const text =
      line('A', NS, 1, 1, kfe(KIND.open, 0, 1), 0, 0, '/a\nb\tc "d" \\ e ü') + line('A', NS, 1, 1, kfe(KIND.mkdir, 17), 0, 0, '/dir');
    const whole = decode(text).events;
    expect(decode(text, 1).events).toEqual(whole);
    expect(whole).toEqual([
      expect.objectContaining({ op: 'write', path: '/a\nb\tc "d" \\ e ü' }),
      expect.objectContaining({ op: 'mkdir', errno: 17, path: '/dir' }),
    ]);
  });

  it('records the CPUs that sent a sync record (S) after the root exited', () => {
    const { events, d } = decode(line('X', NS, 1) + line('S', 1) + line('S', 0));
    expect(events.map((e) => e.type)).toEqual(['exit']);
    expect([...d.syncedCpus].sort()).toEqual([0, 1]);
  });

  it('counts records it cannot match instead of failing', () => {
    const { events, d } = decode(line('C', 99, 1, 0, 'orphan') + line('V', 5, 0, 'x') + line('Q', 1));
    expect(events).toEqual([]);
    expect(d.stats.strays).toBe(3);
  });
});
