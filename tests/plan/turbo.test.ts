import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageModel, readCoveredBy } from '../../src/analysis/coverage.js';
import { ConfigurationError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/logger.js';
import { resolvePlan } from '../../src/plan/resolve.js';
import { launcherVariablesNamed, parseTurboCommand, resolveTurboPlan, rootInternalDependencies, TurboLocator, workspaceMembers, type DryRun } from '../../src/plan/turbo.js';
import type { Plan } from '../../src/plan/types.js';
import { copyFixtureSources, installFixture, removeWorkspace } from '../fixtures/install.js';

function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: (m) => lines.push(`debug ${m}`), info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
}

const at = (file: string, line: number, key: string, field: string, unset = false) => ({
  file,
  line,
  what: `tasks["${key}"].${field}${unset ? ' (not set: Turborepo default)' : ''}`,
});
/** A root turbo.json task whose key is on `line`, fields in the order dependsOn?, inputs, outputs. */
const rootTask = (key: string, line: number, dependsOnSet = false) => {
  const first = dependsOnSet ? line + 2 : line + 1;
  return {
    inputs: at('turbo.json', first, key, 'inputs'),
    outputs: at('turbo.json', first + 1, key, 'outputs'),
    dependsOn: dependsOnSet ? at('turbo.json', line + 1, key, 'dependsOn') : at('turbo.json', line, key, 'dependsOn', true),
  };
};

const EXPECTED = [
  {
    id: 'app#build',
    project: 'app',
    target: 'build',
    projectRoot: 'packages/app',
    inputs: ['packages/app/package.json', 'packages/app/src', 'packages/app/turbo.json', 'tools', 'packages/lib/dist/**'],
    outputs: ['packages/app/dist/**'],
    dependsOn: ['lib#build'],
    declaredAt: { inputs: at('turbo.json', 6, 'build', 'inputs'), outputs: at('turbo.json', 7, 'build', 'outputs'), dependsOn: at('turbo.json', 5, 'build', 'dependsOn') },
  },
  {
    id: 'app#bundle',
    project: 'app',
    target: 'bundle',
    projectRoot: 'packages/app',
    inputs: ['packages/app/package.json', 'packages/app/turbo.json', 'tools', 'packages/app/dist/**', 'packages/lib/dist/**'],
    outputs: ['packages/app/bundle.stats.json', 'packages/app/bundle/**'],
    dependsOn: ['app#build'],
    declaredAt: {
      inputs: at('packages/app/turbo.json', 6, 'bundle', 'inputs'),
      outputs: at('packages/app/turbo.json', 7, 'bundle', 'outputs'),
      dependsOn: at('packages/app/turbo.json', 5, 'bundle', 'dependsOn'),
    },
  },
  {
    id: 'app#test',
    project: 'app',
    target: 'test',
    projectRoot: 'packages/app',
    inputs: ['packages/app/package.json', 'packages/app/src', 'packages/app/test', 'packages/app/turbo.json', 'test-setup.json', 'tools'],
    outputs: [],
    dependsOn: [],
    declaredAt: rootTask('test', 21),
  },
  {
    id: 'docs#docs',
    project: 'docs',
    target: 'docs',
    projectRoot: 'packages/docs',
    inputs: ['packages/docs/docs.config.json', 'packages/docs/package.json', 'packages/docs/pages', 'tools'],
    outputs: ['packages/docs/site/**'],
    dependsOn: [],
    declaredAt: rootTask('docs', 25),
  },
  {
    id: 'lib#build',
    project: 'lib',
    target: 'build',
    projectRoot: 'packages/lib',
    inputs: ['packages/lib/package.json', 'packages/lib/src', 'tools'],
    outputs: ['packages/lib/dist/**'],
    dependsOn: [],
    declaredAt: rootTask('build', 4, true),
  },
  {
    id: 'lib#format',
    project: 'lib',
    target: 'format',
    projectRoot: 'packages/lib',
    inputs: ['packages/lib/package.json', 'packages/lib/src', 'tools'],
    outputs: [],
    dependsOn: [],
    declaredAt: rootTask('format', 17),
  },
  {
    id: 'lib#lint',
    project: 'lib',
    target: 'lint',
    projectRoot: 'packages/lib',
    inputs: ['packages/lib/package.json', 'packages/lib/src', 'tools'],
    outputs: [],
    dependsOn: [],
    declaredAt: rootTask('lint', 9),
  },
  {
    id: 'lib#size',
    project: 'lib',
    target: 'size',
    projectRoot: 'packages/lib',
    inputs: ['packages/lib/package.json', 'tools'],
    outputs: [],
    dependsOn: [],
    declaredAt: rootTask('lib#size', 13),
  },
];

describe('resolveTurboPlan on tests/fixtures/turbo-workspace', () => {
  let ws: string;
  let plan: Plan;
  let ms: number;
  const all = ['build', 'lint', 'size', 'format', 'bundle', 'test', 'docs'];

  beforeAll(async () => {
    ws = installFixture('turbo-workspace');
    const started = Date.now();
    plan = await resolveTurboPlan({ workspaceRoot: ws, tasks: all, log: memoryLogger() });
    ms = Date.now() - started;
    console.log(`turbo plan resolution (8 tasks): ${ms} ms`);
  });
  afterAll(() => ws && removeWorkspace(ws));

  it('converts the dry run to workspace-relative inputs/outputs with dependency outputs and declaration lines', () => {
    expect(plan.source).toBe('turbo');
    expect(plan.toolVersion).toBe('2.11.11');
    const shape = plan.tasks.map(({ identity: _i, nonFileInputs: _n, declaredInputs: _d, dependencyInputs: _p, ...rest }) => rest);
    expect(shape).toEqual(EXPECTED);
    // Turborepo hashes dependencies' hashes: their input files are covered for the dependents.
    const by = Object.fromEntries(plan.tasks.map((t) => [t.id, t]));
    expect(by['app#build'].dependencyInputs).toEqual(['packages/lib/package.json', 'packages/lib/src', 'tools']);
    expect(by['app#bundle'].dependencyInputs).toEqual(expect.arrayContaining(['packages/app/src', 'packages/lib/src']));
    expect(by['lib#build'].dependencyInputs).toBeUndefined();
    // The declared inputs as turbo resolved the definition ($TURBO_ROOT$ written relative to the package).
    expect(by['app#test'].declaredInputs).toEqual(['../../test-setup.json', '../../tools/fsops.cjs', 'src/**', 'test/**']);
    expect(plan.tasks.filter((t) => t.cacheable === false)).toEqual([]);
    expect(ms).toBeLessThan(3000);
  });

  it('identifies each task by its dry-run hash and keeps external dependencies as non-file inputs', () => {
    for (const t of plan.tasks) {
      expect(t.identity).toEqual({ TURBO_HASH: expect.stringMatching(/^[0-9a-f]{16}$/) });
      expect(t.nonFileInputs).toEqual([{ type: 'external', value: expect.stringMatching(new RegExp(`^lockfile dependencies of ${t.project} \\([0-9a-f]+\\)$`)) }]);
    }
    expect(new Set(plan.tasks.map((t) => t.identity!.TURBO_HASH)).size).toBe(plan.tasks.length);
  });

  it('gives the same hashes on a second run (identity is stable) and honours --filter', async () => {
    const again = await resolveTurboPlan({ workspaceRoot: ws, tasks: ['build'], filter: ['app'], log: memoryLogger() });
    expect(again.tasks.map((t) => t.id)).toEqual(['app#build', 'lib#build']);
    for (const t of again.tasks) expect(t.identity).toEqual(plan.tasks.find((p) => p.id === t.id)!.identity);
  });

  it('counts the inputs of a no-op dependency (no script: <NONEXISTENT>) and reads cache/persistent', async () => {
    const copy = installFixture('turbo-workspace');
    try {
      // A shared config package with no build script that app depends on, and a persistent dev task.
      mkdirSync(path.join(copy, 'packages/config'));
      writeFileSync(path.join(copy, 'packages/config/package.json'), JSON.stringify({ name: 'config', version: '1.0.0', private: true }));
      const appPkg = path.join(copy, 'packages/app/package.json');
      const pkg = JSON.parse(readFileSync(appPkg, 'utf8'));
      pkg.dependencies = { ...pkg.dependencies, config: '*' };
      pkg.scripts = { ...pkg.scripts, dev: 'true' };
      writeFileSync(appPkg, JSON.stringify(pkg, null, 2));
      const turboJson = path.join(copy, 'turbo.json');
      const tj = JSON.parse(readFileSync(turboJson, 'utf8'));
      tj.tasks.dev = { cache: false, persistent: true };
      writeFileSync(turboJson, JSON.stringify(tj, null, 2));
      // config depends on lib; web (with a build script) depends only on config: web#build -> config#build
      // (no-op) -> lib#build.
      const cfg = path.join(copy, 'packages/config/package.json');
      writeFileSync(cfg, JSON.stringify({ name: 'config', version: '1.0.0', private: true, dependencies: { lib: '*' } }));
      mkdirSync(path.join(copy, 'packages/web'));
      writeFileSync(path.join(copy, 'packages/web/package.json'), JSON.stringify({ name: 'web', version: '1.0.0', private: true, scripts: { build: 'true' }, dependencies: { config: '*' } }));
      const web = await resolveTurboPlan({ workspaceRoot: copy, tasks: ['build'], filter: ['web'], log: memoryLogger() });
      const w = web.tasks.find((t) => t.id === 'web#build')!;
      expect(w.dependsOn).toEqual(['lib#build']);
      expect(w.dependencyInputs).toEqual(expect.arrayContaining(['packages/config', 'packages/lib/src']));
      const p = await resolveTurboPlan({ workspaceRoot: copy, tasks: ['build', 'dev'], filter: ['app'], log: memoryLogger() });
      const by = Object.fromEntries(p.tasks.map((t) => [t.id, t]));
      expect(by['config#build']).toBeUndefined(); // nothing runs for it
      // Its only file is folded into the folder (every file under it is an input).
      expect(by['app#build'].dependencyInputs).toContain('packages/config');
      expect(by['app#dev'].cacheable).toBe(false);
      expect(by['app#build'].cacheable).toBeUndefined();
    } finally {
      removeWorkspace(copy);
    }
  });

  it('covers the files of the workspace packages the root package.json depends on (turbo\'s global hash), transitively', async () => {
    const copy = installFixture('turbo-workspace');
    try {
      // next-auth's shape: the root depends on `shared` (no build script; its tsconfig and a generator
      // script are used by lib's build, which does not depend on it). shared depends on `base`.
      const write = (rel: string, text: string) => {
        mkdirSync(path.dirname(path.join(copy, rel)), { recursive: true });
        writeFileSync(path.join(copy, rel), text);
      };
      write('packages/shared/package.json', JSON.stringify({ name: 'shared', version: '1.0.0', private: true, dependencies: { base: '*' } }));
      write('packages/shared/tsconfig.json', '{ "compilerOptions": { "strict": true } }\n');
      write('packages/shared/scripts/gen.js', 'console.log("gen")\n');
      write('packages/base/package.json', JSON.stringify({ name: 'base', version: '1.0.0', private: true }));
      write('packages/base/rules.json', '{}\n');
      // How npm links workspace packages (the fixture was installed before they existed).
      symlinkSync('../packages/shared', path.join(copy, 'node_modules/shared'));
      symlinkSync('../packages/base', path.join(copy, 'node_modules/base'));
      const rootPkg = path.join(copy, 'package.json');
      const original = readFileSync(rootPkg, 'utf8');
      const lib = (p: Plan) => p.tasks.find((t) => t.id === 'lib#build')!;
      const covered = (p: Plan, rel: string) => readCoveredBy(coverageModel(p).get('lib#build')!, rel);

      const without = await resolveTurboPlan({ workspaceRoot: copy, tasks: ['build'], filter: ['lib'], log: memoryLogger() });
      expect(covered(without, 'packages/shared/tsconfig.json')).toBeUndefined();
      // Control: without the root dependency turbo does not hash shared's files for lib.
      writeFileSync(path.join(copy, 'packages/shared/tsconfig.json'), '{ "compilerOptions": { "strict": true, "noEmit": true } }\n');
      const again = await resolveTurboPlan({ workspaceRoot: copy, tasks: ['build'], filter: ['lib'], log: memoryLogger() });
      expect(lib(again).identity).toEqual(lib(without).identity);

      writeFileSync(rootPkg, JSON.stringify({ ...JSON.parse(original), devDependencies: { ...JSON.parse(original).devDependencies, shared: '*' } }, null, 2));
      const plan = await resolveTurboPlan({ workspaceRoot: copy, tasks: ['build'], filter: ['lib'], log: memoryLogger() });
      expect(lib(plan).dependencyInputs).toEqual(expect.arrayContaining(['packages/base', 'packages/shared']));
      for (const rel of ['packages/shared/tsconfig.json', 'packages/shared/scripts/gen.js', 'packages/shared/package.json', 'packages/base/rules.json']) {
        expect(covered(plan, rel)).toBe('dependency');
      }
      // What turbo itself does: an edit in shared, or in base (shared's dependency), changes lib's hash.
      const hash = async () => lib(await resolveTurboPlan({ workspaceRoot: copy, tasks: ['build'], filter: ['lib'], log: memoryLogger() })).identity!.TURBO_HASH;
      const h0 = lib(plan).identity!.TURBO_HASH;
      writeFileSync(path.join(copy, 'packages/shared/tsconfig.json'), '{ "compilerOptions": { "strict": false } }\n');
      const h1 = await hash();
      expect(h1).not.toBe(h0);
      writeFileSync(path.join(copy, 'packages/base/rules.json'), '{ "x": 1 }\n');
      expect(await hash()).not.toBe(h1);
    } finally {
      removeWorkspace(copy);
    }
  });

  it('runs the dry run through the build\'s launcher, whose variables a task env may hash (npx, npm run <script>)', async () => {
    const copy = installFixture('turbo-workspace');
    const saved = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('npm_')));
    for (const k of Object.keys(saved)) delete process.env[k]; // as in a plain shell (vitest may run under npm)
    try {
      const file = path.join(copy, 'turbo.json');
      const tj = JSON.parse(readFileSync(file, 'utf8'));
      tj.tasks.build.env = ['npm_config_user_agent'];
      writeFileSync(file, JSON.stringify(tj, null, 2));
      const rootPkg = path.join(copy, 'package.json');
      writeFileSync(rootPkg, JSON.stringify({ ...JSON.parse(readFileSync(rootPkg, 'utf8')), scripts: { build: 'turbo run build --filter=lib' } }, null, 2));
      const hash = async (command: string[]) =>
        (await resolvePlan({ spec: 'turbo', cwd: copy, command, log: memoryLogger() })).tasks.find((t) => t.id === 'lib#build')!.identity!.TURBO_HASH;
      const direct = await hash(['turbo', 'run', 'build', '--filter=lib']);
      const npx = await hash(['npx', 'turbo', 'run', 'build', '--filter=lib']);
      // What the build's own turbo hashes under npx.
      const real = JSON.parse(execFileSync('npx', ['turbo', 'run', 'build', '--filter=lib', '--dry=json'], { cwd: copy, encoding: 'utf8', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } }));
      expect(npx).toBe(real.tasks.find((t: { taskId: string }) => t.taskId === 'lib#build').hash);
      expect(npx).not.toBe(direct);
      // `npm run build` whose script runs turbo: npm sets the same user agent for the script.
      expect(await hash(['npm', 'run', 'build'])).toBe(npx);
    } finally {
      Object.assign(process.env, saved);
      removeWorkspace(copy);
    }
  });

  it('skips the launcher when no env entry can name a variable it sets: the same hashes, without starting npx', async () => {
    const copy = installFixture('turbo-workspace');
    const saved = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('npm_')));
    for (const k of Object.keys(saved)) delete process.env[k];
    try {
      const log = memoryLogger();
      const plan = await resolvePlan({ spec: 'turbo', cwd: copy, command: ['npx', 'turbo', 'run', 'build'], log });
      expect(log.lines.join('\n')).not.toMatch(/running `npx turbo/);
      const real = JSON.parse(execFileSync('npx', ['turbo', 'run', 'build', '--dry=json'], { cwd: copy, encoding: 'utf8', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } }));
      const runnable = (real.tasks as { taskId: string; hash: string; command: string }[]).filter((t) => t.command !== '<NONEXISTENT>');
      expect(runnable.length).toBeGreaterThanOrEqual(2);
      for (const t of runnable) expect(plan.tasks.find((p) => p.id === t.taskId)?.identity?.TURBO_HASH).toBe(t.hash);
    } finally {
      Object.assign(process.env, saved);
      removeWorkspace(copy);
    }
  });

  it('tells which env entries may name a launcher variable: names, prefixes, wildcards; negations and others not', () => {
    const dry = (globalEnv: string[], taskEnv: string[], configured: string[] = []): DryRun => ({
      globalCacheInputs: { environmentVariables: { specified: { env: globalEnv } } },
      tasks: [{ taskId: 'a#build', task: 'build', package: 'a', hash: 'h', directory: 'a', command: 'x', inputs: null, outputs: null, excludedOutputs: null, dependencies: null, environmentVariables: { specified: { env: taskEnv }, configured } }],
    });
    expect(launcherVariablesNamed(dry(['NODE_ENV', 'CI'], ['API_URL', 'NEXT_PUBLIC_*', '!npm_*']))).toEqual([]);
    expect(launcherVariablesNamed(dry(['PATH'], ['npm_config_user_agent'], ['PNPM_HOME=abc']))).toEqual(['PATH', 'PNPM_HOME', 'npm_config_user_agent']);
    expect(launcherVariablesNamed(dry([], ['*']))).toEqual(['*']);
    expect(launcherVariablesNamed(dry([], ['NODE*', 'npm_lifecycle_*', 'MY.VAR*']))).toEqual(['NODE*', 'npm_lifecycle_*']);
  });

  it('passes the build\'s task-selecting flags to the dry run: --only, --affected', async () => {
    const only = await resolveTurboPlan({ workspaceRoot: ws, tasks: ['build'], filter: ['app'], runFlags: ['--only'], log: memoryLogger() });
    expect(only.tasks.map((t) => t.id)).toEqual(['app#build']);
    // --affected: what changed against main (a real git repository), and the packages that depend on it.
    const git = (...a: string[]) => execFileSync('git', a, { cwd: ws, stdio: 'ignore', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: ws } });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'init');
    const main = join(ws, 'packages/app/src/main.js');
    const original = readFileSync(main, 'utf8');
    try {
      writeFileSync(main, `${original}// changed\n`);
      const affected = await resolveTurboPlan({ workspaceRoot: ws, tasks: ['build', 'docs'], runFlags: ['--affected'], log: memoryLogger() });
      expect(affected.tasks.map((t) => t.id)).toEqual(['app#build', 'lib#build']);
      const all = await resolveTurboPlan({ workspaceRoot: ws, tasks: ['build', 'docs'], log: memoryLogger() });
      expect(all.tasks.map((t) => t.id)).toEqual(['app#build', 'docs#docs', 'lib#build']);
    } finally {
      writeFileSync(main, original);
      rmSync(join(ws, '.git'), { recursive: true, force: true });
    }
  });

  it('names an unknown task', async () => {
    const err = await resolveTurboPlan({ workspaceRoot: ws, tasks: ['deploy'], log: memoryLogger() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(/Turborepo task "deploy" is not defined in .*turbo\.json/);
  });

  it('says turbo is missing and how to fix it', async () => {
    const bare = copyFixtureSources('turbo-workspace');
    try {
      await expect(resolveTurboPlan({ workspaceRoot: bare, tasks: ['build'], log: memoryLogger() })).rejects.toThrow(
        /turbo is not installed in the workspace .*npm i -D turbo/,
      );
    } finally {
      removeWorkspace(bare);
    }
  });
});

describe('parseTurboCommand', () => {
  it.each([
    [['npx', 'turbo', 'run', 'build'], { tasks: ['build'], launcher: ['npx'] }],
    [['pnpm', 'exec', 'turbo', 'build'], { tasks: ['build'], launcher: ['pnpm', 'exec'] }],
    [['turbo', 'build', 'test'], { tasks: ['build', 'test'] }],
    [['pnpm', 'turbo', 'run', 'build', '--filter=app', '-F', 'lib...'], { tasks: ['build'], launcher: ['pnpm'], filter: ['app', 'lib...'] }],
    [['yarn', 'turbo', 'run', 'build', '--filter', 'app', '--concurrency', '2', '--force'], { tasks: ['build'], launcher: ['yarn'], filter: ['app'] }],
    [['npx', 'turbo', 'run', 'test', '--', '--coverage'], { tasks: ['test'], launcher: ['npx'], passThroughArgs: ['--coverage'] }],
    [['node_modules/.bin/turbo', 'run', 'lint', '--dry=json'], { tasks: ['lint'] }],
    [['turbo', '--cwd', 'x', 'run', 'build'], { tasks: ['build'], runFlags: ['--cwd=x'] }],
    // Flags that choose tasks or change hashes reach the dry run as given; output/execution ones do not.
    [['npx', 'turbo', 'run', 'build', '--affected', '--only', '--global-deps', 'tsconfig.json', '--ui=stream', '--summarize', '--concurrency=2'], { tasks: ['build'], launcher: ['npx'], runFlags: ['--affected', '--only', '--global-deps=tsconfig.json'] }],
    [['turbo', 'run', 'build', '--env-mode=loose', '--framework-inference=false', '-F', 'app'], { tasks: ['build'], filter: ['app'], runFlags: ['--env-mode=loose', '--framework-inference=false'] }],
    [['turbo', 'run', 'build', '--root-turbo-json', 'ci/turbo.json', '--log-file', '--experimental-otel-endpoint', 'http://x'], { tasks: ['build'], runFlags: ['--root-turbo-json=ci/turbo.json'] }],
  ])('%j', (argv, expected) => {
    expect(parseTurboCommand(argv)).toEqual(expected);
  });

  it.each([[['turbo', 'prune', 'app']], [['npx', 'nx', 'run-many', '-t', 'build']], [['turbo']], [['turbo', 'run']]])('is undefined for %j', (argv) => {
    expect(parseTurboCommand(argv)).toBeUndefined();
  });
});

describe("the root's workspace dependencies without node_modules links (a filtered install)", () => {
  it('finds them, transitively, from the workspace globs and package names, as turbo does', () => {
    const root = mkdtempSync(join(tmpdir(), 'io-trace-rootdeps-'));
    try {
      const write = (rel: string, text: string) => {
        mkdirSync(path.dirname(join(root, rel)), { recursive: true });
        writeFileSync(join(root, rel), text);
      };
      // astro's shape: root -> benchmark -> astro -> helpers; nothing is installed.
      write('package.json', JSON.stringify({ name: 'root', private: true, devDependencies: { 'my-benchmark': 'workspace:*' } }));
      write('pnpm-workspace.yaml', "packages:\n  - 'packages/*'\n  - 'benchmark'\n  - '!**/fixtures/**'\n");
      write('benchmark/package.json', JSON.stringify({ name: 'my-benchmark', dependencies: { astro: 'workspace:*' } }));
      write('packages/astro/package.json', JSON.stringify({ name: 'astro', dependencies: { '@x/helpers': 'workspace:*', react: '^19' } }));
      write('packages/helpers/package.json', JSON.stringify({ name: '@x/helpers' }));
      write('packages/unrelated/package.json', JSON.stringify({ name: 'unrelated' }));
      // Outside the globs, or excluded: never a workspace package, whatever its name.
      write('templates/starter/package.json', JSON.stringify({ name: '@x/helpers' }));
      write('packages/astro/fixtures/a/package.json', JSON.stringify({ name: 'astro' }));
      execFileSync('git', ['-C', root, 'init', '-q']);
      expect(rootInternalDependencies(root)).toEqual(['benchmark', 'packages/astro', 'packages/helpers']);
      expect([...workspaceMembers(root)].sort()).toEqual([
        ['@x/helpers', 'packages/helpers'],
        ['astro', 'packages/astro'],
        ['my-benchmark', 'benchmark'],
        ['unrelated', 'packages/unrelated'],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('where a task field is declared: a root `pkg#task` entry replaces the generic `task` entry', () => {
  it('points at the `pkg#task` entry (its line, "not set") and never at the generic entry it does not inherit (field four: hydrogen)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'io-trace-turbo-locate-'));
    try {
      const turboJson = ['{', '  "tasks": {', '    "build": {', '      "inputs": ["src/**"],', '      "outputs": ["dist/**"]', '    },', '    "cli#build": {', '      "dependsOn": ["codegen#build"]', '    }', '  }', '}', ''];
      writeFileSync(join(dir, 'turbo.json'), turboJson.join('\n'));
      const loc = new TurboLocator(dir);
      expect(loc.locate('cli', 'packages/cli', 'build', 'outputs')).toEqual({ file: 'turbo.json', line: 7, what: 'tasks["cli#build"].outputs (not set: Turborepo default)' });
      expect(loc.locate('cli', 'packages/cli', 'build', 'dependsOn')).toEqual({ file: 'turbo.json', line: 8, what: 'tasks["cli#build"].dependsOn' });
      // A package without its own entry takes the generic one.
      expect(loc.locate('lib', 'packages/lib', 'build', 'outputs')).toEqual({ file: 'turbo.json', line: 5, what: 'tasks["build"].outputs' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
