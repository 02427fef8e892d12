/**
 * The bpftrace backend against the real kernel: needs root, bpftrace and tracefs. Outside CI these tests
 * are skipped when that is missing; in CI (process.env.CI set) they fail instead, so a runner that
 * cannot trace is noticed. IO_TRACE_BPFTRACE picks the bpftrace command (e.g. one in a chroot: see
 * .ci/bpftrace-versions), so the same tests run on every bpftrace version CI has.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessEvent, ExecEvent, TraceEvent } from '../../src/core/events.js';
import { silentLogger } from '../../src/core/logger.js';
import { BpftraceTracer, adaptScript, bpftraceCommand, bpftraceEnv, defaultPerfPages, defaultScriptPath, scriptToRun, versionAtLeast } from '../../src/tracer/bpftrace.js';
import { launchStopped, type BuildExit } from '../../src/tracer/launch.js';
import type { TracerOutcome } from '../../src/tracer/types.js';

const tracer = new BpftraceTracer();
// The real interpreter, not a shim (pyenv's shims are shell scripts that run other processes).
const PY = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
const availability = await tracer.check();
const suite = availability.available || process.env.CI ? describe : describe.skip;

interface Traced {
  events: TraceEvent[];
  outcome: TracerOutcome;
  exit: BuildExit;
  pid: number;
  stdout: string;
  attachMs: number;
}

async function trace(command: string[], cwd: string, workDir: string, using: BpftraceTracer = tracer): Promise<Traced> {
  if (!availability.available) throw new Error(`bpftrace unavailable: ${availability.reason}`);
  const events: TraceEvent[] = [];
  const t0 = Date.now();
  const build = await launchStopped({ command, cwd, env: { ...process.env, UV_USE_IO_URING: '0' }, stdin: 'ignore' });
  const session = using.attach({ pid: build.pid, sink: (batch) => events.push(...batch), log: silentLogger, workDir });
  let stdout = '';
  build.child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  build.child.stderr!.resume();
  try {
    await session.ready;
  } catch (e) {
    build.child.kill('SIGKILL');
    throw e;
  }
  const attachMs = Date.now() - t0;
  build.resume();
  const exit = await build.exited;
  // Finish right away: events written just before the build exited must still arrive.
  const outcome = await session.finish();
  return { events, outcome, exit, pid: build.pid, stdout, attachMs };
}

/** bpftrace processes following `pid` (argv[0] bpftrace, the pid among the arguments). */
function bpftracesFollowing(pid: number): number[] {
  const found: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const argv = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (argv.length && /(^|\/)bpftrace$/.test(argv[0]) && argv.at(-1) === String(pid)) found.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

const accesses = (events: TraceEvent[]) => events.filter((e): e is AccessEvent => e.type === 'access');

/** Distinct "op errno path" strings of accesses under `root`, sorted. */
function under(events: TraceEvent[], root: string): string[] {
  const set = new Set<string>();
  for (const e of accesses(events)) {
    if (e.path === root || e.path.startsWith(root + '/')) set.add(`${e.op} ${e.errno} ${e.path}`);
  }
  return [...set].sort();
}

suite('BpftraceTracer (real bpftrace)', () => {
  let base: string;
  let scripts: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'io-trace-bpf-'));
    scripts = join(base, 'scripts');
    mkdirSync(scripts);
  });
  afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('has its prerequisites (root or sudo, bpftrace >= 0.17, tracefs, BPF)', () => {
    expect(availability).toMatchObject({ available: true });
    // The version is the one of the command that traces (IO_TRACE_BPFTRACE may name another bpftrace).
    const expected = process.env.IO_TRACE_EXPECT_BPFTRACE_VERSION;
    if (expected) expect(availability.version).toBe(expected);
  });

  it('compiles the script fitted to this bpftrace and kernel (0.21+: --dry-run, load and attach; before: --emit-elf, codegen only)', () => {
    const [cmd, ...pre] = bpftraceCommand();
    const script = scriptToRun(readFileSync(defaultScriptPath(), 'utf8'), { version: availability.version }, silentLogger);
    // Before 0.25 the kernel struct reads are inlined as offsets (struct-offsets.ts): this is that script.
    if (!versionAtLeast(availability.version!, [0, 25, 0])) expect(script).not.toContain('curtask->');
    // 0.27's --emit-elf attaches and keeps running; --dry-run (0.21+) stops after attaching.
    const dry = versionAtLeast(availability.version!, [0, 21, 0]) ? ['--dry-run'] : ['--emit-elf', '/dev/null'];
    execFileSync(cmd, [...pre, '--no-warnings', ...dry, '-e', script, '1'], {
      timeout: 120_000,
      env: { ...process.env, ...bpftraceEnv(availability.version, 64, 4096) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  });

  it('records every kind of access with absolute paths, results, forks, execs and exits', async () => {
    const ws = join(base, 'ws');
    mkdirSync(join(ws, 'sub'), { recursive: true });
    writeFileSync(join(ws, 'in.txt'), 'in\n');
    writeFileSync(join(ws, 'exist.txt'), 'exist\n');
    writeFileSync(join(ws, 'a.txt'), 'a\n');
    writeFileSync(join(ws, 'sub', 'f.txt'), 'f\n');
    // A 300-character absolute path, and a relative one longer than one 199-byte chunk.
    const l1 = 'L'.repeat(120);
    const l2 = 'M'.repeat(120);
    mkdirSync(join(ws, l1, l2), { recursive: true });
    const longAbs = join(ws, l1, l2, 'n'.repeat(300 - join(ws, l1, l2).length - 1));
    expect(longAbs).toHaveLength(300);
    writeFileSync(join(ws, l1, l2, 'rel.txt'), 'r\n');
    // A directory whose name is longer than a chunk (walked in the kernel with a continuation).
    const longDir = 'c'.repeat(230);
    mkdirSync(join(ws, longDir));
    // A cwd on another mount (tmpfs): the dentry walk must cross into the parent mount.
    const shm = mkdtempSync('/dev/shm/io-trace-bpf-');
    const hostile = ['new\nline.txt', 'tab\there.txt', 'ünïcödé-日本.txt', '::warning::pwn.txt', 'back\\uffffffe2 "q".txt'];
    writeFileSync(
      join(scripts, 'workload.py'),
      String.raw`
import os, sys, json, threading, subprocess, ctypes
W = os.getcwd()
def attempt(f):
    try: f()
    except OSError: pass
os.close(os.open('in.txt', os.O_RDONLY))
os.close(os.open(W + '/out.txt', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644))
os.close(os.open('exist.txt', os.O_WRONLY))
os.close(os.open('exist.txt', os.O_RDWR | os.O_TRUNC))
os.truncate('exist.txt', 0)
attempt(lambda: os.open('missing.txt', os.O_RDONLY))
os.stat('in.txt'); os.lstat('in.txt'); os.access('in.txt', os.R_OK)
os.listdir('sub')
os.mkdir('newdir'); os.rmdir('newdir')
os.rename('a.txt', 'b.txt'); os.unlink('b.txt')
os.link('in.txt', 'hard.txt'); os.symlink('in.txt', 'sym.txt'); os.readlink('sym.txt')
d = os.open('sub', os.O_RDONLY | os.O_DIRECTORY)
os.close(os.open('f.txt', os.O_RDONLY, dir_fd=d))
os.stat('f.txt', dir_fd=d)
os.mkdir('made', dir_fd=d)
os.rename('f.txt', 'g.txt', src_dir_fd=d, dst_dir_fd=d)
os.unlink('g.txt', dir_fd=d)
os.rmdir('made', dir_fd=d)
os.close(d)
args = json.loads(sys.argv[1])
os.close(os.open(args['longAbs'], os.O_WRONLY | os.O_CREAT, 0o644))
os.close(os.open(args['longRel'], os.O_RDONLY))
for name in args['hostile']:
    os.close(os.open(name, os.O_WRONLY | os.O_CREAT, 0o644))
t = threading.Thread(target=lambda: os.close(os.open('thread.txt', os.O_WRONLY | os.O_CREAT, 0o644)))
t.start(); t.join()
p = subprocess.run(['/bin/true', 'arg with space', 'tab\there', 'ünï', '::warning::x', ''], env={**os.environ, 'IO_TRACE_TASK': 'app:build', 'NX_TASK_TARGET_PROJECT': 'p', 'IO_TRACE_OTHER': 'x'})
s = subprocess.Popen(['sleep', '30']); s.kill(); s.wait()
os.chdir(args['longDir'])
os.close(os.open('x.txt', os.O_WRONLY | os.O_CREAT, 0o644))
os.chdir(args['shm'])
os.close(os.open('rel.txt', os.O_WRONLY | os.O_CREAT, 0o644))
print(json.dumps({'pid': os.getpid(), 'sleep': s.pid}))
`,
    );
    const args = { longAbs, longRel: `${l1}/${l2}/rel.txt`, hostile, longDir: join(ws, longDir), shm };
    let r: Traced;
    try {
      r = await trace([PY, '-I', '-S', join(scripts, 'workload.py'), JSON.stringify(args)], ws, join(base, 'work1'));
    } finally {
      rmSync(shm, { recursive: true, force: true });
    }
    expect(r.exit).toEqual({ code: 0, signal: null });
    expect(r.outcome).toMatchObject({ lostEvents: 0, incompleteReasons: [] });
    // What follows was traced with the kernel struct reads at BTF offsets before 0.25 (struct-offsets.ts).
    expect(readFileSync(join(base, 'work1', 'iotrace.bt'), 'utf8').includes('curtask->')).toBe(versionAtLeast(availability.version!, [0, 25, 0]));
    const out = JSON.parse(r.stdout) as { pid: number; sleep: number };

    expect(under(r.events, ws)).toEqual(
      [
        'read 0 ' + join(ws, 'in.txt'),
        'create 0 ' + join(ws, 'out.txt'),
        'write 0 ' + join(ws, 'exist.txt'),
        'truncate 0 ' + join(ws, 'exist.txt'),
        'read 2 ' + join(ws, 'missing.txt'),
        'stat 0 ' + join(ws, 'in.txt'),
        'readdir 0 ' + join(ws, 'sub'),
        'mkdir 0 ' + join(ws, 'newdir'),
        'rmdir 0 ' + join(ws, 'newdir'),
        'rename_from 0 ' + join(ws, 'a.txt'),
        'rename_to 0 ' + join(ws, 'b.txt'),
        'unlink 0 ' + join(ws, 'b.txt'),
        'link 0 ' + join(ws, 'hard.txt'),
        'link 0 ' + join(ws, 'sym.txt'),
        'stat 0 ' + join(ws, 'sym.txt'),
        'read 0 ' + join(ws, 'sub', 'f.txt'),
        'stat 0 ' + join(ws, 'sub', 'f.txt'),
        'mkdir 0 ' + join(ws, 'sub', 'made'),
        'rename_from 0 ' + join(ws, 'sub', 'f.txt'),
        'rename_to 0 ' + join(ws, 'sub', 'g.txt'),
        'unlink 0 ' + join(ws, 'sub', 'g.txt'),
        'rmdir 0 ' + join(ws, 'sub', 'made'),
        'create 0 ' + longAbs,
        'read 0 ' + `${ws}/${l1}/${l2}/rel.txt`,
        ...hostile.map((h) => 'create 0 ' + join(ws, h)),
        'create 0 ' + join(ws, 'thread.txt'),
        'create 0 ' + join(ws, longDir, 'x.txt'),
      ].sort(),
    );
    expect(under(r.events, shm)).toEqual([`create 0 ${shm}/rel.txt`]);

    // Every access of the workload is the python process's, threads included.
    for (const e of accesses(r.events)) if (e.path.startsWith(ws + '/')) expect(e.pid).toBe(out.pid);

    const execs = r.events.filter((e): e is ExecEvent => e.type === 'exec');
    const trueExec = execs.find((e) => e.path === '/bin/true');
    expect(trueExec).toMatchObject({ argv: ['/bin/true', 'arg with space', 'tab\there', 'ünï', '::warning::x', ''], cwd: ws });
    expect(trueExec!.argvTruncated).toBeUndefined();
    // The task identity variables of its environment, read at the exec in the kernel.
    expect(trueExec!.env).toEqual({ IO_TRACE_TASK: 'app:build', NX_TASK_TARGET_PROJECT: 'p' });
    expect(accesses(r.events)).toContainEqual(expect.objectContaining({ op: 'exec', path: '/bin/true', errno: 0, pid: trueExec!.pid }));
    expect(r.events).toContainEqual(expect.objectContaining({ type: 'fork', pid: out.pid, child: trueExec!.pid }));
    // The root's own exec (sh of the launcher -> python3) is seen, with its cwd.
    expect(execs.some((e) => e.pid === r.pid && e.path === PY && e.argv[0] === PY && e.cwd === ws)).toBe(true);

    // A child killed by a signal, and the root, exit.
    expect(r.events).toContainEqual(expect.objectContaining({ type: 'fork', pid: out.pid, child: out.sleep }));
    expect(r.events).toContainEqual(expect.objectContaining({ type: 'exit', pid: out.sleep }));
    expect(r.events).toContainEqual(expect.objectContaining({ type: 'exit', pid: r.pid }));
    // Threads are not processes.
    const forks = r.events.filter((e) => e.type === 'fork' && e.pid === out.pid);
    expect(forks).toHaveLength(2);
  });

  it('reads a path whole at every 199-byte chunk boundary (absolute and relative, open and rename)', async () => {
    const ws = join(base, 'chunks');
    mkdirSync(ws);
    // Paths (that do not exist: failed opens are recorded too) whose length is a few bytes either side
    // of 1, 2 and 3 chunks, built from 100-byte directory names so no name is over NAME_MAX.
    const lengths = [197, 198, 199, 200, 201, 396, 397, 398, 399, 400, 595, 596, 597, 598, 599];
    const pathOf = (n: number): string => {
      let p = ws;
      while (n - p.length > 101) p += '/' + 'd'.repeat(100);
      return p + '/' + 'f'.repeat(n - p.length - 1);
    };
    const paths = lengths.map(pathOf);
    for (const [i, p] of paths.entries()) expect(p, String(lengths[i])).toHaveLength(lengths[i]!);
    const rel = (p: string): string => p.slice(ws.length + 1);
    // One with a file that exists, renamed to a 398-byte path: both of rename's paths are counted.
    const from = pathOf(199).replace(/f+$/, (m) => 'r'.repeat(m.length));
    mkdirSync(join(from, '..'), { recursive: true });
    writeFileSync(from, '');
    const to = pathOf(398).replace(/f+$/, (m) => 'g'.repeat(m.length));
    mkdirSync(join(to, '..'), { recursive: true });
    writeFileSync(join(scripts, 'chunks.py'), `import os, sys, json
a = json.loads(sys.argv[1])
for p in a['abs']:
    try: os.close(os.open(p, os.O_RDONLY))
    except OSError: pass
for p in a['rel']:
    try: os.close(os.open(p, os.O_RDONLY))
    except OSError: pass
os.rename(a['from'], a['to'])
`);
    const args = { abs: paths, rel: paths.map(rel).filter((p) => p.length > 150), from: rel(from), to: rel(to) };
    const r = await trace([PY, '-I', '-S', join(scripts, 'chunks.py'), JSON.stringify(args)], ws, join(base, 'work-chunks'));
    expect(r.exit.code).toBe(0);
    const got = under(r.events, ws);
    for (const p of paths) expect(got).toContain(`read 2 ${p}`);
    for (const p of args.rel) expect(got).toContain(`read 2 ${join(ws, p)}`);
    expect(got).toContain(`rename_from 0 ${from}`);
    expect(got).toContain(`rename_to 0 ${to}`);
    expect(r.outcome).toMatchObject({ lostEvents: 0, incompleteReasons: [] });
  });

  it('reads task identity at the exec up to 16 candidate variables and 512 in all, and says when it could not read it whole', async () => {
    const ws = join(base, 'identity-cut');
    mkdirSync(ws, { recursive: true });
    // 16 variables starting IO_TRACE (the script's candidates): read. 17: cut, so the process table
    // reads /proc instead (env undefined). 600 variables in all: cut too.
    writeFileSync(join(scripts, 'identity-cut.py'), `import os, subprocess
base = {'PATH': os.environ['PATH'], 'IO_TRACE_TASK': 'app:build'}
subprocess.run(['/bin/true', 'sixteen'], env={**base, **{'IO_TRACE_X%d' % i: 'x' for i in range(15)}})
subprocess.run(['/bin/true', 'seventeen'], env={**base, **{'IO_TRACE_X%d' % i: 'x' for i in range(16)}})
subprocess.run(['/bin/true', 'many'], env={**base, **{'OTHER_%d' % i: 'x' for i in range(600)}})
`);
    const r = await trace([PY, '-I', '-S', join(scripts, 'identity-cut.py')], ws, join(base, 'work-identity-cut'));
    expect(r.exit.code).toBe(0);
    const execOf = (arg: string) => r.events.find((e): e is ExecEvent => e.type === 'exec' && e.argv[1] === arg);
    expect(execOf('sixteen')?.env).toEqual({ IO_TRACE_TASK: 'app:build' });
    expect(execOf('seventeen')).toBeDefined();
    expect(execOf('seventeen')!.env).toBeUndefined();
    expect(execOf('many')).toBeDefined();
    expect(execOf('many')!.env).toBeUndefined();
    expect(r.outcome).toMatchObject({ lostEvents: 0, incompleteReasons: [] });
  });

  it('sees all 200 short-lived children of a shell loop and stops at the tree', async () => {
    const ws = join(base, 'loop');
    mkdirSync(ws);
    writeFileSync(join(ws, 'in.txt'), 'x\n');
    const r = await trace(['sh', '-c', 'for i in $(seq 200); do cat in.txt; done > /dev/null'], ws, join(base, 'work2'));
    expect(r.exit.code).toBe(0);
    const catPids = new Set(r.events.filter((e): e is ExecEvent => e.type === 'exec' && e.path.endsWith('/cat')).map((e) => e.pid));
    expect(catPids.size).toBe(200);
    const readers = new Set(accesses(r.events).filter((e) => e.op === 'read' && e.path === join(ws, 'in.txt')).map((e) => e.pid));
    expect(readers).toEqual(catPids);
    const forked = new Set(r.events.flatMap((e) => (e.type === 'fork' && e.pid === r.pid ? [e.child] : [])));
    for (const p of catPids) expect(forked.has(p)).toBe(true);
    // The end of the build is not cut off: every cat, and the root, exited.
    const exited = new Set(r.events.flatMap((e) => (e.type === 'exit' ? [e.pid] : [])));
    for (const p of [...catPids, r.pid]) expect(exited.has(p)).toBe(true);
    // Nothing from outside the tree (e.g. this test process) was recorded.
    const tree = new Set([r.pid, ...forked]);
    for (const e of r.events) if (e.type === 'access') expect(tree.has(e.pid)).toBe(true);
    expect(r.outcome.lostEvents).toBe(0);
    // A sanity bound, not a benchmark: compile + attach is ~1.3 s idle here, several seconds on a busy 2-CPU box.
    expect(r.attachMs).toBeLessThan(20_000);
  });

  it('keeps the events written just before the build exits', async () => {
    const ws = join(base, 'burst');
    mkdirSync(ws);
    writeFileSync(
      join(scripts, 'burst.py'),
      `import os\nfor i in range(3000):\n    os.close(os.open(f"b{i}", os.O_WRONLY | os.O_CREAT, 0o644))\n`,
    );
    const r = await trace([PY, '-I', '-S', join(scripts, 'burst.py')], ws, join(base, 'work3'));
    const created = under(r.events, ws).filter((s) => s.startsWith('create 0 '));
    expect(created).toHaveLength(3000);
    expect(r.events.at(-1)).toMatchObject({ type: 'exit', pid: r.pid });
    // The busy shells that wake idle CPUs for the end-of-build sync are all gone (one once leaked and spun for half an hour).
    const spinning = spawnSync('pgrep', ['-f', 'while :; do :; done'], { encoding: 'utf8' }).stdout.trim();
    expect(spinning).toBe('');
  });

  it('syncs each CPU on an exec there once the root is gone, also as a standby (no profile tick needed)', async () => {
    // The script without its profile probe (an idle tickless CPU takes none): every S record must then
    // come from the exec io-trace runs on each CPU at the end (or its fallback spinners, also execs).
    const noTick = join(scripts, 'no-tick.bt');
    const shipped = readFileSync(defaultScriptPath(), 'utf8');
    expect(shipped).toContain('profile:hz:49,\n');
    writeFileSync(noTick, shipped.replace('profile:hz:49,\n', 'interval:s:1000,\n'));
    const synced = (o: TracerOutcome) => expect(o.incompleteReasons.join('\n')).not.toMatch(/did not confirm/);

    const plain = new BpftraceTracer({ scriptPath: noTick });
    await plain.check();
    const r = await trace(['true'], base, join(base, 'work-tick'), plain);
    synced(r.outcome);

    // A standby's adoption probe is the one program on sched_process_exec (bpftrace 0.17 runs the first
    // of two programs on a tracepoint twice and never the second), so it prints S records there.
    const standby = new BpftraceTracer({ scriptPath: noTick });
    await standby.check();
    const dir = join(base, 'standby-tick');
    await standby.startStandby(dir, { idleSeconds: 60, waitReady: true, log: silentLogger });
    const shell = await standby.claimStandby(dir, silentLogger);
    expect(shell).toBeDefined();
    const build = await launchStopped({ command: ['true'], cwd: base, env: process.env, stdin: 'ignore', shell: shell! });
    const session = standby.attach({ pid: build.pid, sink: () => {}, log: silentLogger, workDir: join(base, 'work-tick-standby') });
    await session.ready;
    build.resume();
    await build.exited;
    synced(await session.finish());
  });

  it('runs bpftrace as SCHED_BATCH, so a record that wakes it does not preempt the build', async () => {
    const build = await launchStopped({ command: ['true'], cwd: base, env: process.env, stdin: 'ignore' });
    const session = tracer.attach({ pid: build.pid, sink: () => {}, log: silentLogger, workDir: join(base, 'work-batch') });
    await session.ready;
    const [pid] = bpftracesFollowing(build.pid);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 41 of /proc/PID/stat is the scheduling policy (3: SCHED_BATCH); fields restart after "(comm) ".
    expect(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[41 - 3]).toBe('3');
    build.resume();
    await build.exited;
    await expect(session.finish()).resolves.toMatchObject({ lostEvents: 0 });
  });

  it('lets bpftrace detach its probes after finish() returns once every record is read, and it is gone soon after', async () => {
    const ws = join(base, 'detach');
    mkdirSync(ws);
    const r = await trace(['sh', '-c', 'cat /etc/hostname > out.txt'], ws, join(base, 'work-detach'));
    // Nothing of the build is missing for it: the write just before the exit is there.
    expect(under(r.events, ws)).toContain(`create 0 ${join(ws, 'out.txt')}`);
    expect(r.outcome).toMatchObject({ lostEvents: 0, incompleteReasons: [] });
    // SIGINT is sent and a watchdog repeats it, then kills: bpftrace never stays behind.
    const deadline = Date.now() + 10_000;
    while (bpftracesFollowing(r.pid).length > 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
    expect(bpftracesFollowing(r.pid)).toEqual([]);

    // Asked to wait (IO_TRACE_BPF_WAIT_DETACH=1), finish() returns only once bpftrace has exited.
    const waiting = new BpftraceTracer({ detachInBackground: false });
    await waiting.check();
    const w = await trace(['sh', '-c', 'cat /etc/hostname > out2.txt'], ws, join(base, 'work-detach2'), waiting);
    expect(under(w.events, ws)).toContain(`create 0 ${join(ws, 'out2.txt')}`);
    expect(bpftracesFollowing(w.pid)).toEqual([]);
  });

  it('counts lost events when the output buffer overflows (JSON on stdout; 0.27 adds a total on stderr)', async () => {
    const ws = join(base, 'lossy');
    mkdirSync(ws);
    // 200k distinct failed stats in a fraction of a second: one record each, far more than one page holds.
    writeFileSync(join(scripts, 'lossy.py'), `import os\nfor i in range(200000):\n    try: os.stat(f"m{i}")\n    except OSError: pass\n`);
    const small = new BpftraceTracer({ perfPages: 1 });
    await small.check();
    const events: TraceEvent[] = [];
    const build = await launchStopped({ command: [PY, '-I', '-S', join(scripts, 'lossy.py')], cwd: ws, env: process.env, stdin: 'ignore' });
    const session = small.attach({ pid: build.pid, sink: (b) => events.push(...b), log: silentLogger, workDir: join(base, 'work-lossy') });
    await session.ready;
    build.resume();
    await build.exited;
    const outcome = await session.finish();
    expect(outcome.lostEvents).toBeGreaterThan(0);
    expect(outcome.incompleteReasons.join('\n')).toMatch(/bpftrace lost \d+ events/);
    expect(events.some((e) => e.type === 'notice' && e.kind === 'lost')).toBe(true);
  });

  it('de-duplicates repeated accesses in the kernel but keeps each distinct one, and sees symlinked cwd physically', async () => {
    const ws = join(base, 'dedup');
    mkdirSync(join(ws, 'real'), { recursive: true });
    symlinkSync(join(ws, 'real'), join(ws, 'link'));
    writeFileSync(join(ws, 'real', 'f.txt'), 'x');
    writeFileSync(
      join(scripts, 'dedup.py'),
      [
        'import os',
        'def probe(p):',
        '    try: os.stat(p)',
        '    except OSError: pass',
        'probe("f.txt")',
        'probe("gone.txt")',
        'for i in range(20000):',
        '    os.close(os.open("f.txt", os.O_RDONLY))',
        'os.unlink("f.txt")',
        'probe("f.txt")',
        'probe("gone.txt")',
        'os.close(os.open("f.txt", os.O_WRONLY | os.O_CREAT, 0o644))',
        'os.unlink("f.txt")',
        'os.close(os.open("f.txt", os.O_WRONLY | os.O_CREAT, 0o644))',
        'probe("f.txt")',
        'probe("gone.txt")',
        '',
      ].join('\n'),
    );
    const r = await trace([PY, '-I', '-S', join(scripts, 'dedup.py')], join(ws, 'link'), join(base, 'work4'));
    const seq = (name: string) =>
      accesses(r.events)
        .filter((e) => e.path === join(ws, 'real', name))
        .map((e) => `${e.op}${e.errno ? ` ${e.errno}` : ''}`);
    // Each re-creation after an unlink is reported again (the generation changes). A stat is reported
    // again only when its result changes (ENOENT once the file is gone), not after each generation change.
    expect(seq('f.txt')).toEqual(['stat', 'read', 'unlink', 'stat 2', 'create', 'unlink', 'create']);
    expect(seq('gone.txt')).toEqual(['stat 2']);
  });

  it('rejects ready with bpftrace\'s own error when the script does not load, and still finishes', async () => {
    const bad = join(scripts, 'bad.bt');
    writeFileSync(bad, 'BEGIN { printf("R\\t1\\t0\\n"); @x = undefined_thing(); }\n');
    const build = await launchStopped({ command: ['true'], cwd: base, env: process.env, stdin: 'ignore' });
    const badTracer = new BpftraceTracer({ scriptPath: bad });
    await badTracer.check();
    const session = badTracer.attach({ pid: build.pid, sink: () => {}, log: silentLogger, workDir: join(base, 'work6') });
    // The reason names the bpftrace (version and command) and its own error.
    await expect(session.ready).rejects.toThrow(new RegExp(`bpftrace ${availability.version!.replace(/\./g, '\\.')} \\(.*bpftrace\\) could not load bpf/iotrace.bt .*undefined_thing`));
    await expect(session.finish()).resolves.toMatchObject({ eventCount: 0 });
    build.child.kill('SIGKILL');
  });

  it('flags path operations submitted through io_uring, not a ring that only exists', async () => {
    const bin = join(base, 'uring');
    const built = spawnSync('gcc', ['-O1', '-o', bin, join(process.cwd(), 'tests/fixtures/io-uring/uring-openat.c')], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    writeFileSync(join(base, 'ring-target.txt'), 'x');
    const idle = await trace([bin, join(base, 'ring-target.txt'), 'setup-only'], base, join(base, 'work5'));
    expect(idle.stdout.trim()).toBe('ring');
    expect(idle.events.filter((e) => e.type === 'notice')).toEqual([]);
    const r = await trace([bin, join(base, 'ring-target.txt')], base, join(base, 'work6'));
    expect(r.stdout).toMatch(/openat via io_uring: \d+/);
    const notices = r.events.filter((e) => e.type === 'notice' && e.kind === 'io_uring');
    expect(notices).toEqual([expect.objectContaining({ pid: r.pid, message: expect.stringContaining('io_uring OPENAT') })]);
    expect(r.outcome.incompleteReasons.join('\n')).toMatch(/io_uring OPENAT/);
    // The open through the ring is invisible: exactly why the run must say so.
    expect(r.events.some((e) => e.type === 'access' && e.path.endsWith('ring-target.txt'))).toBe(false);
  });

  it('loads and traces with the script fitted to a kernel without the io_uring_submit_req tracepoint (with bpftrace)', async () => {
    const base = mkdtempSync(join(tmpdir(), 'iotrace-nosubmit-'));
    writeFileSync(join(base, 'in.txt'), 'x');
    const old = new BpftraceTracer({ submitTracepoint: false });
    expect((await old.check()).available).toBe(true);
    const r = await trace(['cat', 'in.txt'], base, join(base, 'work'), old);
    expect(r.exit.code).toBe(0);
    expect(r.outcome.incompleteReasons).toEqual([]);
    expect(readFileSync(join(base, 'work', 'iotrace.bt'), 'utf8')).not.toContain('io_uring_submit_req\n');
    expect(under(r.events, base)).toContain(`read 0 ${join(base, 'in.txt')}`);
    rmSync(base, { recursive: true, force: true });
  });

  it('reports any ring set up on kernels without the io_uring_submit_req tracepoint', () => {
    const script = readFileSync(join(process.cwd(), 'bpf/iotrace.bt'), 'utf8');
    const old = adaptScript(script, { hasSubmitTracepoint: false });
    expect(old).not.toContain('io_uring_submit_req\n');
    expect(old).not.toContain('@uring');
    expect(old).not.toContain('&& 0 /* IO_URING_SETUP_FALLBACK */');
    expect(adaptScript(script, { hasSubmitTracepoint: true })).toBe(script.replace(/^#!.*\n/, ''));
  });

  it('sizes the output buffer by CPUs, memory and bpftrace version (per-CPU perf buffers before 0.19, one ring from 0.19, 4x for 1024-byte strings)', () => {
    const GiB = 2 ** 30;
    expect(defaultPerfPages(2, '0.17.0', 24 * GiB)).toBe(4096);
    expect(defaultPerfPages(2, '0.18.0', 24 * GiB)).toBe(4096);
    expect(defaultPerfPages(2, '0.20.2', 24 * GiB)).toBe(8192);
    expect(defaultPerfPages(2, '0.23.2', 24 * GiB)).toBe(8192);
    expect(defaultPerfPages(2, '0.27.1', 24 * GiB)).toBe(8192);
    expect(defaultPerfPages(2, '0.25.0', 24 * GiB)).toBe(32768);
    expect(defaultPerfPages(4, '0.25.0', 16 * GiB)).toBe(32768);
    // 128 MiB in all.
    expect(defaultPerfPages(64, '0.17.0', 256 * GiB)).toBe(512);
    expect(defaultPerfPages(64, '0.27.1', 256 * GiB)).toBe(32768);
    // 1 GiB of memory: at most 32 MiB of buffer.
    expect(defaultPerfPages(4, '0.27.1', GiB)).toBe(8192);
    expect(defaultPerfPages(16, '0.20.2', GiB)).toBe(8192);
    expect(defaultPerfPages(16, '0.17.0', GiB)).toBe(512);
  });

  it('counts every record it prints but R and S (the S record\'s sum), in the standby probes too', () => {
    const script = readFileSync(join(process.cwd(), 'bpf/iotrace.bt'), 'utf8');
    for (const adapted of [adaptScript(script, { hasSubmitTracepoint: true }), adaptScript(script, { hasSubmitTracepoint: true, standby: { comm: 'iot-0123456789', idleSeconds: 60 } })]) {
      const lines = adapted.split('\n');
      const printing = lines.flatMap((l, i) => (/^\s*printf\("[^RS]/.test(l) ? [i] : []));
      expect(printing.length).toBeGreaterThan(15);
      // Each printf is followed, within its next three lines, by its count: @sent itself, or a counter
      // ($np, a loop's $i) that is added to @sent after the loop.
      const uncounted = printing.filter((i) => !lines.slice(i + 1, i + 4).some((l) => /@sent\[cpu\] = @sent\[cpu\] \+|\$np = \$?n?p? ?\+? ?1|\$i\+\+/.test(l)));
      expect(uncounted.map((i) => lines[i].trim())).toEqual([]);
    }
  });

  it('turns while loops into bounded range loops for bpftrace 0.24+ only', () => {
    const script = readFileSync(join(process.cwd(), 'bpf/iotrace.bt'), 'utf8');
    const loops = script.match(/^\s*while \(/gm)!.length;
    expect(loops).toBeGreaterThan(5);
    expect(adaptScript(script, { hasSubmitTracepoint: true, version: '0.23.2' }).match(/^\s*while \(/gm)).toHaveLength(loops);
    const fitted = adaptScript(script, { hasSubmitTracepoint: true, version: '0.27.1' });
    expect(fitted).not.toMatch(/^\s*while \(/m);
    expect(fitted).toContain('for $loop1 : 0..65 { $i = (uint64)$loop1; if (!($i < 64)) { break; }');
    expect(fitted).toMatch(/for \$loop(\d+) : 1\.\.21 \{ \$i = \(uint64\)\$loop\1; if \(!\(\$i <= \$n && \$i <= 20\)\) \{ break; \}/);
    // The chunk count's inner loop too (a loop inside a loop).
    expect(fitted).toMatch(/for \$loop(\d+) : 0\.\.26 \{ \$j = \(uint64\)\$loop\1; if \(!\(\$j < 25\)\) \{ break; \}/);
    expect(fitted.match(/for \$loop\d+ : \d\.\.\d+ \{ \$[injk] = \(uint64\)\$loop\d+; if \(!\(/g)).toHaveLength(loops);
  });
});
