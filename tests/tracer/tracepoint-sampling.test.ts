/**
 * bpftrace's tracepoint perf events stopped from sampling (src/tracer/tracepoint-sampling.ts), against
 * the real kernel and a real bpftrace (IO_TRACE_BPFTRACE picks which: .ci/bpftrace-versions runs this on
 * every version CI has). What is checked is the mechanism, not a timing: the events' own counters stop
 * moving on CPU 0, and the programs behind them still run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BpftraceTracer, bpftraceCommand } from '../../src/tracer/bpftrace.js';
import { stopTracepointSampling } from '../../src/tracer/tracepoint-sampling.js';

const availability = await new BpftraceTracer().check();
const suite = availability.available || process.env.CI ? describe : describe.skip;
const dir = mkdtempSync(join(tmpdir(), 'io-trace-sampling-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The summed counters of the perf events of process `pid` that carry a tracepoint program.
const COUNTS = String.raw`
my ($p) = @ARGV; my $pidfd = syscall(434, $p + 0, 0); die "pidfd_open: $!" if $pidfd < 0;
opendir my $d, "/proc/$p/fd" or die; my ($sum, $n) = (0, 0);
for my $fd (grep { /^\d+$/ && (readlink("/proc/$p/fd/$_") // '') eq 'anon_inode:[perf_event]' } readdir $d) {
  my $mine = syscall(438, $pidfd, $fd + 0, 0); die "pidfd_getfd: $!" if $mine < 0;
  open(my $h, '<&=', $mine) or die; my $q = pack('L4', 2, 0, 0, 0);
  if (ioctl($h, 0xc008240a, $q) || $!{ENOSPC}) { my $b = ''; sysread($h, $b, 8); $sum += unpack('Q', $b); $n++; }
  close $h;
}
print "$n $sum\n";`;

function counters(pid: number): { events: number; count: number } {
  const r = spawnSync('perl', ['-e', COUNTS, String(pid)], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const [events, count] = r.stdout.trim().split(' ').map(Number);
  return { events, count };
}

/** Syscalls on CPU 0, where bpftrace opened its events, by a program named `name`. */
function onCpu0(name: string): void {
  const r = spawnSync('taskset', ['-c', '0', join(dir, name), '-c', 'for i in 1 2 3 4 5 6 7 8; do :; done'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

suite('tracepoint events stopped from sampling (real bpftrace)', () => {
  it('stops the counters of its tracepoint events on CPU 0 while its programs keep running (real bpftrace)', async () => {
    symlinkSync('/bin/sh', join(dir, 'iotrace-tps'));
    const [cmd, ...pre] = bpftraceCommand();
    const script = [
      'BEGIN { printf("R\\t1\\n"); }',
      'tracepoint:raw_syscalls:sys_exit /comm == "iotrace-tps"/ { @n[pid] = @n[pid] + 1; }',
      'tracepoint:sched:sched_process_exit /comm == "iotrace-tps"/ { printf("X\\t%d\\t%d\\n", pid, @n[pid]); }',
    ].join('\n');
    const out = join(dir, 'out.jsonl');
    const bt = spawn('sh', ['-c', 'exec "$@" > "$0"', out, cmd, ...pre, '--no-warnings', '-f', 'json', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    bt.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const deadline = Date.now() + 60_000;
      while (!readFileSync(out, { encoding: 'utf8', flag: 'a+' }).includes('"R\\t')) {
        expect(Date.now() < deadline && bt.exitCode === null, `bpftrace did not attach: ${stderr}`).toBe(true);
        await new Promise((r) => setTimeout(r, 50));
      }
      // Before: each syscall on CPU 0 is also a sample of the events (bpftrace's programs return 1).
      const before = counters(bt.pid!);
      expect(before.events).toBe(2);
      onCpu0('iotrace-tps');
      expect(counters(bt.pid!).count).toBeGreaterThan(before.count);

      const said = await stopTracepointSampling(bt.pid!, { asRoot: [] });
      expect(said).toMatch(/^disabled 2 tracepoint perf events of bpftrace \(pid \d+\), left \d+$/);

      const after = counters(bt.pid!);
      onCpu0('iotrace-tps');
      expect(counters(bt.pid!).count).toBe(after.count);
      // The programs still ran for it: its exit was printed with the syscalls counted.
      const deadline2 = Date.now() + 10_000;
      let exits: number[] = [];
      while (exits.length < 2 && Date.now() < deadline2) {
        exits = [...readFileSync(out, 'utf8').matchAll(/"X\\t\d+\\t(\d+)/g)].map((m) => Number(m[1]));
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(exits).toHaveLength(2);
      expect(exits[1]).toBeGreaterThan(5);
    } finally {
      bt.kill('SIGINT');
    }
  });

  it('runs perl without the environment\'s PERL5OPT (a perl run as root must not load what the build set)', async () => {
    const saved = process.env.PERL5OPT;
    process.env.PERL5OPT = '-Mio_trace_no_such_module';
    try {
      // With PERL5OPT passed on, perl would die before it looked for any process.
      expect(await stopTracepointSampling(2 ** 22 + 7, { asRoot: [] })).toMatch(/^no perf events under pid \d+/);
    } finally {
      if (saved === undefined) delete process.env.PERL5OPT;
      else process.env.PERL5OPT = saved;
    }
  });

  it('says why when there is nothing to stop, and never throws', async () => {
    // A process without perf events (this test's own sleep), and one that is gone.
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    expect(await stopTracepointSampling(sleeper.pid!, { asRoot: [] })).toMatch(/^no perf events under pid \d+: bpftrace's tracepoint events keep sampling on CPU 0$/);
    sleeper.kill();
    // Waiting for a ready record from a bpftrace that is not running gives up at once.
    const ready = join(dir, 'never-ready');
    spawnSync('touch', [ready]);
    expect(await stopTracepointSampling(2 ** 22 + 7, { asRoot: [], ready: { file: ready, waitSeconds: 5 } })).toMatch(/^bpftrace did not get ready/);
    expect(await stopTracepointSampling(1, { asRoot: ['/nonexistent/sudo'] })).toMatch(/^perl not run \(spawn \/nonexistent\/sudo ENOENT\)/);
  });
});
