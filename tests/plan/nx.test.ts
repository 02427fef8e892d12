import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/logger.js';
import { MIN_NX_MAJOR, parseNxCommand, resolveNxPlan } from '../../src/plan/nx.js';
import type { Plan, PlanTask } from '../../src/plan/types.js';
import { copyFixtureSources, installFixture, removeWorkspace } from '../fixtures/install.js';

function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: (m) => lines.push(`debug ${m}`), info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
}

const NON_FILE = [
  { type: 'env', value: 'NX_CLOUD_ENCRYPTION_KEY' },
  { type: 'external', value: 'AllExternalDependencies' },
];
const id = (project: string, target: string, configuration?: string) => ({
  NX_TASK_TARGET_PROJECT: project,
  NX_TASK_TARGET_TARGET: target,
  ...(configuration ? { NX_TASK_TARGET_CONFIGURATION: configuration } : {}),
});
const notSet = (file: string, line: number, what: string) => ({ file, line, what: `${what} (not set: Nx default)` });

const EXPECTED: PlanTask[] = [
  {
    id: 'app:build',
    project: 'app',
    target: 'build',
    projectRoot: 'packages/app',
    inputs: ['.gitignore', 'nx.json', 'packages/app/src', 'tools/fsops.cjs', 'packages/lib/dist/**/*.js'],
    nonFileInputs: NON_FILE as PlanTask['nonFileInputs'],
    outputs: ['packages/app/dist'],
    dependsOn: ['lib:build'],
    identity: id('app', 'build'),
    declaredAt: {
      inputs: { file: 'packages/app/package.json', line: 12, what: 'nx.targets.build.inputs' },
      outputs: { file: 'nx.json', line: 11, what: 'targetDefaults.build.outputs' },
      dependsOn: { file: 'nx.json', line: 9, what: 'targetDefaults.build.dependsOn' },
    },
  },
  {
    id: 'app:bundle:production',
    project: 'app',
    target: 'bundle',
    configuration: 'production',
    projectRoot: 'packages/app',
    inputs: ['.gitignore', 'nx.json', 'tools/fsops.cjs', 'packages/app/dist/**/*.js'],
    nonFileInputs: NON_FILE as PlanTask['nonFileInputs'],
    outputs: ['packages/app/bundle', 'packages/app/bundle.stats.json'],
    dependsOn: ['app:build'],
    identity: id('app', 'bundle', 'production'),
    declaredAt: {
      inputs: { file: 'packages/app/package.json', line: 21, what: 'nx.targets.bundle.inputs' },
      outputs: { file: 'packages/app/package.json', line: 22, what: 'nx.targets.bundle.outputs' },
      dependsOn: { file: 'packages/app/package.json', line: 20, what: 'nx.targets.bundle.dependsOn' },
    },
  },
  {
    id: 'app:test',
    project: 'app',
    target: 'test',
    projectRoot: 'packages/app',
    inputs: ['.gitignore', 'nx.json', 'packages/app/src', 'packages/app/test', 'test-setup.json', 'tools/fsops.cjs'],
    nonFileInputs: NON_FILE as PlanTask['nonFileInputs'],
    outputs: [],
    dependsOn: [],
    identity: id('app', 'test'),
    declaredAt: {
      inputs: { file: 'packages/app/package.json', line: 31, what: 'nx.targets.test.inputs' },
      outputs: { file: 'packages/app/package.json', line: 37, what: 'nx.targets.test.outputs' },
      dependsOn: notSet('packages/app/package.json', 29, 'nx.targets.test.dependsOn'),
    },
  },
  {
    id: 'docs:docs',
    project: 'docs',
    target: 'docs',
    projectRoot: 'packages/docs',
    inputs: ['.gitignore', 'nx.json', 'packages/docs/docs.config.json', 'packages/docs/pages', 'tools/fsops.cjs'],
    nonFileInputs: NON_FILE as PlanTask['nonFileInputs'],
    outputs: ['packages/docs/site'],
    dependsOn: [],
    identity: id('docs', 'docs'),
    declaredAt: {
      inputs: { file: 'nx.json', line: 15, what: 'targets.docs.inputs inferred by plugin docs-plugin from packages/docs/docs.config.json' },
      outputs: { file: 'nx.json', line: 15, what: 'targets.docs.outputs inferred by plugin docs-plugin from packages/docs/docs.config.json' },
      dependsOn: { file: 'nx.json', line: 15, what: 'targets.docs.dependsOn (not set by plugin docs-plugin: Nx default)' },
    },
  },
  {
    id: 'lib:build',
    project: 'lib',
    target: 'build',
    projectRoot: 'packages/lib',
    inputs: ['.gitignore', 'nx.json', 'packages/lib/src', 'tools/fsops.cjs'],
    nonFileInputs: NON_FILE as PlanTask['nonFileInputs'],
    outputs: ['packages/lib/dist'],
    dependsOn: [],
    identity: id('lib', 'build'),
    declaredAt: {
      inputs: { file: 'nx.json', line: 10, what: 'targetDefaults.build.inputs' },
      outputs: { file: 'nx.json', line: 11, what: 'targetDefaults.build.outputs' },
      dependsOn: { file: 'nx.json', line: 9, what: 'targetDefaults.build.dependsOn' },
    },
  },
  ...(['format', 'lint', 'size'] as const).map((t): PlanTask => {
    const line = { lint: 9, size: 15, format: 21 }[t];
    return {
      id: `lib:${t}`,
      project: 'lib',
      target: t,
      projectRoot: 'packages/lib',
      inputs: t === 'size' ? ['.gitignore', 'nx.json', 'tools/fsops.cjs'] : ['.gitignore', 'nx.json', 'packages/lib/src', 'tools/fsops.cjs'],
      nonFileInputs: NON_FILE as PlanTask['nonFileInputs'],
      outputs: [],
      dependsOn: [],
      identity: id('lib', t),
      declaredAt: {
        inputs: { file: 'packages/lib/project.json', line: line + 2, what: `targets.${t}.inputs` },
        outputs: { file: 'packages/lib/project.json', line: line + 3, what: `targets.${t}.outputs` },
        dependsOn: notSet('packages/lib/project.json', line, `targets.${t}.dependsOn`),
      },
    };
  }),
];

describe('resolveNxPlan on tests/fixtures/nx-workspace', () => {
  let ws: string;
  let plan: Plan;
  let ms: number;

  beforeAll(async () => {
    ws = installFixture('nx-workspace');
    const started = Date.now();
    plan = await resolveNxPlan({
      workspaceRoot: ws,
      targets: ['build', 'lint', 'size', 'format', 'bundle', 'test', 'docs'],
      log: memoryLogger(),
    });
    ms = Date.now() - started;
    console.log(`nx plan resolution (8 tasks, one project graph): ${ms} ms`);
  });
  afterAll(() => ws && removeWorkspace(ws));

  it('resolves every task exactly as Nx hashes it, with where it is declared', () => {
    expect(plan.source).toBe('nx');
    expect(plan.workspaceRoot).toBe(ws);
    expect(plan.toolVersion).toBe('24.0.6');
    expect(plan.tasks.map(({ commands: _, declaredInputs: _d, namedInputs: _n, ...t }) => t)).toEqual(EXPECTED);
    // What the coverage model and the fixes need: the declared inputs as written (before Nx resolves them
    // to files), the named inputs they use, and whether Nx caches the task (every fixture target does).
    const lib = plan.tasks.find((t) => t.id === 'lib:build')!;
    expect(lib.declaredInputs).toEqual(['production', '^production', '{workspaceRoot}/tools/fsops.cjs']);
    expect(lib.namedInputs).toMatchObject({ default: ['{projectRoot}/**/*'], production: ['{projectRoot}/src/**/*'] });
    expect(plan.tasks.filter((t) => t.cacheable === false)).toEqual([]);
    // run-commands tasks carry the shell command nx starts (attribution fallback).
    expect(plan.tasks.find((t) => t.id === 'lib:lint')?.commands).toEqual(['node tools/fsops.cjs readtree:packages/lib/src read:lint-rules.json']);
  });

  it('loads the project graph once for all tasks (well under a per-task CLI call each)', () => {
    expect(ms).toBeLessThan(5000);
  });

  it('plans an explicit task with its dependency tasks', async () => {
    const log = memoryLogger();
    const p = await resolveNxPlan({ workspaceRoot: ws, tasks: ['app:bundle'], log });
    expect(p.tasks.map((t) => t.id)).toEqual(['app:build', 'app:bundle:production', 'lib:build']);
    expect(log.lines.some((l) => /planned 3 Nx task\(s\) with nx 24\.0\.6 in \d+ ms/.test(l))).toBe(true);
  });

  it('plans run-many -p: only the named projects (and their dependencies)', async () => {
    const p = await resolveNxPlan({ workspaceRoot: ws, targets: ['build'], projects: ['app'], log: memoryLogger() });
    expect(p.tasks.map((t) => t.id)).toEqual(['app:build', 'lib:build']);
  });

  it('marks targets Nx never caches (cache unset or false, continuous) as not cacheable', async () => {
    const copy = installFixture('nx-workspace');
    try {
      const pj = join(copy, 'packages/lib/project.json');
      const proj = JSON.parse(readFileSync(pj, 'utf8'));
      proj.targets.serve = { command: 'true', continuous: true };
      proj.targets.clean = { command: 'true', cache: false };
      proj.targets.check = { command: 'true' };
      writeFileSync(pj, JSON.stringify(proj, null, 2));
      const p = await resolveNxPlan({ workspaceRoot: copy, tasks: ['lib:serve', 'lib:clean', 'lib:check', 'lib:lint'], log: memoryLogger() });
      const by = Object.fromEntries(p.tasks.map((t) => [t.id, t.cacheable]));
      expect(by).toEqual({ 'lib:serve': false, 'lib:clean': false, 'lib:check': false, 'lib:lint': undefined });
    } finally {
      removeWorkspace(copy);
    }
  });

  it('selects -p and --exclude projects with nx\'s own matcher: globs, directories, negation', async () => {
    const ids = async (o: { projects?: string[]; exclude?: string[] }) =>
      (await resolveNxPlan({ workspaceRoot: ws, targets: ['build', 'lint'], ...o, log: memoryLogger() })).tasks.map((t) => t.id);
    expect(await ids({})).toEqual(['app:build', 'lib:build', 'lib:lint']);
    expect(await ids({ exclude: ['packages/app'] })).toEqual(['lib:build', 'lib:lint']);
    expect(await ids({ exclude: ['packages/**'] }).catch((e: Error) => e.message)).toMatch(/no project among \(none left\) has a target "build" or "lint"/);
    expect(await ids({ projects: ['packages/a*'] })).toEqual(['app:build', 'lib:build']); // lib:build: a dependency
    expect(await ids({ projects: ['*', '!app'] })).toEqual(['lib:build', 'lib:lint']);
    expect(await ids({ projects: ['l*'], exclude: ['lib'] }).catch((e: Error) => e.message)).toMatch(/no project among \(none left\)/);
    await expect(ids({ projects: ['packages/zz*'] })).rejects.toThrow(/no project matches "packages\/zz\*" \(projects: app, docs, lib\)/);
    await expect(ids({ projects: ['nope'] })).rejects.toThrow(/project "nope" does not exist in this Nx workspace/);
  });

  it('gives the same plan through the `nx show target` fallback', async () => {
    const log = memoryLogger();
    const p = await resolveNxPlan({ workspaceRoot: ws, tasks: ['app:bundle', 'docs:docs', 'lib:size'], method: 'cli', log });
    const ids = ['app:build', 'app:bundle:production', 'docs:docs', 'lib:build', 'lib:size'];
    expect(p.tasks.map(({ declaredInputs: _d, ...t }) => t)).toEqual(EXPECTED.filter((t) => ids.includes(t.id)));
    // `nx show target` gives the inputs with named inputs already expanded: the same files, no names.
    expect(p.tasks.find((t) => t.id === 'app:build')!.declaredInputs).toEqual(
      expect.arrayContaining(['{projectRoot}/src/**/*', '{workspaceRoot}/tools/fsops.cjs', { dependentTasksOutputFiles: '**/*.js', transitive: true }]),
    );
  });

  it('names an unknown project, target or configuration', async () => {
    const log = memoryLogger();
    await expect(resolveNxPlan({ workspaceRoot: ws, tasks: ['nope:build'], log })).rejects.toThrow(
      /project "nope" does not exist in this Nx workspace \(projects: app, docs, lib\)/,
    );
    await expect(resolveNxPlan({ workspaceRoot: ws, tasks: ['lib:deploy'], log })).rejects.toThrow(/project "lib" has no target "deploy"/);
    await expect(resolveNxPlan({ workspaceRoot: ws, targets: ['deploy'], log })).rejects.toThrow(ConfigurationError);
    await expect(resolveNxPlan({ workspaceRoot: ws, targets: ['deploy'], log })).rejects.toThrow(/no project has a target "deploy"/);
    await expect(resolveNxPlan({ workspaceRoot: ws, tasks: ['app:bundle:staging'], log })).rejects.toThrow(/has no configuration "staging"/);
  });
});

describe('resolveNxPlan with a broken workspace', () => {
  it('reports nx failing to build the graph as a configuration error with the cause', async () => {
    const ws = installFixture('nx-workspace');
    try {
      writeFileSync(join(ws, 'nx.json'), '{ "plugins": [ "./tools/no-such-plugin.cjs" ] }');
      const err = await resolveNxPlan({ workspaceRoot: ws, targets: ['build'], log: memoryLogger() }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigurationError);
      expect((err as Error).message).toMatch(/nx 24\.0\.6 in .* failed while computing the project graph or task inputs:[\s\S]*no-such-plugin[\s\S]*npx nx show projects/);
    } finally {
      removeWorkspace(ws);
    }
  });
});

// nx 21.2-22.5 describe a task's inputs only as the hash planner's lines (src/plan/nx-hash-plan.ts): the
// same fixture, installed with such an nx, must give the plan 24.0.6 gives.
describe.each(['21.2.4', '22.1.3'])('resolveNxPlan with nx %s (the hash plan as lines)', (version) => {
  it('resolves every task as 24.0.6 does', async () => {
    const ws = installFixture('nx-workspace', { devDependencies: { nx: version } });
    try {
      const log = memoryLogger();
      const older = await resolveNxPlan({ workspaceRoot: ws, targets: ['build', 'lint', 'size', 'format', 'bundle', 'test', 'docs'], log });
      expect(older.toolVersion).toBe(version);
      const norm = (t: Plan['tasks'][number]) => ({ ...t, declaredAt: undefined, commands: undefined, declaredInputs: undefined, namedInputs: undefined });
      expect(older.tasks.map(norm)).toEqual(EXPECTED.map(norm));
    } finally {
      removeWorkspace(ws);
    }
  }, 240_000);
});

describe('resolveNxPlan with an nx older than supported', () => {
  it('says which nx is required and which was found, instead of nx\'s own help text', async () => {
    const ws = copyFixtureSources('nx-workspace');
    try {
      mkdirSync(join(ws, 'node_modules', 'nx'), { recursive: true });
      writeFileSync(join(ws, 'node_modules', 'nx', 'package.json'), JSON.stringify({ name: 'nx', version: '20.8.2' }));
      const err = await resolveNxPlan({ workspaceRoot: ws, targets: ['build'], log: memoryLogger() }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigurationError);
      expect((err as Error).message).toMatch(new RegExp(`^nx >= ${MIN_NX_MAJOR} required \\(found 20\\.8\\.2 at `));
    } finally {
      removeWorkspace(ws);
    }
  });
});

describe('resolveNxPlan without nx installed', () => {
  it('says nx is missing and how to fix it', async () => {
    const ws = copyFixtureSources('nx-workspace');
    try {
      const err = await resolveNxPlan({ workspaceRoot: ws, targets: ['build'], log: memoryLogger() }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigurationError);
      expect((err as Error).message).toMatch(/nx is not installed in the workspace .*npm ci/);
    } finally {
      removeWorkspace(ws);
    }
  });
});

describe('parseNxCommand', () => {
  it.each([
    [['npx', 'nx', 'run', 'app:build'], { kind: 'run', targets: ['build'], projects: ['app'], tasks: ['app:build'] }],
    [['nx', 'run', 'app:build:production'], { kind: 'run', targets: ['build'], projects: ['app'], tasks: ['app:build:production'], configuration: 'production' }],
    [['nx', 'run', 'app:build', '-c', 'ci'], { kind: 'run', targets: ['build'], projects: ['app'], tasks: ['app:build:ci'], configuration: 'ci' }],
    [['npx', 'nx', 'run-many', '-t', 'build', 'test', '-p', 'app', 'lib', '--parallel=3'], { kind: 'run-many', targets: ['build', 'test'], projects: ['app', 'lib'] }],
    [['pnpm', 'nx', 'run-many', '--targets=build,lint', '--skip-nx-cache'], { kind: 'run-many', targets: ['build', 'lint'] }],
    [['yarn', 'nx', 'run-many', '--target', 'build', '--projects', 'a,b', '--exclude', 'c'], { kind: 'run-many', targets: ['build'], projects: ['a', 'b'], exclude: ['c'] }],
    [['npx', 'nx', 'run-many', '-t', 'build', '--exclude=examples/**,tag:e2e', '-p', 'packages/*', '!legacy'], { kind: 'run-many', targets: ['build'], projects: ['packages/*', '!legacy'], exclude: ['examples/**', 'tag:e2e'] }],
    [['npx', 'nx', 'run-many', '-t', 'build', '--all'], { kind: 'run-many', targets: ['build'] }],
    [['npx', 'nx', 'affected', '-t', 'build', 'test', '--base=main'], { kind: 'affected', targets: ['build', 'test'] }],
    [['nx', 'build', 'app'], { kind: 'target', targets: ['build'], projects: ['app'], tasks: ['app:build'] }],
    [['pnpm', 'exec', 'nx', 'build'], { kind: 'target', targets: ['build'] }],
    [['npx', 'nx', 'app:build'], { kind: 'run', targets: ['build'], projects: ['app'], tasks: ['app:build'] }],
    [['node', 'node_modules/nx/bin/nx.js', 'run-many', '-t', 'build'], { kind: 'run-many', targets: ['build'] }],
    [['npx', '--yes', 'nx', 'run-many', '-t', 'build', '--parallel', '2', '--verbose'], { kind: 'run-many', targets: ['build'] }],
  ])('%j', (argv, expected) => {
    expect(parseNxCommand(argv)).toEqual(expected);
  });

  it.each([[['npm', 'run', 'build']], [['npx', 'turbo', 'run', 'build']], [['nx', 'graph']], [['nx', 'show', 'projects']], [['nx']], [['nx', 'run-many']]])(
    'is undefined for %j',
    (argv) => {
      expect(parseNxCommand(argv)).toBeUndefined();
    },
  );
});
