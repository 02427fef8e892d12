/**
 * Nx plan source: asks the workspace's OWN nx (io-trace does not depend on nx) for every task's inputs
 * and outputs exactly as Nx hashes them, loading the project graph once for all tasks.
 *
 * How: a child `node` process (src/plan/nx-child.ts, bundled as dist/nx-child.js), started in the
 * workspace root, requires nx's internals by absolute path, builds the project graph and the task graph
 * once, and asks the native hash planner for every task's inputs in one batch (`HashPlanInspector`; the
 * same data `nx/src/hasher/check-task-files` serves on 23.2+). Outputs come from the task graph (and
 * check-task-files when present, for outputs an unset `{options.x}` dropped). When those internals are
 * missing, it falls back to one `nx show target inputs|outputs P:T --json` per task (slow: a graph
 * each). Supported: nx >= MIN_NX_TESTED (tested on 21.2, 21.6, 22.1, 22.6 and 24); older nx is a ConfigurationError.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { ConfigurationError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { jsonChild, jsonKeyLine, parseJsonWithLines, type JsonNode } from './json-locate.js';
import { NX_CHILD_REQUEST_ENV, type NxChildRequest, type NxChildResult, type NxChildTask } from './nx-child-protocol.js';
import type { NonFileInput, Plan, PlanTask, SourceLocation } from './types.js';

/** Oldest nx major io-trace plans with (HashPlanInspector exists from 21.2 on). */
export const MIN_NX_MAJOR = 21;
/**
 * The oldest nx release seen to work: HashPlanInspector came in 21.2 (21.0-21.1 have neither it nor
 * `nx show target`); 21.2-22.5 give its plan as lines (nx-hash-plan.ts), 22.6+ sorted by kind.
 */
export const MIN_NX_TESTED = '21.2';

export interface NxPlanOptions {
  workspaceRoot: string;
  /** Targets to run on `projects` (or on every project that has them, like `nx run-many -t`). */
  targets?: string[];
  projects?: string[];
  /** Explicit task ids, `project:target[:configuration]`. */
  tasks?: string[];
  configuration?: string;
  /** Projects left out (`--exclude`). */
  exclude?: string[];
  /**
   * 'auto' (default): nx's programmatic hash-plan API, one project graph for all tasks; 'cli': one
   * `nx show target` per task (what 'auto' falls back to on an nx without that API; slow).
   */
  method?: 'auto' | 'cli';
  log: Logger;
}

/** What the runner needs to know about an nx command line. */
export interface NxCommand {
  kind: 'run' | 'run-many' | 'affected' | 'target';
  targets: string[];
  /** Undefined: every project that has the targets (run-many without -p; affected: a subset of those). */
  projects?: string[];
  tasks?: string[];
  configuration?: string;
  exclude?: string[];
}

/** Environment for every nx process io-trace starts: no daemon (its own graph and I/O), no prompts. */
export const NX_ENV: Readonly<Record<string, string>> = { NX_DAEMON: 'false', CI: 'true', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

// ---------------------------------------------------------------------------------------------------
// Command parsing

const RUNNER_PREFIXES = new Set(['npx', 'pnpx', 'bunx']);
const PM_EXEC = new Set(['pnpm', 'yarn', 'npm', 'bun']);

/** Index of the `nx` executable in argv after npx/pnpm/yarn/npm-exec wrappers, or -1. */
export function findToolIndex(argv: readonly string[], tool: string): number {
  const isTool = (a: string) => {
    const base = a.split('/').pop() ?? a;
    return base === tool || base === `${tool}.js` || base === `${tool}.cmd` || base === `${tool}.exe`;
  };
  let i = 0;
  if (argv[i] === 'node' || /\/node$/.test(argv[i] ?? '')) {
    i++;
    while (argv[i]?.startsWith('-')) i++;
    // `node node_modules/nx/bin/nx.js ...`, `node node_modules/.bin/turbo`
    if (argv[i] && (isTool(argv[i]) || argv[i].includes(`/${tool}/`))) return i;
    return -1;
  }
  if (argv[i] && RUNNER_PREFIXES.has(argv[i])) {
    i++;
    while (argv[i]?.startsWith('-')) {
      // npx -p pkg / --package pkg take a value
      if (argv[i] === '-p' || argv[i] === '--package') i++;
      i++;
    }
  } else if (argv[i] && PM_EXEC.has(argv[i])) {
    i++;
    while (argv[i]?.startsWith('-')) {
      if (argv[i] === '--filter' || argv[i] === '-F' || argv[i] === '-C' || argv[i] === '--dir') i++;
      i++;
    }
    if (argv[i] === 'exec' || argv[i] === 'dlx' || argv[i] === 'x') i++;
    if (argv[i] === '--') i++;
  }
  return argv[i] !== undefined && isTool(argv[i]) ? i : -1;
}

/** Splits `a,b` and repeated values into a list. */
function splitList(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

/** Options of nx that take one value, so a positional after them is not read as a project. */
const NX_VALUE_OPTIONS = new Set([
  '--parallel', '--maxParallel', '--max-parallel', '--base', '--head', '--files', '--output-style', '--outputStyle',
  '--nxBail', '--runner', '--batch', '--tui-auto-exit', '--graph', '--preset',
]);

/**
 * Reads the targets and projects an nx command will run: `nx run P:T[:C]`, `nx run-many -t a b -p x`,
 * `nx affected -t a`, `nx build app`, `nx app:build`, with npx/pnpm/yarn prefixes. Undefined when argv
 * is not an nx invocation (e.g. `npm run build`), or names no target.
 */
export function parseNxCommand(argv: readonly string[]): NxCommand | undefined {
  const at = findToolIndex(argv, 'nx');
  if (at < 0) return undefined;
  const args = argv.slice(at + 1);
  const sub = args[0];
  if (sub === undefined) return undefined;

  const targets: string[] = [];
  const projects: string[] = [];
  const exclude: string[] = [];
  const positionals: string[] = [];
  let configuration: string | undefined;
  let all = false;
  let current: string[] | undefined;
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    const eq = a.indexOf('=');
    const name = a.startsWith('-') && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith('-') && eq > 0 ? a.slice(eq + 1) : undefined;
    const list = (target: string[]) => {
      if (inline !== undefined) {
        target.push(inline);
        current = undefined;
      } else current = target;
    };
    if (name === '-t' || name === '--target' || name === '--targets') list(targets);
    else if (name === '-p' || name === '--projects' || name === '--project') list(projects);
    else if (name === '--exclude') list(exclude);
    else if (name === '-c' || name === '--configuration') {
      configuration = inline ?? args[++i];
      current = undefined;
    } else if (name === '--all') {
      all = true;
      current = undefined;
    } else if (a.startsWith('-')) {
      current = undefined;
      if (inline === undefined && NX_VALUE_OPTIONS.has(name) && args[i + 1] && !args[i + 1].startsWith('-')) i++;
    } else if (current) current.push(a);
    else positionals.push(a);
  }
  const clean = (l: string[]) => splitList(l);

  if (sub === 'run') {
    const spec = positionals[0];
    if (!spec) return undefined;
    const parts = spec.split(':');
    if (parts.length < 2) return undefined;
    const conf = parts[2] ?? configuration;
    return { kind: 'run', targets: [parts[1]], projects: [parts[0]], tasks: [[parts[0], parts[1], conf].filter(Boolean).join(':')], configuration: conf };
  }
  if (sub === 'run-many' || sub === 'affected') {
    const t = clean(targets);
    if (t.length === 0) return undefined;
    const p = clean(projects);
    const ex = clean(exclude);
    return {
      kind: sub,
      targets: t,
      ...(p.length && !all && sub === 'run-many' ? { projects: p } : {}),
      ...(configuration ? { configuration } : {}),
      ...(ex.length ? { exclude: ex } : {}),
    };
  }
  if (sub.startsWith('-')) return undefined;
  // `nx app:build[:c]` or `nx build [app]`: the same as `nx run`.
  if (sub.includes(':')) {
    const [p, t, c] = sub.split(':');
    const conf = c ?? configuration;
    return { kind: 'run', targets: [t], projects: [p], tasks: [[p, t, conf].filter(Boolean).join(':')], configuration: conf };
  }
  const NOT_TARGETS = new Set([
    'show', 'graph', 'dep-graph', 'reset', 'report', 'list', 'migrate', 'generate', 'g', 'add', 'init', 'release',
    'format', 'format:check', 'format:write', 'daemon', 'watch', 'exec', 'sync', 'sync:check', 'repair', 'import',
    'connect', 'login', 'logout', 'view-logs', 'print-affected', 'affected:graph', 'mcp', 'configure-ai-agents',
  ]);
  if (NOT_TARGETS.has(sub)) return undefined;
  const project = positionals[0];
  return {
    kind: 'target',
    targets: [sub],
    ...(project ? { projects: [project], tasks: [[project, sub, configuration].filter(Boolean).join(':')] } : {}),
    ...(configuration ? { configuration } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------

/** The workspace's nx: its package dir and version. ConfigurationError when it is not installed. */
export function locateWorkspaceNx(workspaceRoot: string): { dir: string; version: string } {
  const req = createRequire(join(workspaceRoot, 'package.json'));
  let pkgPath: string;
  try {
    pkgPath = req.resolve('nx/package.json');
  } catch {
    throw new ConfigurationError(
      `nx is not installed in the workspace ${workspaceRoot} (cannot resolve "nx" from there; io-trace uses the ` +
        `workspace's own nx). Install the workspace's dependencies first (npm ci / pnpm install / yarn install), ` +
        `or give io-trace a plan file with --plan.`,
    );
  }
  let version = 'unknown';
  try {
    version = (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    /* reported below when nx fails to run */
  }
  return { dir: dirname(pkgPath), version };
}

/** ConfigurationError for an nx older than io-trace supports (its APIs differ; it would print its yargs help). */
export function requireSupportedNx(version: string, dir: string): void {
  const major = Number(/^(\d+)\./.exec(version)?.[1]);
  if (Number.isFinite(major) && major < MIN_NX_MAJOR) {
    throw new ConfigurationError(
      `nx >= ${MIN_NX_MAJOR} required (found ${version} at ${dir}): io-trace asks the workspace's own nx for each task's ` +
        `inputs and outputs, through APIs older nx lacks. Upgrade nx (\`npx nx migrate latest\`), or give io-trace a plan file with --plan.`,
    );
  }
}

/** dist/nx-child.js: beside this bundle (dist/cli.js, dist/action/*.js), or built dist/ when run from src/. */
function nxChildScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'nx-child.js'), join(here, '..', 'nx-child.js'), join(here, '..', '..', 'dist', 'nx-child.js')];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`io-trace's Nx plan child (nx-child.js) is missing: looked in ${candidates.join(', ')} (run \`npm run build\`)`);
  return found;
}

function runNode(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Last lines of a tool's output, for an error message. */
function tail(text: string, lines = 12): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

export async function resolveNxPlan(opts: NxPlanOptions): Promise<Plan> {
  const started = Date.now();
  const { log } = opts;
  const workspaceRoot = realpathSync(opts.workspaceRoot);
  if (!(opts.targets?.length || opts.tasks?.length)) {
    throw new ConfigurationError('no Nx targets to plan: pass the nx command (e.g. `npx nx run-many -t build`) or --targets');
  }
  const nx = locateWorkspaceNx(workspaceRoot);
  log.debug(`nx ${nx.version} found at ${nx.dir}`);
  requireSupportedNx(nx.version, nx.dir);

  const tmp = mkdtempSync(join(tmpdir(), 'io-trace-nx-'));
  const resultFile = join(tmp, 'result.json');
  let res: NxChildResult;
  try {
    const request: NxChildRequest = {
      nxDir: nx.dir,
      workspaceRoot,
      resultFile,
      targets: opts.targets ?? [],
      projects: opts.projects ?? [],
      tasks: opts.tasks ?? [],
      exclude: opts.exclude ?? [],
      configuration: opts.configuration,
      forceCli: opts.method === 'cli',
    };
    const env = { ...process.env, ...NX_ENV, [NX_CHILD_REQUEST_ENV]: JSON.stringify(request) };
    const run = await runNode([nxChildScript()], workspaceRoot, env);
    let text: string | undefined;
    try {
      text = readFileSync(resultFile, 'utf8');
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      throw new ConfigurationError(
        `nx ${nx.version} in ${workspaceRoot} could not be loaded (exit ${run.code ?? run.signal}):\n${tail(run.stderr + run.stdout)}\n` +
          `Check that \`npx nx show projects\` works in the workspace (reinstall its dependencies if nx is broken).`,
      );
    }
    res = JSON.parse(text) as NxChildResult;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  if (res.userError) throw new ConfigurationError(`Nx workspace ${workspaceRoot}: ${res.userError}`);
  if (res.crash) {
    if (res.stack) log.debug(res.stack);
    throw new ConfigurationError(
      `nx ${nx.version} in ${workspaceRoot} failed while computing the project graph or task inputs:\n` +
        `${res.crash.trim().split('\n').slice(0, 15).join('\n')}\n` +
        `Run \`npx nx show projects\` in the workspace to see the error; fix the workspace (or its nx install) and retry.`,
    );
  }
  let childTasks: NxChildTask[];
  if (res.fallback) {
    const say = opts.method === 'cli' ? log.debug : log.warn;
    say(`nx ${nx.version}: ${res.fallback}; asking \`nx show target\` per task (one project graph per task: slow)`);
    childTasks = await showTargetFallback(workspaceRoot, nx.dir, nx.version, res.ids ?? [], log);
  } else {
    childTasks = res.tasks ?? [];
    const t = res.timings ?? {};
    log.debug(`nx ${res.method}: project graph ${t.graphMs} ms, task graph ${t.taskGraphMs} ms, inputs ${t.inputsMs} ms, rest ${t.restMs} ms`);
  }

  const locator = new ConfigLocator(workspaceRoot, res.nxJsonPlugins ?? []);
  const limits: CompressLimits = { projectRoots: childTasks.map((t) => t.projectRoot), outputs: childTasks.flatMap((t) => t.outputs) };
  const tasks: PlanTask[] = [];
  for (const ct of childTasks) tasks.push(toPlanTask(ct, childTasks, workspaceRoot, locator, limits, log, res.cacheableOperations ?? null));
  log.debug(`planned ${tasks.length} Nx task(s) with nx ${nx.version} in ${Date.now() - started} ms`);
  return { source: 'nx', workspaceRoot, toolVersion: nx.version, tasks };
}

function toPlanTask(
  ct: NxChildTask,
  all: NxChildTask[],
  workspaceRoot: string,
  locator: ConfigLocator,
  limits: CompressLimits,
  log: Logger,
  cacheableOperations: string[] | null = null,
): PlanTask {
  const hi = ct.hashInputs ?? { files: [], runtime: [], environment: [], depOutputs: [], external: [] };
  if (!ct.hashInputs) log.warn(`nx gave no hash inputs for ${ct.id}; its inputs are treated as empty`);
  for (const u of ct.unresolvedOutputs) {
    log.warn(`${ct.id}: output "${u}" names an option with no value, so Nx caches nothing for it`);
  }
  const byId = new Map(all.map((t) => [t.id, t]));
  const depPatterns = dependentOutputPatterns(ct, byId, log);
  const inputs = [...compressFiles(workspaceRoot, hi.files, limits), ...depPatterns];
  // Materialised dependency outputs already covered by a pattern are left out; any other is kept literally.
  const matchers = depPatterns.map((p) => picomatch(p, { dot: true }));
  for (const f of hi.depOutputs) if (!matchers.some((m) => m(f)) && !inputs.includes(f)) inputs.push(f);

  const nonFileInputs: NonFileInput[] = [
    ...hi.environment.map((value) => ({ type: 'env' as const, value })),
    ...hi.runtime.map((value) => ({ type: 'runtime' as const, value })),
    ...hi.external.map((value) => ({ type: 'external' as const, value })),
  ];
  const identity: Record<string, string> = { NX_TASK_TARGET_PROJECT: ct.project, NX_TASK_TARGET_TARGET: ct.target };
  if (ct.configuration) identity.NX_TASK_TARGET_CONFIGURATION = ct.configuration;

  const declaredAt: NonNullable<PlanTask['declaredAt']> = {};
  for (const field of ['inputs', 'outputs', 'dependsOn'] as const) {
    const loc = locator.locate(ct, field);
    if (loc) declaredAt[field] = loc;
  }
  return {
    id: ct.id,
    project: ct.project,
    target: ct.target,
    ...(ct.configuration ? { configuration: ct.configuration } : {}),
    projectRoot: ct.projectRoot,
    inputs,
    nonFileInputs,
    outputs: ct.outputs.map((o) => o.replace(/\\/g, '/')),
    dependsOn: [...ct.dependsOn].sort(),
    identity,
    ...(ct.commands?.length ? { commands: ct.commands } : {}),
    ...(isCacheable(ct, cacheableOperations) ? {} : { cacheable: false }),
    ...(ct.declaredInputs ? { declaredInputs: ct.declaredInputs } : {}),
    ...(ct.namedInputs && Object.keys(ct.namedInputs).length ? { namedInputs: ct.namedInputs } : {}),
    declaredAt,
  };
}

/**
 * Nx's own rule (`isCacheableTask`): a continuous task never; else the target's `cache` when set; else
 * the legacy `cacheableOperations` list. Unknown (a child result without the fields): cacheable.
 */
function isCacheable(ct: NxChildTask, cacheableOperations: string[] | null): boolean {
  if (ct.continuous) return false;
  if (ct.cache === undefined) return true;
  if (ct.cache !== null) return ct.cache;
  return cacheableOperations?.includes(ct.target) ?? false;
}

const GLOB_CHARS = /[*?[\]{}()!]/;

/**
 * `{dependentTasksOutputFiles: G}` inputs as patterns: files matching G inside the outputs of the
 * upstream tasks (direct, or all with `transitive`). Before the build those files do not exist, so
 * Nx's own resolved list is empty; the pattern is what the task will legitimately read.
 */
function dependentOutputPatterns(ct: NxChildTask, byId: Map<string, NxChildTask>, log: Logger): string[] {
  const out: string[] = [];
  for (const d of ct.depsOutputs) {
    const glob = d.dependentTasksOutputFiles.replace(/\\/g, '/');
    const upstream = new Set<string>();
    const walk = (id: string) => {
      for (const dep of byId.get(id)?.dependsOn ?? []) {
        if (upstream.has(dep)) continue;
        upstream.add(dep);
        if (d.transitive) walk(dep);
      }
    };
    walk(ct.id);
    for (const uid of [...upstream].sort()) {
      const u = byId.get(uid);
      if (!u) continue;
      for (const o of u.outputs) {
        if (o.startsWith('!')) continue;
        for (const p of intersectOutputGlob(o.replace(/\/+$/, ''), glob, log, ct.id)) if (!out.includes(p)) out.push(p);
      }
    }
  }
  return out;
}

/** Patterns for "matches `glob` and lies in output `output`"; over-approximates when not expressible. */
function intersectOutputGlob(output: string, glob: string, log: Logger, id: string): string[] {
  const isMatch = picomatch(glob, { dot: true });
  if (glob === '**' || glob === '**/*') return [output];
  if (!GLOB_CHARS.test(output)) {
    const res: string[] = [];
    if (isMatch(output)) res.push(output); // the output is itself a matching file
    if (glob.startsWith('**/')) res.push(`${output}/${glob}`);
    else if (glob.startsWith(`${output}/`)) res.push(glob);
    else if (!isMatch(output)) {
      log.debug(`${id}: dependentTasksOutputFiles "${glob}" within output "${output}" kept as "${glob}" (not expressible exactly)`);
      res.push(glob);
    }
    return res;
  }
  const m = /^(.*?)\/\*\*(?:\/\*)?$/.exec(output);
  if (m && glob.startsWith('**/')) return [`${m[1]}/${glob}`];
  log.debug(`${id}: dependentTasksOutputFiles "${glob}" within output glob "${output}" kept as "${output}" (over-approximated)`);
  return [output];
}

/** Directories a file list must not be folded into: files may legitimately appear there during the build. */
export interface CompressLimits {
  /** Project roots: tasks write into them (and an undeclared write there must stay a write, not an input). */
  projectRoots: readonly string[];
  /** Output patterns of all planned tasks: a directory holding (or inside) one gains files during the build. */
  outputs: readonly string[];
}

/**
 * Build tools resolve inputs to concrete files. Keep them literal, but replace a directory by its own
 * path when every file on disk under it is an input and no planned task can add files to it (then the
 * two say exactly the same thing for the whole build).
 */
export function compressFiles(workspaceRoot: string, files: readonly string[], limits: CompressLimits): string[] {
  const set = new Set(files);
  const bases = limits.outputs.map((o) => picomatch.scan(o.replace(/^!/, '')).base.replace(/\/+$/, '')).filter(Boolean);
  const blocked = (d: string) =>
    limits.projectRoots.some((r) => r === d || r.startsWith(`${d}/`)) ||
    bases.some((b) => b === d || b.startsWith(`${d}/`) || d.startsWith(`${b}/`));
  const dirsWithInputs = new Set<string>();
  for (const f of files) {
    for (let d = posix.dirname(f); d !== '.' && d !== '/' && d !== ''; d = posix.dirname(d)) dirsWithInputs.add(d);
  }
  const memo = new Map<string, boolean>();
  const covered = (dir: string): boolean => {
    const known = memo.get(dir);
    if (known !== undefined) return known;
    let ok = dirsWithInputs.has(dir) && !blocked(dir);
    if (ok) {
      try {
        for (const e of readdirSync(join(workspaceRoot, dir), { withFileTypes: true })) {
          const rel = `${dir}/${e.name}`;
          if (e.isDirectory()) ok = covered(rel);
          else ok = set.has(rel);
          if (!ok) break;
        }
      } catch {
        ok = false;
      }
    }
    memo.set(dir, ok);
    return ok;
  };
  const out: string[] = [];
  const emitted = new Set<string>();
  for (const f of [...files].sort()) {
    // The highest fully covered ancestor stands for the file.
    let top: string | undefined;
    for (let d = posix.dirname(f); d !== '.' && d !== ''; d = posix.dirname(d)) if (covered(d)) top = d;
    const p = top ?? f;
    if (!emitted.has(p)) {
      emitted.add(p);
      out.push(p);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Where a field is declared.

const CORE_PLUGINS = new Set(['nx/core/project-json', 'nx/core/package-json', 'nx/target-defaults', 'nx/core/target-defaults']);

class ConfigLocator {
  private readonly parsed = new Map<string, JsonNode | undefined>();
  constructor(
    private readonly root: string,
    private readonly plugins: string[],
  ) {}

  private json(file: string): JsonNode | undefined {
    if (!this.parsed.has(file)) {
      let node: JsonNode | undefined;
      try {
        node = parseJsonWithLines(readFileSync(join(this.root, file), 'utf8'));
      } catch {
        node = undefined;
      }
      this.parsed.set(file, node);
    }
    return this.parsed.get(file);
  }

  private at(file: string, path: string[], what: string): SourceLocation {
    const hit = jsonKeyLine(this.json(file), path);
    return { file, ...(hit ? { line: hit.line } : {}), what };
  }

  /** The targetDefaults key that applies to a target (its name, its executor, or a glob), as Nx picks it. */
  private targetDefaultsKey(target: string, executor: string | null, field: string): string | undefined {
    const td = jsonChild(this.json('nx.json'), ['targetDefaults']);
    if (!td?.members) return undefined;
    const has = (k: string) => td.members!.get(k)?.members?.has(field);
    if (has(target)) return target;
    if (executor && has(executor)) return executor;
    for (const k of td.members.keys()) if (GLOB_CHARS.test(k) && picomatch.isMatch(target, k) && has(k)) return k;
    return undefined;
  }

  private pluginEntry(plugin: string): number | undefined {
    const list = jsonChild(this.json('nx.json'), ['plugins']);
    if (!list?.items) return undefined;
    const stem = (s: string) => (s.split('/').pop() ?? s).replace(/\.[cm]?[jt]s$/, '');
    const idx = this.plugins.findIndex((p) => p === plugin || stem(p) === stem(plugin));
    const entry = idx >= 0 ? list.items[idx] : undefined;
    return entry?.line ?? list.keyLine;
  }

  locate(ct: NxChildTask, field: 'inputs' | 'outputs' | 'dependsOn'): SourceLocation | undefined {
    const src = ct.sourceMap[field];
    const tgt = ct.sourceMap.target;
    if (src) {
      const [where, plugin] = src;
      const [file, anchor] = where.split('#');
      if (file === 'nx.json' || plugin === 'nx/target-defaults') {
        // Nx 24 says which targetDefaults entry ("nx.json#targetDefaults.build"); older Nx only "nx.json".
        const key = anchor?.startsWith('targetDefaults.')
          ? anchor.slice('targetDefaults.'.length)
          : this.targetDefaultsKey(ct.target, ct.executor, field);
        if (key !== undefined) return this.at('nx.json', ['targetDefaults', key, field], `targetDefaults.${key}.${field}`);
      }
      if (plugin && !CORE_PLUGINS.has(plugin)) {
        const line = this.pluginEntry(plugin);
        return { file: 'nx.json', ...(line ? { line } : {}), what: `targets.${ct.target}.${field} inferred by plugin ${plugin} from ${file}` };
      }
      return this.fieldIn(file, ct.target, field);
    }
    // Older Nx leaves targetDefaults out of the source map.
    const key = this.targetDefaultsKey(ct.target, ct.executor, field);
    if (key !== undefined) return this.at('nx.json', ['targetDefaults', key, field], `targetDefaults.${key}.${field}`);
    if (tgt) {
      const [file] = tgt[0].split('#');
      if (tgt[1] && !CORE_PLUGINS.has(tgt[1])) {
        const line = this.pluginEntry(tgt[1]);
        return { file: 'nx.json', ...(line ? { line } : {}), what: `targets.${ct.target}.${field} (not set by plugin ${tgt[1]}: Nx default)` };
      }
      const loc = this.fieldIn(file, ct.target, field);
      return { ...loc, what: `${loc.what} (not set: Nx default)` };
    }
    return undefined;
  }

  private fieldIn(file: string, target: string, field: string): SourceLocation {
    if (file.endsWith('package.json')) {
      const root = this.json(file);
      if (!jsonChild(root, ['nx', 'targets', target]) && jsonChild(root, ['scripts', target])) {
        return this.at(file, ['scripts', target], `scripts.${target}`);
      }
      return this.at(file, ['nx', 'targets', target, field], `nx.targets.${target}.${field}`);
    }
    return this.at(file, ['targets', target, field], `targets.${target}.${field}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Fallback for an nx without the programmatic APIs: one CLI call per task.

async function showTargetFallback(workspaceRoot: string, nxDir: string, version: string, ids: string[], log: Logger): Promise<NxChildTask[]> {
  const bin = existsAny([join(nxDir, 'dist', 'bin', 'nx.js'), join(nxDir, 'bin', 'nx.js')]);
  const env = { ...process.env, ...NX_ENV };
  const show = async (args: string[]) => {
    const r = await runNode([bin, 'show', ...args, '--json'], workspaceRoot, env);
    // nx 21.0-21.1 have neither the programmatic APIs nor `nx show target`: nx answers with its usage
    // text, which says nothing to the user.
    if (r.code !== 0 && /Commands:|Unknown argument|Not enough non-option arguments|Usage:/.test(r.stderr + r.stdout) && !/"/.test(r.stdout.slice(0, 200))) {
      throw new ConfigurationError(
        `nx ${version} in ${workspaceRoot} cannot describe its tasks to io-trace: it has neither HashPlanInspector, ` +
          `check-task-files, nor \`nx show target\`. io-trace needs nx >= ${MIN_NX_TESTED} (tested: 21.2.4, 21.6.11, 22.1.3, 22.6.5, 22.7.12, 24.0.6): ` +
          `upgrade nx, or give io-trace a plan file with --plan.`,
      );
    }
    if (r.code !== 0) throw new ConfigurationError(`\`nx show ${args.join(' ')} --json\` failed in ${workspaceRoot}:\n${tail(r.stderr + r.stdout)}`);
    return JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as Record<string, unknown>;
  };
  const out: NxChildTask[] = [];
  for (const id of ids) {
    const [project, target, configuration] = id.split(':');
    const c = configuration ? ['-c', configuration] : [];
    const spec = `${project}:${target}`;
    const [desc, ins, outs, proj] = await Promise.all([
      show(['target', spec, ...c]),
      show(['target', 'inputs', spec, ...c]),
      show(['target', 'outputs', spec, ...c]),
      show(['project', project]),
    ]);
    const sm = (desc.sourceMap ?? {}) as Record<string, [string, string]>;
    const inputsDecl = (desc.inputs ?? []) as unknown[];
    const depsOutputs = inputsDecl.filter(
      (i): i is { dependentTasksOutputFiles: string; transitive?: boolean } => typeof i === 'object' && i !== null && 'dependentTasksOutputFiles' in i,
    );
    out.push({
      id,
      project,
      target,
      configuration: configuration ?? null,
      projectRoot: proj.root === '.' ? '' : ((proj.root as string) ?? ''),
      executor: (desc.executor as string) ?? null,
      hashInputs: {
        files: (ins.files as string[]) ?? [],
        runtime: (ins.runtime as string[]) ?? [],
        environment: (ins.environment as string[]) ?? [],
        depOutputs: (ins.depOutputs as string[]) ?? [],
        external: (ins.external as string[]) ?? [],
      },
      outputs: (outs.outputPaths as string[]) ?? [],
      unresolvedOutputs: [],
      depsOutputs,
      dependsOn: ((desc.dependsOn as string[]) ?? []).filter((d) => ids.includes(d)),
      cache: typeof desc.cache === 'boolean' ? desc.cache : null,
      continuous: desc.continuous === true,
      declaredInputs: inputsDecl,
      sourceMap: { target: sm.target ?? null, inputs: sm.inputs ?? null, outputs: sm.outputs ?? null, dependsOn: sm.dependsOn ?? null },
    });
    log.debug(`nx show target ${spec}: done`);
  }
  return out;
}

function existsAny(paths: string[]): string {
  for (const p of paths) {
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      /* next */
    }
  }
  return paths[0];
}
