/**
 * A standby tracer (`io-trace tracer start`, the action's pre step): bpftrace compiled and attached before
 * the build, adopted by the next `io-trace run`. Real bpftrace as root, the bundled CLI under Node 24.
 * IO_TRACE_BPFTRACE picks the bpftrace (.ci/bpftrace-versions runs these on 0.23 and 0.27 too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, chownSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BpftraceTracer, adaptScript, defaultScriptPath, gateBit } from '../../src/tracer/bpftrace.js';
import { processStart } from '../../src/tracer/launch.js';
import { readStandbyRecord, standbyAlive, type StandbyRecord } from '../../src/tracer/standby.js';
import { REPO, runCli, startCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

const folders: string[] = [];
/** A standby folder of this test's own: never the default one another test's run would claim. */
function standbyFolder(): string {
  const dir = path.join(tmpdir(), `io-trace-standby-test-${process.pid}-${folders.length}`);
  folders.push(dir);
  return dir;
}

beforeAll(async () => {
  // In CI a missing tracer is a failure, never a skip.
  const a = await new BpftraceTracer().check();
  if (!a.available) throw new Error(`bpftrace is not usable here (${a.reason}); install it and run as root (see .ci/run)`);
});

afterAll(() => {
  for (const dir of folders) {
    for (const d of [dir, ...claimedCopies(dir)]) {
      if (existsSync(path.join(d, 'standby.json'))) runCli(['tracer', 'stop', '--dir', d], { cwd: tmpdir() });
      rmSync(d, { recursive: true, force: true });
    }
  }
});

function claimedCopies(dir: string): string[] {
  return readdirSync(path.dirname(dir))
    .filter((n) => n.startsWith(`${path.basename(dir)}.claimed-`))
    .map((n) => path.join(path.dirname(dir), n));
}

function start(dir: string, idle = 300): StandbyRecord {
  const r = runCli(['tracer', 'start', '--dir', dir, '--idle', String(idle)], { cwd: tmpdir() });
  expect(r.stderr).not.toContain('internal error');
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout.trim()).toBe(dir);
  return readStandbyRecord(dir);
}

async function until(what: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!what()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

const brief = (fs: { task: string; type: string; path: string }[]) => fs.map((f) => `${f.task} ${f.type} ${f.path}`).sort();

function example() {
  const ws = makeWorkspace();
  cpSync(path.join(REPO, 'examples/basic'), ws.root, { recursive: true });
  return ws;
}

function runExample(root: string, standby: string, extra: string[] = []) {
  const r = runCli(['run', '--tracer', 'bpftrace', ...extra, '--plan', 'io-trace.plan.json', '--json', 'report.json', '--verbose', '--', 'npm', 'run', 'build'], {
    cwd: root,
    env: { IO_TRACE_STANDBY: standby },
  });
  expect(r.stderr).not.toContain('internal error');
  expect(r.code, r.stderr).toBe(0);
  return { r, report: JSON.parse(readFileSync(path.join(root, 'report.json'), 'utf8')) };
}

describe('standby tracer (bpftrace)', () => {
  it('a run adopts a standby tracer and finds what a run with its own bpftrace finds (bpftrace)', async () => {
    const cold = example();
    const { r: own, report: expected } = runExample(cold.root, 'off');
    expect(expected.incompleteReasons).toEqual([]);
    // Its own bpftrace's tracepoint events were stopped from sampling (tracepoint-sampling.ts): the 13
    // raw_syscalls programs and the task, sched and io_uring ones.
    expect(Number(own.stderr.match(/disabled (\d+) tracepoint perf events of bpftrace/)?.[1])).toBeGreaterThanOrEqual(16);

    const dir = standbyFolder();
    const record = start(dir);
    expect(standbyAlive(record)).toBe(true);
    const ws = example();
    const { r, report } = runExample(ws.root, dir);
    expect(r.stderr).toContain('using the standby tracer');
    // The standby's were, by the helper `tracer start` left behind.
    expect(Number(r.stderr.match(/standby: disabled (\d+) tracepoint perf events of bpftrace/)?.[1])).toBeGreaterThanOrEqual(16);
    expect(report.incompleteReasons).toEqual([]);
    expect(report.status).toBe('issues');
    expect(report.run.tracer).toBe('bpftrace');
    expect(brief(report.findings)).toEqual(brief(expected.findings));
    expect(brief(report.findings)).toContain('lib:build unexpected_read config/banner.txt');
    // The script the standby ran is kept with the run, and it is the standby's (adoption by name).
    const runDir = path.join(ws.root, '.io-trace', 'runs', String(report.run.id));
    expect(readFileSync(path.join(runDir, 'iotrace.bt'), 'utf8')).toContain(`comm == "${record.nonce}"`);
    expect(readFileSync(path.join(runDir, 'bpftrace-output.jsonl'), 'utf8')).toMatch(/"G\\t\d+\\t\d+/);
    // One run per standby: its folder is gone, and so is its bpftrace soon after.
    expect(existsSync(dir)).toBe(false);
    expect(claimedCopies(dir)).toEqual([]);
    expect(await until(() => !standbyAlive(record), 15_000)).toBe(true);
    // The next run finds no standby and starts its own bpftrace.
    const again = example();
    const next = runExample(again.root, dir);
    expect(next.r.stderr).not.toContain('standby');
    expect(brief(next.report.findings)).toEqual(brief(expected.findings));
    for (const w of [cold, ws, again]) w.cleanup();
  });

  it('a run right after `tracer start --no-wait` waits for the standby to attach before it starts the build (bpftrace)', () => {
    const dir = standbyFolder();
    const started = runCli(['tracer', 'start', '--no-wait', '--dir', dir], { cwd: tmpdir() });
    expect(started.code, started.stderr).toBe(0);
    const ws = example();
    const { r, report } = runExample(ws.root, dir);
    expect(r.stderr).toContain('using the standby tracer');
    // The standby's were: by the helper `tracer start --no-wait` left behind, or by this run if it
    // claimed the standby before the helper saw it ready.
    expect(Number(r.stderr.match(/standby: disabled (\d+) tracepoint perf events of bpftrace/)?.[1])).toBeGreaterThanOrEqual(16);
    expect(report.incompleteReasons).toEqual([]);
    expect(brief(report.findings)).toContain('lib:build unexpected_read config/banner.txt');
    ws.cleanup();
  });

  it('a standby whose bpftrace is gone is reported, and the run starts its own (bpftrace)', async () => {
    const dir = standbyFolder();
    const record = start(dir);
    process.kill(record.pid, 'SIGKILL');
    expect(await until(() => !standbyAlive(record), 10_000)).toBe(true);
    const ws = example();
    const { r, report } = runExample(ws.root, dir);
    expect(r.stderr).toMatch(new RegExp(`the standby tracer \\(pid ${record.pid}\\) is gone.*starting bpftrace now`));
    expect(report.incompleteReasons).toEqual([]);
    expect(brief(report.findings)).toContain('lib:build unexpected_read config/banner.txt');
    expect(existsSync(dir)).toBe(false);
    expect(claimedCopies(dir)).toEqual([]);
    ws.cleanup();
  });

  it('a standby of another io-trace script is refused and stopped (bpftrace)', async () => {
    const dir = standbyFolder();
    const record = start(dir);
    writeFileSync(path.join(dir, 'standby.json'), JSON.stringify({ ...record, scriptHash: 'another' }));
    const ws = example();
    const { r, report } = runExample(ws.root, dir);
    expect(r.stderr).toContain('the standby tracer was started by another io-trace');
    expect(report.incompleteReasons).toEqual([]);
    expect(await until(() => !standbyAlive(record), 15_000)).toBe(true);
    ws.cleanup();
  });

  it('a standby folder another user could have planted is never used: wrong owner, writable by others, or a launcher that is not /bin/sh (bpftrace)', async () => {
    const dir = standbyFolder();
    const record = start(dir);
    const planted = path.join(tmpdir(), `io-trace-planted-${process.pid}`);
    writeFileSync(planted, '#!/bin/sh\necho planted > planted.txt\n');
    chmodSync(planted, 0o755);
    const ws = example();
    // Writable by others: left alone, not claimed.
    chmodSync(dir, 0o777);
    let r = runExample(ws.root, dir).r;
    expect(r.stderr).toContain('can be written by other users');
    expect(existsSync(path.join(dir, 'standby.json'))).toBe(true);
    // Owned by someone else.
    chmodSync(dir, 0o755);
    chownSync(dir, 65534, 65534);
    r = runExample(ws.root, dir).r;
    expect(r.stderr).toContain('belongs to uid 65534');
    chownSync(dir, 0, 0);
    // The launcher swapped for another program: refused, the standby stopped, the program never run.
    rmSync(path.join(dir, record.nonce));
    symlinkSync(planted, path.join(dir, record.nonce));
    const { r: swapped, report } = runExample(ws.root, dir);
    expect(swapped.stderr).toContain('launcher is not a link to /bin/sh');
    expect(existsSync(path.join(ws.root, 'planted.txt'))).toBe(false);
    expect(report.incompleteReasons).toEqual([]);
    expect(await until(() => !standbyAlive(record), 15_000)).toBe(true);
    rmSync(planted);
    ws.cleanup();
  });

  it('a record naming a process that is not bpftrace never gets it signalled (bpftrace)', () => {
    const dir = standbyFolder();
    const record = start(dir);
    const me = processStart(process.pid)!;
    // The record now points at this test process: claiming must neither use nor signal it.
    writeFileSync(path.join(dir, 'standby.json'), JSON.stringify({ ...record, pid: process.pid, startTicks: me.startTicks }));
    let interrupted = false;
    const onInt = () => (interrupted = true);
    process.on('SIGINT', onInt);
    const ws = example();
    const { r, report } = runExample(ws.root, dir);
    process.off('SIGINT', onInt);
    expect(interrupted).toBe(false);
    expect(r.stderr).toMatch(/not bpftrace: not used/);
    expect(report.incompleteReasons).toEqual([]);
    // Stopped here (the record no longer names it, so afterAll cannot): SIGKILL, since bpftrace may
    // ignore a SIGINT that lands while it is busy, and then it would tax every syscall of the tests
    // that follow until its idle limit.
    process.kill(record.pid, 'SIGKILL');
    ws.cleanup();
  });

  it('the build runs as another user through the standby launcher (bpftrace)', () => {
    const dir = standbyFolder();
    start(dir);
    const ws = makeWorkspace({ 'in.txt': 'x\n', 'plan.json': '' });
    chmodSync(ws.root, 0o777);
    writeFileSync(
      path.join(ws.root, 'plan.json'),
      JSON.stringify({ version: 1, workspaceRoot: '.', tasks: [{ id: 'a:build', target: { project: 'a', target: 'build' }, projectRoot: '.', inputs: [], outputs: [], dependencies: [] }] }),
    );
    const r = runCli(['run', '--tracer', 'bpftrace', '--user', 'nobody', '--plan', 'plan.json', '--out-dir', '.io-trace', '--json', 'r.json', '--verbose', '--', 'sh', '-c', 'id -u; cat in.txt'], {
      cwd: ws.root,
      env: { IO_TRACE_STANDBY: dir },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('using the standby tracer');
    // The standby's were, by the helper `tracer start` left behind.
    expect(Number(r.stderr.match(/standby: disabled (\d+) tracepoint perf events of bpftrace/)?.[1])).toBeGreaterThanOrEqual(16);
    expect(r.stdout).toBe('65534\nx\n');
    const report = JSON.parse(readFileSync(path.join(ws.root, 'r.json'), 'utf8'));
    expect(report.incompleteReasons).toEqual([]);
    expect(brief(report.findings)).toContain('a:build unexpected_read in.txt');
    ws.cleanup();
  });

  it('a standby whose run was killed exits by itself 20-30 s after the build did (bpftrace)', async () => {
    const dir = standbyFolder();
    const record = start(dir);
    const ws = makeWorkspace({
      'plan.json': JSON.stringify({ version: 1, workspaceRoot: '.', tasks: [{ id: 'k:build', target: { project: 'k', target: 'build' }, projectRoot: '.', inputs: [], outputs: [], dependencies: [] }] }),
    });
    const child = startCli(['run', '--tracer', 'bpftrace', '--plan', 'plan.json', '--', 'sh', '-c', 'echo started; exec sleep 2'], { cwd: ws.root, env: { IO_TRACE_STANDBY: dir } });
    await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('started') && resolve()));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    // Adopted: it no longer exits on its idle limit, and nobody is left to stop it.
    expect(standbyAlive(record)).toBe(true);
    const t0 = Date.now();
    expect(await until(() => !standbyAlive(record), 60_000)).toBe(true);
    const gone = Date.now() - t0;
    // The root exits ~2 s after the kill; the standby counts three 10 s ticks from then (20-30 s), and
    // bpftrace takes ~1 s to detach (0.27). Alone that is ~30 s; in CI, next to three other test files
    // compiling bpftrace scripts, sid's bpftrace once took 41 s: 50 s still says "it ends by itself".
    expect(gone).toBeGreaterThan(15_000);
    expect(gone).toBeLessThan(50_000);
    ws.cleanup();
  }, 90_000);

  it('an unclaimed standby exits by itself after its idle limit, and says so (bpftrace)', async () => {
    const dir = standbyFolder();
    const record = start(dir, 2);
    expect(runCli(['tracer', 'status', '--dir', dir], { cwd: tmpdir() }).code).toBe(0);
    expect(await until(() => !standbyAlive(record), 20_000)).toBe(true);
    const status = runCli(['tracer', 'status', '--dir', dir], { cwd: tmpdir() });
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/^gone: standby tracer/);
    const stop = runCli(['tracer', 'stop', '--dir', dir], { cwd: tmpdir() });
    expect(stop.stdout).toContain('its bpftrace had already gone');
    expect(existsSync(dir)).toBe(false);
  });

  it('tracer start refuses a folder in use, and stop says when there is nothing to stop (bpftrace)', () => {
    const dir = standbyFolder();
    const record = start(dir);
    const again = runCli(['tracer', 'start', '--dir', dir], { cwd: tmpdir() });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('a standby tracer folder exists already');
    expect(standbyAlive(record)).toBe(true);
    expect(runCli(['tracer', 'stop', '--dir', dir], { cwd: tmpdir() }).code).toBe(0);
    expect(runCli(['tracer', 'stop', '--dir', dir], { cwd: tmpdir() }).stdout).toContain('no standby tracer');
    expect(runCli(['tracer', 'bogus'], { cwd: tmpdir() }).code).toBe(2);
  });
});

describe('standby script', () => {
  const shipped = readFileSync(defaultScriptPath(), 'utf8');
  it('adopts the root by name instead of a pid, and keeps everything else', () => {
    const s = adaptScript(shipped, { version: '0.17.0', standby: { comm: 'iot-0123456789', idleSeconds: 60 } });
    expect(s).toContain('comm == "iot-0123456789"');
    expect(s).toContain('interval:s:60');
    expect(s).not.toContain('STANDBY_DROP');
    expect(s).not.toMatch(/@tracked\[\(uint64\)\$1\]/);
    const plain = adaptScript(shipped, { version: '0.17.0' });
    expect(plain).not.toContain('/@root == 0/');
    // One program on sched_process_exec in both (it also prints S records): bpftrace 0.17 never runs a second.
    expect(s.match(/^tracepoint:sched:sched_process_exec/gm)).toHaveLength(1);
    expect(plain.match(/^tracepoint:sched:sched_process_exec/gm)).toHaveLength(1);
    expect(plain).toMatch(/@tracked\[\(uint64\)\$1\] = 1;/);
  });
  it('gates every raw_syscalls program of a standby on the syscall number: each traced syscall passes, the hot untraced ones do not', () => {
    const s = adaptScript(shipped, { version: '0.17.0', standby: { comm: 'iot-0123456789', idleSeconds: 60 } });
    const plain = adaptScript(shipped, { version: '0.17.0' });
    const raw = (t: string) => [...t.matchAll(/^tracepoint:raw_syscalls:sys_(?:enter|exit)\n\/(.*)\/$/gm)].map((m) => m[1]);
    expect(raw(s)).toHaveLength(14);
    expect(raw(plain)).toHaveLength(14);
    const gate = raw(s)[0].split(' && ')[0];
    for (const p of raw(s)) expect(p.startsWith(`${gate} && `)).toBe(true);
    for (const p of raw(plain)) expect(p).not.toContain('args->id');
    // The mask in the script, evaluated the way the BPF program does (gateBit), for every @sc entry.
    const mask = BigInt(gate.match(/0x[0-9a-f]+/)![0]);
    const passes = (id: number) => ((mask >> BigInt(gateBit(id))) & 1n) === 1n;
    const traced = [...shipped.matchAll(/^\s*@sc\[(\d+)\] = /gm)].map((m) => Number(m[1]));
    expect(traced.length).toBeGreaterThan(30);
    for (const id of traced) expect(passes(id), `syscall ${id}`).toBe(true);
    // read write close fstat lseek mmap mprotect munmap brk rt_sigaction rt_sigprocmask ioctl pread64
    // madvise getpid clone wait4 fcntl gettid futex clock_gettime epoll_wait epoll_pwait getrandom rseq clone3
    for (const id of [0, 1, 3, 5, 8, 9, 10, 11, 12, 13, 14, 16, 17, 28, 39, 56, 61, 72, 186, 202, 228, 232, 281, 318, 334, 435]) {
      expect(passes(id), `syscall ${id}`).toBe(false);
    }
  });
  it('rejects a name that cannot be a process name', () => {
    for (const comm of ['', 'a"b', 'x'.repeat(16), 'a b']) {
      expect(() => adaptScript(shipped, { standby: { comm, idleSeconds: 60 } })).toThrow(/cannot be a process name/);
    }
    expect(() => adaptScript(shipped, { standby: { comm: 'iot-1', idleSeconds: 0 } })).toThrow(/idle limit/);
  });
  it('tells a reused pid apart by its start time', () => {
    const me = processStart(process.pid)!;
    expect(standbyAlive({ pid: process.pid, startTicks: me.startTicks })).toBe(true);
    expect(standbyAlive({ pid: process.pid, startTicks: me.startTicks + 1 })).toBe(false);
  });
});
