/**
 * Tracer cost on a real multi-package build, and where it goes (issue 9, section 4).
 *
 *   node bench/run.mjs real-build [--reps 3] [--files 40] [--parts build,fixed,profile] [--keep]
 *
 * 1. Real build: a generated npm-workspaces monorepo of 7 TypeScript packages that depend on each other
 *    (3 built with tsup, 3 with tsc, 1 with plain esbuild), run by `npx turbo run build --force`. Its
 *    tools are installed from npm at bench time (cached under node_modules/.cache/io-trace-bench/,
 *    keyed by a hash of the generated package files). Whole-command time of the build untraced, under
 *    `io-trace run --tracer bpftrace` and under `--tracer strace`, interleaved, medians over the reps;
 *    lost events and verdict of the traced runs from --json.
 * 2. Fixed cost: whole-command time of `io-trace run --plan <one-task plan> -- true` with bpftrace,
 *    strace and `--tracer none`, and io-trace's own spans for it (setup, attach, build, detach, ...).
 * 3. Profile: one more bpftrace-traced build (not in the medians) with kernel.bpf_stats_enabled=1
 *    (restored after), polling bpftrace's /proc/PID/fdinfo every 250 ms: run count and kernel time of
 *    each BPF program; bpftrace's and io-trace's own CPU time from /proc/PID/stat.
 *
 * The timed reps are not polled and run without bpf_stats (it adds two clock reads per program run).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bpftraceCommand } from '../src/tracer/bpftrace.js';

const { values } = parseArgs({
  options: { reps: { type: 'string', default: '3' }, files: { type: 'string', default: '40' }, parts: { type: 'string', default: 'build,fixed,profile' }, keep: { type: 'boolean', default: false } },
});
const REPS = Number(values.reps);
const FILES = Number(values.files);
const PARTS = new Set(values.parts!.split(','));
if (!(REPS >= 1) || !(FILES >= 2)) throw new Error(`--reps must be >= 1 and --files >= 2 (got ${values.reps}, ${values.files})`);
if (![...PARTS].every((p) => ['build', 'fixed', 'profile'].includes(p))) throw new Error(`--parts takes build, fixed and profile, comma-separated (got ${values.parts})`);
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const ioTrace = path.join(repo, 'bin', 'io-trace.js');
const VERSIONS = { turbo: '2.11.11', tsup: '8.5.1', typescript: '6.0.3', esbuild: '0.28.2' };
const BUILD = ['npx', 'turbo', 'run', 'build', '--force'];
// Runs start their own bpftrace unless the standby mode says otherwise (IO_TRACE_STANDBY=off).
const ENV: NodeJS.ProcessEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false', IO_TRACE_STANDBY: 'off' };

// ---------------------------------------------------------------------------------------------------
// The generated monorepo.

type Builder = 'tsc' | 'tsup' | 'esbuild';
const PACKAGES: { name: string; builder: Builder; deps: string[] }[] = [
  { name: 'core', builder: 'tsc', deps: [] },
  { name: 'util', builder: 'tsup', deps: ['core'] },
  { name: 'model', builder: 'tsc', deps: ['core'] },
  { name: 'store', builder: 'tsup', deps: ['model', 'util'] },
  { name: 'api', builder: 'tsc', deps: ['store', 'model'] },
  { name: 'web', builder: 'tsup', deps: ['api', 'util'] },
  { name: 'cli', builder: 'esbuild', deps: ['api'] },
];
const buildScript: Record<Builder, string> = {
  tsc: 'tsc -p tsconfig.json',
  tsup: 'tsup src/index.ts --format esm --dts --clean --target es2022',
  esbuild: 'esbuild src/index.ts --bundle --platform=node --format=esm --target=es2022 --outfile=dist/index.js --log-level=warning',
};

function sourceFile(pkg: string, i: number, deps: string[]): string {
  const P = pkg[0].toUpperCase() + pkg.slice(1);
  const lines: string[] = [];
  if (i > 0) lines.push(`import { ${pkg}F${i - 1} } from './m${i - 1}.js';`);
  if (i > 1) lines.push(`import type { ${P}T${i >> 1} } from './m${i >> 1}.js';`);
  if (i === 0) for (const d of deps) lines.push(`import { ${d}F${FILES - 1} } from 'bench-${d}';`);
  const prev = i > 0 ? `${pkg}F${i - 1}(n - 1)` : deps.length ? deps.map((d) => `${d}F${FILES - 1}(n)`).join(' + ') : 'n';
  lines.push(
    `export interface ${P}T${i}<V = number> { id: number; name: string; value: V; tags: readonly string[]; children: ${P}T${i}<V>[]; meta?: Record<string, V> }`,
    `export type ${P}Keys${i} = { [K in keyof ${P}T${i}]-?: ${P}T${i}[K] extends readonly unknown[] ? K : never }[keyof ${P}T${i}];`,
    `export type ${P}Deep${i}<T> = T extends object ? { readonly [K in keyof T]: ${P}Deep${i}<T[K]> } : T;`,
    i > 1 ? `export type ${P}Pair${i} = [${P}T${i}<string>, ${P}T${i >> 1}<number>];` : `export type ${P}Pair${i} = [${P}T${i}<string>, ${P}T${i}<number>];`,
    `export class ${P}C${i}<V> {`,
    `  private readonly items = new Map<number, ${P}T${i}<V>>();`,
    `  add(item: ${P}T${i}<V>): this { this.items.set(item.id, item); return this; }`,
    `  get(id: number): ${P}T${i}<V> | undefined { return this.items.get(id); }`,
    `  map<W>(f: (v: V) => W): ${P}C${i}<W> { const out = new ${P}C${i}<W>(); for (const it of this.items.values()) out.add({ ...it, value: f(it.value), children: [], meta: undefined }); return out; }`,
    `  keys(): ${P}Keys${i}[] { return ['tags', 'children']; }`,
    `  snapshot(): ${P}Deep${i}<{ size: number; ids: number[]; first?: string }> { return { size: this.items.size, ids: [...this.items.keys()], first: this.items.values().next().value?.name }; }`,
    `}`,
    `export function ${pkg}F${i}(n: number): number {`,
    `  if (n <= 0) return 1;`,
    `  const c = new ${P}C${i}<number>().add({ id: n, name: String(n), value: n, tags: ['a', 'b'], children: [] });`,
    `  const s = c.map((v) => String(v * 2)).get(n)?.value ?? '';`,
    `  return (${prev}) % 1000 + s.length;`,
    `}`,
  );
  return lines.join('\n') + '\n';
}

/** Every file of the monorepo, by relative path. */
function generate(): Map<string, string> {
  const files = new Map<string, string>();
  const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
  files.set(
    'package.json',
    json({
      name: 'io-trace-bench-monorepo',
      private: true,
      packageManager: 'npm@11.19.1',
      workspaces: ['packages/*'],
      devDependencies: VERSIONS,
    }),
  );
  files.set('turbo.json', json({ $schema: 'https://turborepo.com/schema.json', tasks: { build: { dependsOn: ['^build'], outputs: ['dist/**'] } } }));
  // tsup 8's declaration build sets baseUrl, which TypeScript 6 rejects unless told (aka.ms/ts6).
  files.set(
    'tsconfig.base.json',
    json({ compilerOptions: { ignoreDeprecations: '6.0', target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, declaration: true, skipLibCheck: true, types: [] } }),
  );
  for (const p of PACKAGES) {
    const dir = `packages/${p.name}`;
    files.set(
      `${dir}/package.json`,
      json({
        name: `bench-${p.name}`,
        version: '1.0.0',
        private: true,
        type: 'module',
        main: './dist/index.js',
        types: './dist/index.d.ts',
        exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } },
        scripts: { build: buildScript[p.builder] },
        dependencies: Object.fromEntries(p.deps.map((d) => [`bench-${d}`, '1.0.0'])),
      }),
    );
    files.set(`${dir}/tsconfig.json`, json({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'] }));
    for (let i = 0; i < FILES; i++) files.set(`${dir}/src/m${i}.ts`, sourceFile(p.name, i, p.deps));
    files.set(`${dir}/src/index.ts`, Array.from({ length: FILES }, (_, i) => `export * from './m${i}.js';\n`).join(''));
  }
  return files;
}

/** The installed tools: `npm install` of the package files once, cached by their hash. */
function installed(files: Map<string, string>): string {
  const h = createHash('sha256');
  for (const [f, text] of [...files].filter(([f]) => f.endsWith('package.json')).sort(([a], [b]) => a.localeCompare(b))) h.update(f).update('\0').update(text).update('\0');
  const cacheRoot = path.join(repo, 'node_modules', '.cache', 'io-trace-bench');
  const target = path.join(cacheRoot, `real-build-${h.digest('hex').slice(0, 12)}`);
  if (existsSync(path.join(target, '.io-trace-installed'))) return target;
  const staging = `${target}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const [f, text] of files) {
    if (!f.endsWith('package.json')) continue;
    mkdirSync(path.dirname(path.join(staging, f)), { recursive: true });
    writeFileSync(path.join(staging, f), text);
  }
  console.log(`installing ${Object.entries(VERSIONS).map(([k, v]) => `${k}@${v}`).join(' ')} from npm into ${path.relative(repo, target)} ...`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: staging, stdio: ['ignore', 'ignore', 'pipe'], env: ENV, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm install failed in ${staging}: ${r.stderr}`);
  writeFileSync(path.join(staging, '.io-trace-installed'), new Date().toISOString());
  try {
    renameSync(staging, target);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another bench finished first: use its copy
  }
  return target;
}

/** A fresh workspace: the generated sources, npm's lockfile, node_modules entries linking into the cache. */
function workspace(files: Map<string, string>, cache: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'io-trace-bench-real-'));
  for (const [f, text] of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  // turbo hashes external dependencies from the lockfile and refuses a workspace without one.
  writeFileSync(path.join(dir, 'package-lock.json'), readFileSync(path.join(cache, 'package-lock.json')));
  const link = (from: string, to: string) => {
    mkdirSync(to, { recursive: true });
    for (const e of readdirSync(from)) {
      const p = path.join(from, e);
      // npm links workspace packages relatively ("../packages/core"): keep them pointing into the copy.
      symlinkSync(lstatSync(p).isSymbolicLink() && !path.isAbsolute(readlinkSync(p)) ? readlinkSync(p) : p, path.join(to, e));
    }
  };
  link(path.join(cache, 'node_modules'), path.join(dir, 'node_modules'));
  for (const p of PACKAGES) {
    const nested = path.join(cache, 'packages', p.name, 'node_modules');
    if (existsSync(nested)) link(nested, path.join(dir, 'packages', p.name, 'node_modules'));
  }
  return dir;
}

function clean(ws: string): void {
  rmSync(path.join(ws, '.turbo'), { recursive: true, force: true });
  for (const p of PACKAGES) for (const d of ['dist', '.turbo']) rmSync(path.join(ws, 'packages', p.name, d), { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------------
// Running and measuring.

interface Timed {
  ms: number;
  pid: number;
}

/** Runs a command to its end; the whole-command wall time. Throws with the output's tail on failure. */
function timed(command: string[], cwd: string, onSpawn?: (pid: number) => void, env: NodeJS.ProcessEnv = ENV): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command[0], command.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (b: Buffer) => {
      tail = (tail + b.toString('utf8')).slice(-3000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    if (child.pid) onSpawn?.(child.pid);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const ms = performance.now() - t0;
      if (code === 0) resolve({ ms, pid: child.pid! });
      else reject(new Error(`${command.join(' ')} (in ${cwd}) exited ${code ?? signal}:\n${tail}`));
    });
  });
}

interface Report {
  status: string;
  incompleteReasons: string[];
  run: { eventCount: number; lostEvents: number; tracer: string };
}

/**
 * Start a standby tracer (untimed: in the action it compiles and attaches during the job's earlier steps)
 * and wait until it is attached; returns the environment that makes the next run adopt it.
 */
function standby(): NodeJS.ProcessEnv {
  const dir = path.join(scratch, `standby-${++outN}`);
  const r = spawnSync(process.execPath, [ioTrace, 'tracer', 'start', '--dir', dir, '--idle', '600'], { encoding: 'utf8', env: ENV });
  if (r.status !== 0) throw new Error(`io-trace tracer start failed: ${r.stderr}`);
  return { ...ENV, IO_TRACE_STANDBY: dir };
}

function ioTraceRun(tracer: string, out: string, extra: string[], command: string[]): string[] {
  return [process.execPath, ioTrace, 'run', '--tracer', tracer, '--out-dir', out, '--json', path.join(out, 'report.json'), ...extra, '--', ...command];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fasterOrSlower = (r: number) => (r >= 1 ? `${r.toFixed(2)}x faster` : `${(1 / r).toFixed(2)}x slower`);
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** pid -> [ppid, comm, utime+stime ms] for every process. */
function processTable(): Map<number, { ppid: number; comm: string }> {
  const out = new Map<number, { ppid: number; comm: string }>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    const s = procStat(Number(e));
    if (s) out.set(Number(e), s);
  }
  return out;
}

function procStat(pid: number): { ppid: number; comm: string; cpuMs: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const close = text.lastIndexOf(')');
  const comm = text.slice(text.indexOf('(') + 1, close);
  const f = text.slice(close + 2).split(' '); // f[0] is field 3 (state)
  return { ppid: Number(f[1]), comm, cpuMs: ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK };
}

interface Prog {
  fd: number;
  id: number;
  type: string;
  tag: string;
  runCnt: number;
  runTimeNs: number;
}

/** The BPF programs a process holds open, from /proc/PID/fdinfo (run counts need bpf_stats_enabled). */
function bpfPrograms(pid: number): Prog[] {
  const out: Prog[] = [];
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fdinfo`);
  } catch {
    return out;
  }
  for (const fd of fds) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8');
    } catch {
      continue;
    }
    if (!text.includes('prog_type:')) continue;
    const field = (k: string) => new RegExp(`^${k}:\\s*(\\S+)`, 'm').exec(text)?.[1] ?? '';
    out.push({ fd: Number(fd), id: Number(field('prog_id')), type: field('prog_type'), tag: field('prog_tag'), runCnt: Number(field('run_cnt') || 0), runTimeNs: Number(field('run_time_ns') || 0) });
  }
  return out.sort((a, b) => a.fd - b.fd);
}

// bpf_prog_type numbers (include/uapi/linux/bpf.h) for the types bpftrace loads.
const PROG_TYPES: Record<string, string> = { '1': 'socket_filter', '2': 'kprobe', '5': 'tracepoint', '7': 'perf_event', '17': 'raw_tracepoint', '26': 'tracing' };

/**
 * The probes of bpf/iotrace.bt that get a program fd, in script order, with their line (bpftrace loads
 * one program per probe, in order; BEGIN and END hold no fd on bpftrace 0.17).
 */
function scriptProbes(): string[] {
  // Comments blanked to spaces and newlines kept, so line numbers stay right.
  const text = readFileSync(path.join(repo, 'bpf', 'iotrace.bt'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /^([a-z_]+:[^\s{/]*)/.exec(line);
    // io-trace's loader drops a tracepoint this kernel lacks (io_uring_submit_req on older kernels).
    const tp = /^tracepoint:(\w+):(\w+)$/.exec(m?.[1] ?? '');
    if (tp && !['/sys/kernel/tracing', '/sys/kernel/debug/tracing'].some((t) => existsSync(`${t}/events/${tp[1]}/${tp[2]}`))) return;
    if (m) out.push(`${m[1]} (line ${i + 1})`);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------

// The bpftrace io-trace runs: IO_TRACE_BPFTRACE's command (e.g. `chroot DIR bpftrace`) where set.
const bpftrace = bpftraceCommand();
const failures: string[] = [];
for (const [tool, args] of [
  [bpftrace, ['--version']],
  [['strace'], ['-V']],
] as const) {
  if (spawnSync(tool[0], [...tool.slice(1), ...args]).status !== 0) failures.push(`${tool.join(' ')} is not installed`);
}
if (process.getuid?.() !== 0) failures.push('not root (bpftrace and bpf_stats need root)');
if (!existsSync(path.join(repo, 'dist', 'cli.js'))) failures.push('dist/cli.js missing: run npm run build');
if (failures.length) throw new Error(`real-build bench cannot run: ${failures.join('; ')}`);

const files = generate();
const cache = installed(files);
const ws = workspace(files, cache);
const scratch = mkdtempSync(path.join(tmpdir(), 'io-trace-bench-out-'));
const fixedDir = path.join(scratch, 'fixed');
mkdirSync(fixedDir);
const plan = path.join(fixedDir, 'io-trace.plan.json');
writeFileSync(
  plan,
  JSON.stringify({ version: 1, workspaceRoot: '.', tasks: [{ id: 'app:build', target: { project: 'app', target: 'build' }, projectRoot: '.', inputs: ['src/**'], outputs: ['dist'], dependencies: [] }] }),
);
const bpfStatsPath = '/proc/sys/kernel/bpf_stats_enabled';
const bpfStatsBefore = existsSync(bpfStatsPath) ? readFileSync(bpfStatsPath, 'utf8').trim() : undefined;
if (PARTS.has('profile') && bpfStatsBefore === undefined) throw new Error(`${bpfStatsPath} missing: this kernel cannot count BPF program run time (run with --parts build,fixed)`);
const restore = () => {
  try {
    if (bpfStatsBefore !== undefined) writeFileSync(bpfStatsPath, bpfStatsBefore);
  } catch {
    // nothing to restore on a kernel without the sysctl
  }
};
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    restore();
    process.exit(code);
  });
}

let outN = 0;
const newOut = () => path.join(scratch, `out-${++outN}`);
const readReport = (out: string): Report => JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
const started = performance.now();

try {
  const pkgs = PACKAGES.map((p) => `${p.name} (${p.builder})`).join(', ');
  console.log(`io-trace on a real build: ${REPS} interleaved rep(s), medians (${new Date().toISOString()})`);
  console.log(`workspace: ${ws}\n  7 packages, ${FILES} generated .ts files each: ${pkgs}`);
  console.log(`  tools: ${Object.entries(VERSIONS).map(([k, v]) => `${k} ${v}`).join(', ')}; ${spawnSync(bpftrace[0], [...bpftrace.slice(1), '--version'], { encoding: 'utf8' }).stdout.trim()}${process.env.IO_TRACE_BPFTRACE ? ` (${process.env.IO_TRACE_BPFTRACE})` : ''}; ${spawnSync('strace', ['-V'], { encoding: 'utf8' }).stdout.split('\n')[0]}`);

  // 1. The real build.
  if (PARTS.has('build') || PARTS.has('profile')) {
    clean(ws);
    await timed(BUILD, ws); // warm-up: page cache, npx, turbo's first start
  }
  const build: Record<'untraced' | 'bpftrace' | 'standby' | 'strace', { ms: number; report?: Report }[]> = { untraced: [], bpftrace: [], standby: [], strace: [] };
  for (let r = 0; PARTS.has('build') && r < REPS; r++) {
    for (const mode of ['untraced', 'bpftrace', 'standby', 'strace'] as const) {
      clean(ws);
      if (mode === 'untraced') {
        build.untraced.push({ ms: (await timed(BUILD, ws)).ms });
      } else {
        const out = newOut();
        const env = mode === 'standby' ? standby() : ENV;
        const t = await timed(ioTraceRun(mode === 'standby' ? 'bpftrace' : mode, out, [], BUILD), ws, undefined, env);
        build[mode].push({ ms: t.ms, report: readReport(out) });
      }
      process.stdout.write(`  rep ${r + 1} ${mode}: ${sec(build[mode].at(-1)!.ms)}\n`);
    }
  }

  // 2. The fixed cost.
  const fixed: Record<'none' | 'bpftrace' | 'standby' | 'strace', { ms: number; spans: Record<string, number> }[]> = { none: [], bpftrace: [], standby: [], strace: [] };
  for (let r = 0; PARTS.has('fixed') && r < REPS; r++) {
    for (const mode of ['none', 'bpftrace', 'standby', 'strace'] as const) {
      const out = newOut();
      const env = mode === 'standby' ? standby() : ENV;
      const t = await timed(ioTraceRun(mode === 'standby' ? 'bpftrace' : mode, out, ['--plan', plan], ['true']), fixedDir, undefined, env);
      const show = spawnSync(process.execPath, [ioTrace, 'show', '--json', '--db', out], { encoding: 'utf8' });
      if (show.status !== 0) throw new Error(`io-trace show failed: ${show.stderr}`);
      const spans: Record<string, number> = {};
      for (const s of (JSON.parse(show.stdout) as { spans: { name: string; depth: number; durationMs: number | null }[] }).spans) {
        if (s.depth === 0) spans[s.name] = (spans[s.name] ?? 0) + (s.durationMs ?? 0);
      }
      fixed[mode].push({ ms: t.ms, spans });
    }
  }

  // 3. Profile: kernel time per BPF program, bpftrace's and io-trace's CPU, during one more traced build.
  let profile: { progs: Prog[]; bpftraceCpuMs: number; checks: number; checksCpuMs: number; ioTraceCpuMs: number; ms: number; bpftracePid: number; report: Report } | undefined;
  if (PARTS.has('profile')) {
    clean(ws);
    writeFileSync(bpfStatsPath, '1');
    const out = newOut();
    let ioPid = 0;
    let ioCpu = 0;
    // Every bpftrace under io-trace: its availability checks run bpftrace too, before the tracer itself.
    const seen = new Map<number, { progs: Prog[]; cpuMs: number; lastFdinfo: number }>();
    let live = 0;
    const poll = setInterval(() => {
      if (!ioPid) return;
      const io = procStat(ioPid);
      if (io) ioCpu = io.cpuMs;
      const s = live ? procStat(live) : undefined;
      if (!s || s.comm !== 'bpftrace') {
        // bpftrace is io-trace's descendant (maybe through a wrapper such as sudo, env or chroot).
        const table = processTable();
        const under = (pid: number): boolean => {
          for (let p = pid, n = 0; p > 1 && n < 20; p = table.get(p)?.ppid ?? 0, n++) if (p === ioPid) return true;
          return false;
        };
        live = [...table].find(([pid, t]) => t.comm === 'bpftrace' && !seen.has(pid) && under(pid))?.[0] ?? 0;
        if (live) seen.set(live, { progs: [], cpuMs: 0, lastFdinfo: 0 });
        return;
      }
      const b = seen.get(live)!;
      b.cpuMs = s.cpuMs;
      if (performance.now() - b.lastFdinfo >= 250) {
        b.lastFdinfo = performance.now();
        const now = bpfPrograms(live);
        if (now.length >= b.progs.length) b.progs = now;
      }
    }, 50);
    try {
      const t = await timed(ioTraceRun('bpftrace', out, [], BUILD), ws, (pid) => (ioPid = pid));
      // The tracer is the bpftrace that held the most programs (a check holds one or two).
      const [bpPid, bp] = [...seen].sort(([, a], [, b]) => b.progs.length - a.progs.length || b.cpuMs - a.cpuMs)[0] ?? [0, { progs: [], cpuMs: 0 }];
      const checksCpuMs = [...seen].filter(([pid]) => pid !== bpPid).reduce((a, [, x]) => a + x.cpuMs, 0);
      profile = { progs: bp.progs, bpftraceCpuMs: bp.cpuMs, checks: seen.size - 1, checksCpuMs, ioTraceCpuMs: ioCpu, ms: t.ms, bpftracePid: bpPid, report: readReport(out) };
    } finally {
      clearInterval(poll);
      restore();
    }
  }

  // Output.
  const base = median(build.untraced.map((s) => s.ms));
  const cell = (mode: 'bpftrace' | 'standby' | 'strace') => {
    const ss = build[mode];
    const ms = median(ss.map((s) => s.ms));
    const lost = Math.max(...ss.map((s) => s.report!.run.lostEvents));
    const verdicts = [...new Set(ss.map((s) => s.report!.status))].join('/');
    return { ms, text: `${sec(ms)} = **${(ms / base).toFixed(2)}x**, ${lost} lost, ${verdicts}` };
  };
  const bp = cell('bpftrace');
  const sb = cell('standby');
  const st = cell('strace');
  const fx = (mode: 'none' | 'bpftrace' | 'standby' | 'strace') => median(fixed[mode].map((s) => s.ms));
  console.log(`\nMarkdown for README "Benchmarks" (whole-command times, medians of ${REPS}; "standby": bpftrace started and attached before the timed command, as the action's pre step does):\n`);
  console.log('| workload | untraced | bpftrace | bpftrace, standby | strace | bpftrace vs strace |');
  console.log('|---|---|---|---|---|---|');
  if (PARTS.has('build')) console.log(`| turbo build, 7 TypeScript packages (tsup, tsc, esbuild; ${FILES} files each) | ${sec(base)} | ${bp.text} | ${sb.text} | ${st.text} | ${fasterOrSlower(st.ms / bp.ms)} |`);
  if (PARTS.has('fixed')) console.log(`| \`io-trace run --plan <one task> -- true\` (fixed cost) | --tracer none: ${sec(fx('none'))} | **${sec(fx('bpftrace'))}** | **${sec(fx('standby'))}** | ${sec(fx('strace'))} | ${fasterOrSlower(fx('strace') / fx('bpftrace'))} |`);
  const reasons = [...new Set([...build.bpftrace, ...build.standby, ...build.strace].flatMap((s) => s.report!.incompleteReasons.map((x) => `${s.report!.run.tracer}: ${x}`)))];
  if (reasons.length) console.log(`\nincomplete: ${reasons.join('; ')}`);

  const spanNames = [...new Set(Object.values(fixed).flatMap((runs) => runs.flatMap((r) => Object.keys(r.spans))))];
  if (PARTS.has('fixed')) console.log(`\nFixed cost, io-trace's own spans (medians, ms; "unspanned" = whole command minus the spans: Node start-up, plan, exit):\n`);
  if (PARTS.has('fixed')) console.log(`| tracer | whole | ${spanNames.join(' | ')} | unspanned |\n|---|---|${spanNames.map(() => '---|').join('')}---|`);
  for (const mode of PARTS.has('fixed') ? (['bpftrace', 'standby', 'strace', 'none'] as const) : []) {
    const runs = fixed[mode];
    const cols = spanNames.map((n) => median(runs.map((r) => r.spans[n] ?? 0)));
    const unspanned = median(runs.map((r) => r.ms - Object.values(r.spans).reduce((a, b) => a + b, 0)));
    console.log(`| ${mode} | ${Math.round(fx(mode))} | ${cols.map((c) => Math.round(c)).join(' | ')} | ${Math.round(unspanned)} |`);
  }

  if (profile) {
    const probes = scriptProbes();
    const named = profile.progs.length === probes.length;
    console.log(
      `\nProfile: one more bpftrace-traced build (${sec(profile.ms)} with kernel.bpf_stats_enabled=1, not in the medians; ${profile.report.run.eventCount.toLocaleString('en-US')} events, ${profile.report.run.lostEvents} lost, ${profile.report.status})`,
    );
    if (!profile.bpftracePid) console.log('  bpftrace process not found under io-trace: no per-program figures');
    else if (!profile.progs.length) console.log(`  no BPF program fds seen in /proc/${profile.bpftracePid}/fdinfo`);
    else {
      if (!named) console.log(`  (${profile.progs.length} program fds, ${probes.length} probes in bpf/iotrace.bt: programs not named)`);
      console.log('\n| program | type | runs | kernel time | per run |');
      console.log('|---|---|---|---|---|');
      let cnt = 0;
      let ns = 0;
      profile.progs.forEach((p, i) => {
        cnt += p.runCnt;
        ns += p.runTimeNs;
        const name = named ? `${probes[i]}` : `#${i} (tag ${p.tag})`;
        console.log(`| ${name} | ${PROG_TYPES[p.type] ?? p.type} | ${p.runCnt.toLocaleString('en-US')} | ${(p.runTimeNs / 1e6).toFixed(1)} ms | ${p.runCnt ? Math.round(p.runTimeNs / p.runCnt) : 0} ns |`);
      });
      console.log(`| **all programs** | | ${cnt.toLocaleString('en-US')} | **${(ns / 1e6).toFixed(0)} ms** | |`);
    }
    console.log(
      `\nCPU (user+system, last seen before exit, polled every 50 ms): bpftrace ${sec(profile.bpftraceCpuMs)}, io-trace (its own process) ${sec(profile.ioTraceCpuMs)}` +
        `${profile.checks > 0 ? `, ${profile.checks} other bpftrace process(es) seen under io-trace (its availability checks) ${sec(profile.checksCpuMs)}` : ''}; whole command ${sec(profile.ms)}${build.untraced.length ? `, untraced median ${sec(base)}` : ''}`,
    );
  }

  if (profile && PARTS.has('build') && PARTS.has('fixed')) {
    const kernelMs = profile.progs.reduce((a, p) => a + p.runTimeNs, 0) / 1e6;
    console.log(
      `\nWhere bpftrace's ${sec(bp.ms - base)} over untraced goes (medians; on a busy machine CPU competes with the build): fixed cost ${sec(fx('bpftrace') - fx('none'))} (bpftrace - none, \`-- true\`), ` +
        `BPF programs ${sec(kernelMs)} of kernel time, bpftrace ${sec(profile.bpftraceCpuMs)} and io-trace ${sec(profile.ioTraceCpuMs)} of CPU (profile run)`,
    );
  }

  console.log(`\nReproduce: node bench/run.mjs real-build --reps ${REPS}${FILES !== 40 ? ` --files ${FILES}` : ''}${values.parts !== 'build,fixed,profile' ? ` --parts ${values.parts}` : ''}   (as root; bench wall time ${sec(performance.now() - started)})`);
  console.log(`By hand, in the generated workspace (a temp dir, ${values.keep ? 'kept' : 'removed at the end; --keep keeps it'}):`);
  console.log(`  ${BUILD.join(' ')}`);
  console.log(`  node ${path.relative(process.cwd(), ioTrace) || ioTrace} run --tracer bpftrace -- ${BUILD.join(' ')}   (and --tracer strace)`);
  console.log(`  node ${path.relative(process.cwd(), ioTrace) || ioTrace} run --tracer bpftrace --plan io-trace.plan.json -- true`);
} finally {
  restore();
  if (values.keep) {
    console.log(`kept (--keep): the workspace ${ws}, io-trace's databases under ${scratch}/out-*`);
  } else {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(ws, { recursive: true, force: true });
  }
}
