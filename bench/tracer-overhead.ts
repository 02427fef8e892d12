/**
 * Tracer cost, measured side by side in one run (issue targets: bpftrace <= 1.10x untraced on a tsc
 * compile of >= 500 files, not counting start-up; start-up <= 3 s; faster than strace everywhere;
 * 0 lost events in a burst of 200k opens at default settings).
 *
 *   node bench/run.mjs tracer-overhead [--reps 5] [--files 600] [--burst 200000]
 *
 * Each workload runs untraced, under bpftrace and under strace, interleaved, `reps` times; the median
 * is reported. "build" time runs from resuming the stopped build to its exit; "start-up" from launch to
 * probes attached; "stop" from build exit to the tracer's last event delivered. bpftrace detaches its
 * probes after that in the background (as in a run); the next cell waits until it has, so that no cell
 * runs beside another's detach.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TraceEvent } from '../src/core/events.js';
import { silentLogger } from '../src/core/logger.js';
import { BpftraceTracer } from '../src/tracer/bpftrace.js';
import { launchStopped } from '../src/tracer/launch.js';
import { StraceTracer } from '../src/tracer/strace.js';
import type { Tracer } from '../src/tracer/types.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const REPS = arg('reps', 5);
const FILES = arg('files', 600);
const BURST = arg('burst', 200_000);
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const dir = mkdtempSync(path.join(tmpdir(), 'io-trace-bench-'));

// Workload 1: a real TypeScript compile of FILES generated modules that import each other.
const tsDir = path.join(dir, 'ts');
mkdirSync(path.join(tsDir, 'src'), { recursive: true });
for (let i = 0; i < FILES; i++) {
  const imports = i > 0 ? `import { f${i - 1} } from './m${i - 1}.js';\n` : '';
  const body = i > 0 ? `f${i - 1}(n) + ` : '';
  writeFileSync(
    path.join(tsDir, 'src', `m${i}.ts`),
    `${imports}export interface T${i} { a: number; b: string; c: T${i}[] }\nexport function f${i}(n: number): number { const t: T${i} = { a: n, b: String(n), c: [] }; return ${body}t.a; }\n`,
  );
}
writeFileSync(path.join(tsDir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', strict: true, outDir: 'dist', declaration: true }, include: ['src'] }));
const tsc = [process.execPath, path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsDir];

// Workload 2: syscall-heavy: find + cat over 3000 files, and a process per 100 files.
const loopDir = path.join(dir, 'loop');
for (let i = 0; i < 3000; i++) {
  const d = path.join(loopDir, `d${i % 30}`);
  if (i < 30) mkdirSync(d, { recursive: true });
  writeFileSync(path.join(d, `f${i}.txt`), `file ${i}\n`);
}
const loop = ['sh', '-c', `find ${loopDir} -type f | xargs -n 100 cat > /dev/null; ls -lR ${loopDir} > /dev/null`];

// Workload 3: a burst of BURST opens over 20k distinct files, from one process, as fast as it can.
const burstDir = path.join(dir, 'burst');
mkdirSync(burstDir);
for (let i = 0; i < 20_000; i++) writeFileSync(path.join(burstDir, `b${i}`), '');
const burst = ['python3', '-c', `import os\nfor i in range(${BURST}):\n    os.close(os.open('${burstDir}/b%d' % (i % 20000), os.O_RDONLY))`];

interface Sample {
  startup: number;
  build: number;
  stop: number;
  events: number;
  lost: number;
  reasons: string[];
}

async function measure(command: string[], tracer: Tracer | null): Promise<Sample> {
  const t0 = performance.now();
  const build = await launchStopped({ command, cwd: dir, env: { ...process.env, UV_USE_IO_URING: '0' }, stdin: 'ignore' });
  build.child.stdout?.resume();
  build.child.stderr?.resume();
  let events = 0;
  const sink = (b: TraceEvent[]) => {
    events += b.length;
  };
  const session = tracer?.attach({ pid: build.pid, sink, log: silentLogger, workDir: mkdtempSync(path.join(dir, 'w-')) });
  await session?.ready;
  const t1 = performance.now();
  build.resume();
  const exit = await build.exited;
  const t2 = performance.now();
  if (exit.code !== 0) throw new Error(`${command.join(' ')} exited ${exit.code} ${exit.signal}`);
  const outcome = await session?.finish();
  const t3 = performance.now();
  await tracerGone(build.pid);
  return { startup: t1 - t0, build: t2 - t1, stop: t3 - t2, events, lost: outcome?.lostEvents ?? 0, reasons: outcome?.incompleteReasons ?? [] };
}

/** Wait (up to 10 s) until no bpftrace follows `pid` any more: its detach would run beside the next cell. */
async function tracerGone(pid: number): Promise<void> {
  const following = () =>
    readdirSync('/proc').some((d) => {
      if (!/^\d+$/.test(d)) return false;
      try {
        const argv = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').filter(Boolean);
        return argv.length > 0 && /(^|\/)bpftrace$/.test(argv[0]) && argv.at(-1) === String(pid);
      } catch {
        return false;
      }
    });
  for (const until = Date.now() + 10_000; following() && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tracers: [string, Tracer | null][] = [['untraced', null], ['bpftrace', new BpftraceTracer()], ['strace', new StraceTracer()]];
for (const [name, t] of tracers) {
  if (t && !(await t.check()).available) throw new Error(`${name} unavailable: run as root with bpftrace and strace installed`);
}

const workloads: [string, string[]][] = [
  [`tsc, ${FILES} files`, tsc],
  ['find + cat + ls -R, 3000 files', loop],
  [`burst of ${BURST.toLocaleString('en-US')} opens`, burst],
];
console.log(`io-trace tracer overhead: ${REPS} interleaved reps per cell, medians (${new Date().toISOString()})`);
for (const [label, command] of workloads) {
  const samples = new Map<string, Sample[]>(tracers.map(([n]) => [n, []]));
  await measure(command, null); // warm the page cache
  for (let r = 0; r < REPS; r++) for (const [name, t] of tracers) samples.get(name)!.push(await measure(command, t));
  const base = median(samples.get('untraced')!.map((s) => s.build));
  console.log(`\n${label}: untraced ${(base / 1000).toFixed(2)} s`);
  for (const [name] of tracers.slice(1)) {
    const ss = samples.get(name)!;
    const b = median(ss.map((s) => s.build));
    const lost = Math.max(...ss.map((s) => s.lost));
    const reasons = [...new Set(ss.flatMap((s) => s.reasons))];
    console.log(
      `  ${name.padEnd(9)} ${(b / 1000).toFixed(2)} s = ${(b / base).toFixed(2)}x untraced | start-up ${(median(ss.map((s) => s.startup)) / 1000).toFixed(2)} s | stop ${(median(ss.map((s) => s.stop)) / 1000).toFixed(2)} s | events ${median(ss.map((s) => s.events)).toLocaleString('en-US')} | lost ${lost}${reasons.length ? ` | incomplete: ${reasons.join('; ')}` : ''}`,
    );
  }
  const bp = median(samples.get('bpftrace')!.map((s) => s.build));
  const st = median(samples.get('strace')!.map((s) => s.build));
  console.log(`  bpftrace vs strace: ${(st / bp).toFixed(2)}x faster`);
}
rmSync(dir, { recursive: true, force: true });
