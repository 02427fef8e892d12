/**
 * Turborepo plan source: the workspace's own `turbo run <tasks> --dry=json` lists every task with the
 * files it hashes (relative to its package), its output globs (relative to its package), its direct
 * dependencies and its hash (which the task's processes see as TURBO_HASH).
 *
 * A task's hash includes its dependencies' hashes, so the outputs of the tasks it (transitively)
 * depends on are legitimate reads: they are added to its inputs as patterns; their input files are
 * listed as `dependencyInputs` (including those of dependencies with no script, `<NONEXISTENT>`).
 * The global hash covers every file of the workspace packages the root package.json depends on
 * (transitively: `hashOfInternalDependencies`), so those files are dependency inputs of every task.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { ConfigurationError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { jsonChild, jsonKeyLine, parseJsonWithLines, type JsonNode } from './json-locate.js';
import { compressFiles, findToolIndex } from './nx.js';
import { compilePatterns } from './patterns.js';
import { parse as parseYaml } from 'yaml';
import type { NonFileInput, Plan, PlanTask, SourceLocation } from './types.js';

export interface TurboPlanOptions {
  workspaceRoot: string;
  tasks: string[];
  /** `--filter` values, as given to turbo. */
  filter?: string[];
  /** Arguments after `--`: turbo hashes them, so the plan must see the same ones as the build. */
  passThroughArgs?: string[];
  /**
   * The build's other `turbo run` flags, passed to the dry run as given: those that choose tasks
   * (`--affected`, `--only`, ...) or change hashes (`--global-deps`, `--env-mode`, ...) must be the same
   * there, or the plan lists other tasks, or other TURBO_HASHes, than the build runs.
   */
  runFlags?: string[];
  /**
   * What starts turbo in the build (`npx`, `pnpm exec`, `yarn`): a launcher sets variables
   * (npm_config_user_agent...) a task's `env` may list, and those change the hashes, so the dry run goes
   * through the same launcher to see the TURBO_HASHes the build's tasks get. Empty: turbo directly.
   */
  launcher?: string[];
  log: Logger;
}

export interface TurboCommand {
  tasks: string[];
  /** The launcher before `turbo` (`npx`, `pnpm exec`), see TurboPlanOptions.launcher. */
  launcher?: string[];
  filter?: string[];
  passThroughArgs?: string[];
  /** See TurboPlanOptions.runFlags: every flag but `--filter` and those that only shape the run's output or its execution. */
  runFlags?: string[];
}

/** Environment for turbo processes io-trace starts itself: no telemetry banner, no update check. */
export const TURBO_ENV: Readonly<Record<string, string>> = {
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
};

/** Flags of `turbo run` that take a value as the next argument (so it is not read as a task). */
const TURBO_VALUE_FLAGS = new Set([
  '--filter', '-F', '--concurrency', '--cache-dir', '--output-logs', '--log-order', '--env-mode', '--cache',
  '--cache-workers', '--profile', '--anon-profile', '--log-prefix', '--global-deps', '--graph', '--summarize',
  '--ui', '--team', '--token', '--api', '--login', '--remote-cache-timeout', '--cwd', '--heap', '--trace',
  '--root-turbo-json', '--verbosity', '--experimental-otel-protocol', '--experimental-otel-endpoint',
  '--experimental-otel-timeout-ms', '--experimental-otel-interval-ms', '--experimental-otel-header',
  '--experimental-otel-resource',
]);

/** Flags whose value is optional (`--graph`, `--dry`): only `--x=v` carries one. */
const TURBO_OPTIONAL_VALUE = new Set(['--graph', '--dry', '--dry-run', '--summarize', '--continue', '--log-file']);

/**
 * `turbo run` flags that cannot change which tasks run or their hashes, or that the dry run must not get
 * (`--graph` prints a graph instead, `--summarize`/`--profile` write files). Every other flag goes to the
 * dry run as the build gave it, including ones this list does not know yet.
 */
const NOT_FOR_DRY_RUN = new Set([
  '--dry', '--dry-run', '--graph', '--summarize', '--profile', '--anon-profile', '--ui', '--output-logs', '--log-order',
  '--log-prefix', '--concurrency', '--parallel', '--continue', '--force', '--cache', '--cache-dir', '--cache-workers',
  '--remote-only', '--remote-cache-read-only', '--remote-cache-timeout', '--no-cache', '--daemon', '--no-daemon', '--heap',
  '--trace', '--team', '--token', '--api', '--login', '--color', '--no-color', '--verbosity', '-v', '-vv', '-vvv',
  '--no-update-notifier', '--preflight', '--log-file', '--filter', '-F',
]);

const TURBO_COMMANDS = new Set([
  'bin', 'boundaries', 'completion', 'daemon', 'generate', 'gen', 'info', 'link', 'login', 'logout', 'ls', 'prune',
  'query', 'scan', 'telemetry', 'unlink', 'watch', 'devtools', 'docs',
]);

/** Programs that start turbo and set npm_config_user_agent and friends for it. */
const LAUNCHERS = new Set(['npx', 'pnpx', 'bunx', 'npm', 'pnpm', 'yarn', 'bun']);

/**
 * The launcher that runs a package script: `npm run build` whose script is `turbo run build` gets the
 * variables npm sets for scripts, which `npm exec` sets too (same user agent).
 */
export function scriptLauncher(argv: readonly string[]): string[] | undefined {
  const first = argv[0];
  const pm = first?.slice(first.lastIndexOf('/') + 1);
  if (pm === 'npm') return [first, 'exec', '--'];
  if (pm === 'pnpm') return [first, 'exec'];
  if (pm === 'yarn') return [first];
  if (pm === 'bun') return [first, 'x'];
  return undefined;
}

/**
 * Reads the tasks, filters and pass-through args of `turbo run a b --filter x -- args` (also `turbo a`,
 * with npx/pnpm/yarn prefixes). Undefined when argv is not a turbo run.
 */
export function parseTurboCommand(argv: readonly string[]): TurboCommand | undefined {
  const at = findToolIndex(argv, 'turbo');
  if (at < 0) return undefined;
  let args = argv.slice(at + 1);
  // Global flags may precede the command.
  let i = 0;
  while (args[i]?.startsWith('-')) {
    if (!args[i].includes('=') && TURBO_VALUE_FLAGS.has(args[i]) && !TURBO_OPTIONAL_VALUE.has(args[i])) i++;
    i++;
  }
  if (args[i] === 'run') args = [...args.slice(0, i), ...args.slice(i + 1)];
  else if (args[i] === undefined || TURBO_COMMANDS.has(args[i])) return undefined;

  const tasks: string[] = [];
  const filter: string[] = [];
  const runFlags: string[] = [];
  let passThroughArgs: string[] | undefined;
  for (let j = 0; j < args.length; j++) {
    const a = args[j];
    if (a === '--') {
      passThroughArgs = args.slice(j + 1);
      break;
    }
    if (a.startsWith('-')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      let value: string | undefined = eq > 0 ? a.slice(eq + 1) : undefined;
      if (value === undefined && TURBO_VALUE_FLAGS.has(name) && !TURBO_OPTIONAL_VALUE.has(name)) value = args[++j];
      if ((name === '--filter' || name === '-F') && value !== undefined) filter.push(value);
      else if (!NOT_FOR_DRY_RUN.has(name) && !name.startsWith('--experimental-otel')) runFlags.push(value === undefined ? name : `${name}=${value}`);
      continue;
    }
    tasks.push(a);
  }
  if (tasks.length === 0) return undefined;
  const launcher = LAUNCHERS.has(argv[0]?.slice(argv[0].lastIndexOf('/') + 1) ?? '') ? argv.slice(0, at) : [];
  return { tasks, ...(launcher.length ? { launcher } : {}), ...(filter.length ? { filter } : {}), ...(passThroughArgs ? { passThroughArgs } : {}), ...(runFlags.length ? { runFlags } : {}) };
}

export interface DryTask {
  taskId: string;
  task: string;
  package: string;
  hash: string;
  directory: string;
  command: string;
  inputs: Record<string, string> | null;
  outputs: string[] | null;
  excludedOutputs: string[] | null;
  dependencies: string[] | null;
  hashOfExternalDependencies?: string;
  /** The task's definition after turbo.json merging (cache, persistent, declared inputs). */
  resolvedTaskDefinition?: { cache?: boolean; persistent?: boolean; inputs?: string[] | null };
  environmentVariables?: { specified?: { env?: string[] | null }; configured?: string[] | null; inferred?: string[] | null };
}

export interface DryRun {
  turboVersion?: string;
  globalCacheInputs?: {
    files?: Record<string, string> | null;
    environmentVariables?: { specified?: { env?: string[] | null }; configured?: string[] | null; inferred?: string[] | null };
  };
  tasks: DryTask[];
}

/** The workspace's turbo executable (the npm `turbo` package's bin). ConfigurationError when absent. */
export function locateWorkspaceTurbo(workspaceRoot: string): { bin: string; version: string } {
  const req = createRequire(join(workspaceRoot, 'package.json'));
  let pkgPath: string;
  try {
    pkgPath = req.resolve('turbo/package.json');
  } catch {
    throw new ConfigurationError(
      `turbo is not installed in the workspace ${workspaceRoot} (cannot resolve "turbo" from there; io-trace uses the ` +
        `workspace's own turbo). Add it (npm i -D turbo) and install the workspace's dependencies, or give io-trace a plan file with --plan.`,
    );
  }
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version?: string; bin?: string | Record<string, string> };
  const rel = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin?.turbo ?? 'bin/turbo');
  return { bin: join(dirname(pkgPath), rel), version: pkg.version ?? 'unknown' };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// turbo prints its errors with box-drawing and ANSI colour.
const clean = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').trim();

export async function resolveTurboPlan(opts: TurboPlanOptions): Promise<Plan> {
  const started = Date.now();
  const { log } = opts;
  const workspaceRoot = realpathSync(opts.workspaceRoot);
  if (opts.tasks.length === 0) throw new ConfigurationError('no Turborepo tasks to plan: pass the turbo command (e.g. `npx turbo run build`)');
  const turbo = locateWorkspaceTurbo(workspaceRoot);
  const args = [
    turbo.bin,
    'run',
    ...opts.tasks,
    '--dry=json',
    ...(opts.filter ?? []).map((f) => `--filter=${f}`),
    ...(opts.runFlags ?? []),
    ...(opts.passThroughArgs?.length ? ['--', ...opts.passThroughArgs] : []),
  ];
  const env = { ...process.env, ...TURBO_ENV };
  // The workspace's turbo directly first: a launcher (npx, pnpm, yarn) starts a package manager that takes
  // ~0.3 s only to set variables, and those change a hash only where an env entry names one of them. Then
  // (or when turbo cannot run directly) the dry run goes through the build's launcher.
  let r = await run(process.execPath, args, workspaceRoot, env);
  const direct = r.code === 0 ? dryJson(r.stdout) : undefined;
  const named = direct ? launcherVariablesNamed(direct) : [];
  if (opts.launcher?.length && (!direct || named.length)) {
    const [cmd, ...pre] = opts.launcher;
    const shownLaunched = `\`${opts.launcher.join(' ')} turbo ${args.slice(1).join(' ')}\``;
    log.debug(direct ? `the tasks hash ${named.join(', ')}, which ${opts.launcher[0]} may set: running ${shownLaunched}` : `turbo failed directly (exit ${r.code}): running ${shownLaunched}`);
    const launched = await run(cmd, [...pre, 'turbo', ...args.slice(1)], workspaceRoot, env).catch(() => undefined);
    if (launched && launched.code === 0 && dryJson(launched.stdout) !== undefined) r = launched;
    else log.debug(`${shownLaunched} failed (exit ${launched?.code ?? 'none'}); using the direct dry run`);
  }
  const shown = `turbo ${args.slice(1).join(' ')}`;
  if (r.code !== 0) {
    const msg = clean(r.stderr || r.stdout);
    const missing = /Could not find task `([^`]+)`/.exec(msg);
    if (missing) {
      throw new ConfigurationError(
        `Turborepo task "${missing[1]}" is not defined in ${workspaceRoot}: add it to "tasks" in turbo.json ` +
          `(and a "${missing[1]}" script to the packages that run it), or fix the task name.`,
      );
    }
    throw new ConfigurationError(`\`${shown}\` failed in ${workspaceRoot} (exit ${r.code}):\n${msg.split('\n').slice(-12).join('\n')}`);
  }
  const dry = dryJson(r.stdout);
  if (!dry) {
    throw new ConfigurationError(`\`${shown}\` printed no JSON in ${workspaceRoot}; is turbo ${turbo.version} working there?\n${clean(r.stderr).slice(0, 2000)}`);
  }
  log.debug(`turbo ${dry.turboVersion ?? turbo.version} dry run: ${dry.tasks.length} task(s) in ${Date.now() - started} ms`);

  const byId = new Map(dry.tasks.map((t) => [t.taskId, t]));
  const globalFiles = Object.keys(dry.globalCacheInputs?.files ?? {}).map((f) => posix.normalize(f));
  const globalEnv = envNames(dry.globalCacheInputs?.environmentVariables);
  const locator = new TurboLocator(workspaceRoot);
  const rel = (dir: string, p: string) => {
    const neg = p.startsWith('!');
    const body = neg ? p.slice(1) : p;
    const joined = posix.normalize(posix.join(dir, body));
    return (neg ? '!' : '') + (joined === '.' ? '' : joined);
  };
  const outputsOf = (t: DryTask) => [
    ...(t.outputs ?? []).map((o) => rel(t.directory, o)),
    ...(t.excludedOutputs ?? []).map((o) => `!${rel(t.directory, o)}`),
  ];

  // Packages without the script: turbo lists the task but runs nothing.
  const runnable = dry.tasks.filter((t) => t.command !== '<NONEXISTENT>');
  const limits = { projectRoots: runnable.map((t) => t.directory), outputs: runnable.flatMap(outputsOf) };
  // The root package's workspace dependencies are in the global hash: every task's hash covers their files.
  const rootDeps = rootInternalDependencies(workspaceRoot);
  const rootDepFiles = rootDeps.length ? packageFiles(workspaceRoot, rootDeps) : [];
  if (rootDeps.length) log.debug(`turbo global hash: files of root workspace dependencies ${rootDeps.join(', ')} (${rootDepFiles.length})`);
  const tasks: PlanTask[] = [];
  for (const t of runnable) {
    const files = Object.keys(t.inputs ?? {}).map((f) => rel(t.directory, f));
    const inputs = compressFiles(workspaceRoot, [...new Set([...files, ...globalFiles])], limits);
    const seen = new Set<string>();
    const walk = (id: string) => {
      for (const d of byId.get(id)?.dependencies ?? []) {
        if (seen.has(d)) continue;
        seen.add(d);
        walk(d);
      }
    };
    walk(t.taskId);
    // Dependencies' hashes are part of this task's hash: their input files are covered too, also for a
    // dependency whose script does not exist (`<NONEXISTENT>`: turbo still hashes its inputs).
    const depFiles = new Set<string>(rootDepFiles);
    for (const d of [...seen].sort()) {
      const dt = byId.get(d);
      if (!dt) continue;
      for (const f of Object.keys(dt.inputs ?? {})) depFiles.add(rel(dt.directory, f));
      if (dt.command === '<NONEXISTENT>') continue;
      for (const o of outputsOf(dt)) if (!o.startsWith('!') && !inputs.includes(o)) inputs.push(o);
    }
    const dependencyInputs = depFiles.size ? compressFiles(workspaceRoot, [...depFiles], limits) : [];
    const def = t.resolvedTaskDefinition;
    const nonFileInputs: NonFileInput[] = [
      ...[...new Set([...globalEnv, ...envNames(t.environmentVariables)])].map((value) => ({ type: 'env' as const, value })),
      ...(t.hashOfExternalDependencies ? [{ type: 'external' as const, value: `lockfile dependencies of ${t.package} (${t.hashOfExternalDependencies})` }] : []),
    ];
    const declaredAt: NonNullable<PlanTask['declaredAt']> = {};
    for (const field of ['inputs', 'outputs', 'dependsOn'] as const) {
      const loc = locator.locate(t.package, t.directory, t.task, field);
      if (loc) declaredAt[field] = loc;
    }
    tasks.push({
      id: t.taskId,
      project: t.package,
      target: t.task,
      projectRoot: t.directory === '.' ? '' : t.directory,
      inputs,
      nonFileInputs,
      outputs: outputsOf(t),
      // A dependency with no script runs nothing but still orders the graph: depend on what it depends on.
      dependsOn: [...runnableDeps(t.taskId, byId)].sort(),
      identity: { TURBO_HASH: t.hash },
      ...(def?.cache === false || def?.persistent ? { cacheable: false } : {}),
      ...(dependencyInputs.length ? { dependencyInputs } : {}),
      // An empty list is turbo's default (every git-tracked file of the package), as if none were declared.
      ...(def?.inputs?.length ? { declaredInputs: def.inputs } : {}),
      declaredAt,
    });
  }
  log.debug(`planned ${tasks.length} Turborepo task(s) with turbo ${dry.turboVersion ?? turbo.version} in ${Date.now() - started} ms`);
  return { source: 'turbo', workspaceRoot, toolVersion: dry.turboVersion ?? turbo.version, tasks };
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/**
 * Workspace packages (folders relative to the root) the root package.json depends on, with their own
 * workspace dependencies, transitively: turbo hashes their files into the global hash
 * (`globalCacheInputs.hashOfInternalDependencies`, from the package graph's root internal dependencies).
 * A dependency is a workspace package when Node's resolution from the depending package
 * (`node_modules/<name>`, as npm, pnpm and yarn link workspace packages) leads into the workspace
 * outside any node_modules.
 */
export function rootInternalDependencies(workspaceRoot: string): string[] {
  const root = realpathSync(workspaceRoot);
  const found = new Set<string>();
  let members: Map<string, string> | undefined;
  const queue = [''];
  const seen = new Set(queue);
  while (queue.length) {
    const dir = queue.shift()!;
    let pkg: Partial<Record<(typeof DEPENDENCY_FIELDS)[number], Record<string, string>>>;
    try {
      pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const names = new Set(DEPENDENCY_FIELDS.flatMap((f) => (pkg[f] && typeof pkg[f] === 'object' ? Object.keys(pkg[f]!) : [])));
    for (const name of names) {
      // Through node_modules as installed; a filtered install links only some packages, so else by the
      // workspace's own package list, as turbo builds its package graph.
      const target = resolveWorkspacePackage(root, dir, name) ?? (members ??= workspaceMembers(root)).get(name);
      if (target === undefined || target === '' || seen.has(target)) continue;
      seen.add(target);
      found.add(target);
      queue.push(target);
    }
  }
  return [...found].sort();
}

/**
 * The workspace's packages by name (folder relative to the root): folders holding a package.json that git
 * tracks (or would: untracked, not ignored) and that the workspace globs (pnpm-workspace.yaml `packages`,
 * else package.json `workspaces`) include. Empty when there are no globs.
 */
export function workspaceMembers(root: string): Map<string, string> {
  const globs: string[] = [];
  try {
    const y = parseYaml(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as { packages?: unknown } | null;
    if (Array.isArray(y?.packages)) globs.push(...y.packages.filter((g): g is string => typeof g === 'string'));
  } catch {
    // no pnpm workspace file
  }
  if (globs.length === 0) {
    try {
      const w = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces?: unknown }).workspaces;
      const list = Array.isArray(w) ? w : w && typeof w === 'object' && Array.isArray((w as { packages?: unknown }).packages) ? (w as { packages: unknown[] }).packages : [];
      globs.push(...list.filter((g): g is string => typeof g === 'string'));
    } catch {
      // no root package.json
    }
  }
  const members = new Map<string, string>();
  if (globs.length === 0) return members;
  const included = compilePatterns(globs.map((g) => g.replace(/^\.\//, '').replace(/\/+$/, '')));
  for (const file of gitFiles(root, ['package.json', '**/package.json']) ?? []) {
    if (!file.endsWith('package.json') || file === 'package.json' || file.split('/').includes('node_modules')) continue;
    const dir = posix.dirname(file);
    if (!included.covers(dir)) continue;
    try {
      const name = (JSON.parse(readFileSync(join(root, file), 'utf8')) as { name?: unknown }).name;
      if (typeof name === 'string' && !members.has(name)) members.set(name, dir);
    } catch {
      // unreadable or not JSON: not a package turbo could use either
    }
  }
  return members;
}

/** `node_modules/<name>` looked up from `fromDir` up to the root, when it links to a workspace folder. */
function resolveWorkspacePackage(root: string, fromDir: string, name: string): string | undefined {
  for (let d = fromDir; ; d = posix.dirname(d)) {
    const here = d === '.' ? '' : d;
    const link = join(root, here, 'node_modules', name);
    if (existsSync(link)) {
      let real: string;
      try {
        real = realpathSync(link);
      } catch {
        return undefined;
      }
      const rel = relative(root, real).split(sep).join('/');
      if (rel.startsWith('..') || rel.split('/').includes('node_modules') || !existsSync(join(real, 'package.json'))) return undefined;
      return rel;
    }
    if (here === '') return undefined;
  }
}

/** A package's files as turbo hashes them by default: git-tracked and untracked-not-ignored (no git: the folder). */
function packageFiles(root: string, dirs: string[]): string[] {
  const listed = gitFiles(root, dirs);
  // A file git still lists but that is gone is not read by anyone.
  return listed ? [...new Set(listed.filter((f) => existsSync(join(root, f))))] : dirs;
}

/** Files git tracks or would (untracked, not ignored) under `pathspecs`; undefined without git. */
function gitFiles(root: string, pathspecs: string[]): string[] | undefined {
  try {
    const out = execFileSync('git', ['-C', root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...pathspecs], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 << 20,
    });
    return out.split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

/** The dry run's JSON, from the first `{` to the last `}` (a launcher such as yarn 1 prints lines around it). */
function dryJson(stdout: string): DryRun | undefined {
  try {
    const d = JSON.parse(stdout.slice(stdout.indexOf('{'), stdout.lastIndexOf('}') + 1)) as DryRun;
    return Array.isArray(d?.tasks) ? d : undefined;
  } catch {
    return undefined;
  }
}

/** Direct dependencies that run something, looking through no-op (`<NONEXISTENT>`) ones. */
function runnableDeps(id: string, byId: ReadonlyMap<string, DryTask>): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (d: string) => {
    if (seen.has(d)) return;
    seen.add(d);
    const dt = byId.get(d);
    if (!dt) return;
    if (dt.command !== '<NONEXISTENT>') out.add(d);
    else for (const dd of dt.dependencies ?? []) visit(dd);
  };
  for (const d of byId.get(id)?.dependencies ?? []) visit(d);
  return out;
}

/**
 * Variables a package manager sets for what it starts (npx, `npm run`, pnpm, yarn, bun, corepack), by
 * name and by prefix; `LAUNCHER_VARIABLE_SAMPLES` are names a wildcard env entry is tried against.
 */
const LAUNCHER_VARIABLES = new Set(['NODE', 'NODE_OPTIONS', 'NODE_PATH', 'INIT_CWD', 'PROJECT_CWD', 'PATH', 'PWD', 'OLDPWD', 'SHLVL', '_', 'COLOR', 'EDITOR']);
const LAUNCHER_PREFIXES = ['npm_', 'NPM_', 'pnpm_', 'PNPM_', 'yarn_', 'YARN_', 'BERRY_', 'COREPACK_', 'BUN_', 'bun_'];
const LAUNCHER_VARIABLE_SAMPLES = [
  ...LAUNCHER_VARIABLES, 'npm_config_user_agent', 'npm_execpath', 'npm_node_execpath', 'npm_command', 'npm_lifecycle_event',
  'npm_lifecycle_script', 'npm_package_name', 'npm_package_json', 'NPM_CONFIG_USERCONFIG', 'pnpm_config_verify_deps_before_run',
  'PNPM_SCRIPT_SRC_DIR', 'PNPM_HOME', 'yarn_config_x', 'YARN_IGNORE_PATH', 'BERRY_BIN_FOLDER', 'COREPACK_ROOT', 'BUN_INSTALL', 'bun_x',
];

/** The env entries of a dry run (global or any task's) that name, or as a wildcard match, a launcher variable. */
export function launcherVariablesNamed(dry: DryRun): string[] {
  const entries = [dry.globalCacheInputs?.environmentVariables, ...dry.tasks.map((t) => t.environmentVariables)].flatMap(envNames);
  const named = new Set<string>();
  for (const entry of entries) {
    if (entry.startsWith('!')) continue;
    let hit: boolean;
    if (entry.includes('*')) {
      const pattern = new RegExp(`^${entry.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      hit = LAUNCHER_VARIABLE_SAMPLES.some((n) => pattern.test(n));
    } else {
      hit = LAUNCHER_VARIABLES.has(entry) || LAUNCHER_PREFIXES.some((p) => entry.startsWith(p));
    }
    if (hit) named.add(entry);
  }
  return [...named].sort();
}

function envNames(ev: DryTask['environmentVariables'] | undefined): string[] {
  if (!ev) return [];
  // configured/inferred entries are "NAME=hash".
  const names = [...(ev.specified?.env ?? []), ...(ev.configured ?? []), ...(ev.inferred ?? [])].map((e) => e.split('=')[0]);
  return [...new Set(names)].filter(Boolean);
}

/**
 * Finds the turbo.json line defining a task's field: the package turbo.json, then the root entry turbo
 * reads for the task: `pkg#task` when the root has one (it replaces the generic `task` entry: nothing is
 * inherited from it, `--dry=json` shows its unset fields empty), else `task`.
 */
export class TurboLocator {
  private readonly cache = new Map<string, JsonNode | undefined>();
  constructor(private readonly root: string) {}

  private json(file: string): JsonNode | undefined {
    if (!this.cache.has(file)) {
      const abs = join(this.root, file);
      this.cache.set(file, existsSync(abs) ? parseJsonWithLines(readFileSync(abs, 'utf8')) : undefined);
    }
    return this.cache.get(file);
  }

  /** The root entry a package's task takes: `pkg#task` if the root turbo.json has one, else `task`. */
  private rootKey(pkg: string, task: string): string {
    const root = this.json('turbo.json');
    const section = root && (jsonChild(root, ['tasks']) ? 'tasks' : jsonChild(root, ['pipeline']) ? 'pipeline' : undefined);
    return section && jsonChild(root, [section, `${pkg}#${task}`]) ? `${pkg}#${task}` : task;
  }

  locate(pkg: string, dir: string, task: string, field: string): SourceLocation | undefined {
    const candidates: [string, string][] = [];
    if (dir && dir !== '.') candidates.push([posix.join(dir, 'turbo.json'), task]);
    candidates.push(['turbo.json', this.rootKey(pkg, task)]);
    let definedAt: SourceLocation | undefined;
    for (const [file, key] of candidates) {
      const root = this.json(file);
      if (!root) continue;
      const section = jsonChild(root, ['tasks']) ? 'tasks' : jsonChild(root, ['pipeline']) ? 'pipeline' : undefined;
      if (!section) continue;
      const taskNode = jsonChild(root, [section, key]);
      if (!taskNode) continue;
      const fieldNode = jsonChild(taskNode, [field]);
      if (fieldNode) return { file, line: fieldNode.keyLine, what: `${section}["${key}"].${field}` };
      definedAt ??= { file, line: jsonKeyLine(root, [section, key])!.line, what: `${section}["${key}"].${field} (not set: Turborepo default)` };
    }
    return definedAt;
  }
}
