/**
 * The false-finding patterns of issue 8, each over synthetic accesses on a real temp workspace: what the
 * tools really hash (dependency inputs), tasks that are never cached, outputs judged by what exists,
 * tool caches and arguable reads, one finding per root cause, fixes that follow each tool's merge rules,
 * and unused inputs named by their declared pattern.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { analyse, type AnalysisInput } from '../../src/analysis/analyse.js';
import { IgnoreMatcher, emptyIgnoreRules } from '../../src/config/ignore.js';
import type { AccessOp } from '../../src/core/events.js';
import type { Plan, PlanTask } from '../../src/plan/types.js';
import type { TaskAccess } from '../../src/store/store.js';
import { makeWorkspace } from '../helpers/workspace.js';

let ws: ReturnType<typeof makeWorkspace>;
afterEach(() => ws?.cleanup());

let clock = 1000;
function acc(taskId: string, op: AccessOp, rel: string): TaskAccess {
  const ts = clock++;
  return { procKey: 1, path: path.posix.join(ws.root, rel), op, errno: 0, count: 1, firstTs: ts, lastTs: ts, taskId, role: 'task' };
}

function task(id: string, over: Partial<PlanTask> = {}): PlanTask {
  const [project, target] = id.split(/[:#]/);
  return { id, project, target, projectRoot: `packages/${project}`, inputs: [`packages/${project}/src/**`], outputs: [`packages/${project}/dist/**`], dependsOn: [], ...over };
}

function run(source: Plan['source'], tasks: PlanTask[], accesses: TaskAccess[], over: Partial<AnalysisInput> = {}) {
  return analyse({
    plan: { source, workspaceRoot: ws.root, tasks },
    accesses,
    ignore: new IgnoreMatcher(emptyIgnoreRules()),
    processCounts: new Map(tasks.map((t) => [t.id, 1])),
    ...over,
  });
}

const brief = (fs: { task: string; type: string; path: string; severity: string }[]) => fs.map((f) => `${f.severity} ${f.task} ${f.type} ${f.path}`);

describe('coverage model: what the tool really hashes', () => {
  it('turbo: files in a dependency task\'s inputs (also a no-op dependency) are covered through its hash', () => {
    ws = makeWorkspace({ 'packages/lib/package.json': '{}', 'packages/tsconfig/base.json': '{}', 'packages/app/src/a.ts': '', 'packages/app/dist/a.js': '' });
    const app = task('app#build', { dependsOn: ['lib#build'], dependencyInputs: ['packages/lib/package.json', 'packages/tsconfig/base.json'] });
    const r = run('turbo', [task('lib#build'), app], [
      acc('app#build', 'read', 'packages/app/src/a.ts'),
      acc('app#build', 'read', 'packages/lib/package.json'),
      acc('app#build', 'read', 'packages/tsconfig/base.json'),
      acc('app#build', 'create', 'packages/app/dist/a.js'),
    ]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    // Without the dependency inputs the same reads are findings (the test can fail).
    const before = run('turbo', [task('lib#build'), { ...app, dependencyInputs: [] }], [acc('app#build', 'read', 'packages/tsconfig/base.json'), acc('app#build', 'create', 'packages/app/dist/a.js')]);
    expect(brief(before.findings.filter((f) => f.severity === 'error'))).toEqual(['error app#build unexpected_read packages/tsconfig/base.json']);
  });

  it('a task the tool never caches is not-cacheable and its I/O is not graded', () => {
    ws = makeWorkspace({ 'config.json': '', 'packages/app/.dev/x': '' });
    const r = run('nx', [task('app:dev', { cacheable: false })], [acc('app:dev', 'read', 'config.json'), acc('app:dev', 'create', 'packages/app/.dev/x')]);
    expect(r.tasks).toEqual([{ taskId: 'app:dev', status: 'not-cacheable', reads: 1, writes: 1, findings: 0 }]);
    expect(r.findings).toEqual([]);
  });
});

describe('missing_output: judged by what exists after the run', () => {
  it('an up-to-date incremental build (tsc -b) wrote nothing, but its outputs exist: no finding', () => {
    ws = makeWorkspace({ 'packages/app/src/a.ts': '', 'packages/app/dist/a.js': '' });
    const r = run('nx', [task('app:build')], [acc('app:build', 'read', 'packages/app/src/a.ts')]);
    expect(r.findings.filter((f) => f.type === 'missing_output')).toEqual([]);
  });

  it('a shared output list naming a folder this task never writes is not a finding when its files landed in another output', () => {
    ws = makeWorkspace({ 'nx.json': '{}' });
    const shared = { outputs: { file: 'turbo.json', line: 4, what: 'tasks["build"].outputs' } };
    const mk = (p: string) => task(`${p}#build`, { outputs: [`packages/${p}/.next/**`, `packages/${p}/dist/**`], declaredAt: shared });
    const r = run('turbo', [mk('a'), mk('b')], [acc('a#build', 'create', 'packages/a/dist/x.js'), acc('b#build', 'create', 'packages/b/.next/y.js')]);
    expect(r.findings).toEqual([]);
  });

  it("the tool's default output list (not set by the user) is treated as a shared list", () => {
    ws = makeWorkspace({});
    const t = task('app:build', { outputs: ['dist/packages/app', 'packages/app/dist'], declaredAt: { outputs: { file: 'packages/app/project.json', what: 'targets.build.outputs (not set: Nx default)' } } });
    const r = run('nx', [t], [acc('app:build', 'create', 'packages/app/dist/a.js')]);
    expect(r.findings).toEqual([]);
  });

  it('judges each pattern of a shared list on its own: an unrelated uncovered write is no reason to warn about the others', () => {
    // next-auth: root outputs ["dist/**", "lib/**", ...] for 30 packages; a task whose files landed in lib/**
    // and that also wrote a file no output covers got one missing_output warning per empty pattern.
    ws = makeWorkspace({ 'packages/a/lib/x.js': '', 'packages/b/lib/x.js': '', 'packages/a/tmp/y.txt': '', 'packages/b/tmp/y.txt': '' });
    const shared = { outputs: { file: 'turbo.json', line: 4, what: 'tasks["build"].outputs' } };
    const mk = (p: string) => task(`${p}#build`, { outputs: [`packages/${p}/dist/**`, `packages/${p}/lib/**`], declaredAt: shared });
    const r = run('turbo', [mk('a'), mk('b')], [
      acc('a#build', 'create', 'packages/a/lib/x.js'),
      acc('a#build', 'create', 'packages/a/tmp/y.txt'),
      acc('b#build', 'create', 'packages/b/lib/x.js'),
      acc('b#build', 'create', 'packages/b/tmp/y.txt'),
    ]);
    expect(r.findings.filter((f) => f.type === 'missing_output')).toEqual([]);
    expect(brief(r.findings)).toEqual(['error a#build unexpected_write packages/**/y.txt']);
  });

  it('a shared list none of whose patterns holds anything, in several tasks that write elsewhere: one grouped warning', () => {
    ws = makeWorkspace({ 'packages/a/out/x.js': '', 'packages/b/out/x.js': '' });
    const shared = { outputs: { file: 'turbo.json', line: 4, what: 'tasks["build"].outputs' } };
    const mk = (p: string) => task(`${p}#build`, { outputs: [`packages/${p}/dist/**`], declaredAt: shared });
    const r = run('turbo', [mk('a'), mk('b')], [acc('a#build', 'create', 'packages/a/out/x.js'), acc('b#build', 'create', 'packages/b/out/x.js')]);
    const missing = r.findings.filter((f) => f.type === 'missing_output');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'warning', tasks: ['a#build', 'b#build'] });
    expect(missing[0].message).toMatch(/^2 tasks \(a#build, b#build\) declare output dist\/\*\*/);
  });

  it('warns when the task produced something no output covers (the empty pattern is the likely typo)', () => {
    ws = makeWorkspace({ 'packages/app/build/a.js': '' });
    const r = run('nx', [task('app:build', { outputs: ['packages/app/dist'] })], [acc('app:build', 'create', 'packages/app/build/a.js')]);
    expect(brief(r.findings)).toEqual(['error app:build unexpected_write packages/app/build/a.js', 'warning app:build missing_output packages/app/dist']);
  });
});

describe('tool caches and arguable reads', () => {
  it('never suggests putting a tool cache into inputs, and ranks it below real bugs', () => {
    ws = makeWorkspace({ 'packages/app/.eslintcache': '{}', 'packages/app/tsconfig.tsbuildinfo': '{}', 'lint.json': '' });
    const r = run('turbo', [task('app#lint', { outputs: [] })], [
      acc('app#lint', 'read', 'packages/app/.eslintcache'),
      acc('app#lint', 'read', 'packages/app/tsconfig.tsbuildinfo'),
      acc('app#lint', 'read', 'lint.json'),
      acc('app#lint', 'write', 'packages/app/.eslintcache'),
      acc('app#lint', 'write', 'packages/app/tsconfig.tsbuildinfo'), // tsc -b reads its state, then writes it
    ]);
    expect(r.findings[0]).toMatchObject({ severity: 'error', type: 'unexpected_read', path: 'lint.json' });
    for (const f of r.findings.slice(1)) {
      expect(f.severity).not.toBe('error');
      expect(f.fix?.field).not.toBe('inputs');
      expect(f.fix?.summary).toMatch(/do not add .* to inputs|out of inputs/);
    }
    const tsb = r.findings.find((f) => f.path.endsWith('.tsbuildinfo'))!;
    expect(tsb.fix).toMatchObject({ field: 'outputs', add: ['tsconfig.tsbuildinfo'] });
    expect(tsb.message).toMatch(/incremental build state/);
  });

  it('a tsbuildinfo the task only reads (another build wrote it) is never suggested as its input or output (field: supabase typecheck)', () => {
    ws = makeWorkspace({ 'packages/tracing/dist/tsconfig.tsbuildinfo': '{}' });
    const r = run('nx', [task('tracing:typecheck', { outputs: [] })], [acc('tracing:typecheck', 'read', 'packages/tracing/dist/tsconfig.tsbuildinfo')]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'info', fix: { field: 'ignore' } });
    expect(r.findings[0].fix?.summary).not.toMatch(/add .* to "(inputs|outputs)"/);
  });

  it('Node reading the root package.json for the module type is info, with the reason', () => {
    ws = makeWorkspace({ 'package.json': '{}', 'packages/app/src/a.js': '', 'packages/app/dist/a.js': '' });
    const r = run('nx', [task('app:build')], [acc('app:build', 'read', 'package.json'), acc('app:build', 'read', 'packages/app/src/a.js'), acc('app:build', 'create', 'packages/app/dist/a.js')]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'info', type: 'unexpected_read', path: 'package.json', reason: expect.stringMatching(/module "type"/) });
  });
});

describe('field patterns (notes/field.md)', () => {
  it('F2: the root package.json read by every build for the module type is one info finding, not one per task', () => {
    ws = makeWorkspace({ 'package.json': '{}' });
    const at = { inputs: { file: 'turbo.json', line: 3 } };
    const tasks = ['a', 'b', 'c'].map((p) => task(`${p}#build`, { outputs: [], declaredAt: at }));
    const r = run('turbo', tasks, tasks.map((t) => acc(t.id, 'read', 'package.json')));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'info', tasks: ['a#build', 'b#build', 'c#build'], fix: { field: 'ignore' } });
  });

  it('M1: a task whose script runs a root script (pnpm -w run X) takes its command from the root package.json: an error with a workspace-wide fix', () => {
    // hono: every package's build is `pnpm -w run build:pkg`; editing the root script left every hash unchanged.
    const pkg = (script: string) => JSON.stringify({ name: 'x', scripts: { build: script } });
    ws = makeWorkspace({
      'package.json': JSON.stringify({ scripts: { 'build:pkg': 'node build.js' } }),
      'turbo.json': '{\n  "tasks": {\n    "build": {}\n  }\n}\n',
      'packages/a/package.json': pkg('pnpm -w run build:pkg'),
      'packages/b/package.json': pkg('pnpm --workspace-root build:pkg'),
      'packages/c/package.json': pkg('tsc'),
    });
    const at = { inputs: { file: 'turbo.json', line: 3, what: 'tasks["build"].inputs (not set: Turborepo default)' } };
    const tasks = ['a', 'b', 'c'].map((p) => task(`${p}#build`, { outputs: [], declaredAt: at }));
    const r = run('turbo', tasks, tasks.map((t) => acc(t.id, 'read', 'package.json')));
    expect(brief(r.findings)).toEqual(['error a#build unexpected_read package.json', 'info c#build unexpected_read package.json']);
    expect(r.findings[0]).toMatchObject({ tasks: ['a#build', 'b#build'], fix: { add: ['package.json'] } });
    expect(r.findings[0].fix?.summary).toMatch(/globalDependencies/);
    expect(r.findings[1].reason).toMatch(/module "type"/);
  });

  it('P2: gitignored files a task generates and compiles itself (read by no other task) are intermediates: info, never an outputs glob', () => {
    // next-auth: `node ../utils/scripts/providers` writes gitignored src/providers/*.ts stubs that the same
    // task's tsc compiles into its declared outputs; the suggested fix was "src/**" as outputs.
    ws = makeWorkspace({
      '.gitignore': 'node_modules\npackages/app/src/gen/\n',
      'packages/app/src/index.ts': 'export {}\n',
      'packages/app/src/gen/a.ts': '',
      'packages/app/src/gen/b.ts': '',
      'packages/app/src/gen/c.ts': '',
      'packages/app/dist/index.js': '',
    });
    const git = (...a: string[]) => execFileSync('git', a, { cwd: ws.root, stdio: 'ignore', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: ws.root } });
    git('init', '-q');
    git('add', '-A');
    // turbo's default inputs: the package's git-tracked files (the gitignored stubs are not among them).
    const t = task('app#build', { inputs: ['packages/app/src/index.ts'] });
    const gen = ['a', 'b', 'c'].map((n) => `packages/app/src/gen/${n}.ts`);
    const accesses = [
      acc(t.id, 'read', 'packages/app/src/index.ts'),
      ...gen.map((f) => acc(t.id, 'create', f)),
      ...gen.map((f) => acc(t.id, 'read', f)),
      acc(t.id, 'create', 'packages/app/dist/index.js'),
    ];
    const r = run('turbo', [t], accesses);
    expect(brief(r.findings)).toEqual(['info app#build unexpected_write packages/app/src/gen/**']);
    expect(r.findings[0]).toMatchObject({ count: 3, reason: expect.stringMatching(/generated and consumed inside the task/), fix: { field: 'ignore', add: ['packages/app/src/gen/**'] } });
    // Another task reading them makes them a product (the intermediate rule does not apply).
    const other = task('web#build', { projectRoot: 'packages/web', inputs: [], outputs: [] });
    const shared = run('turbo', [t, other], [...accesses, acc(other.id, 'read', gen[0])]);
    expect(brief(shared.findings.filter((f) => f.type === 'unexpected_write'))).toEqual([
      'error app#build unexpected_write packages/app/src/gen/a.ts',
      'info app#build unexpected_write packages/app/src/gen/**',
    ]);
    // Its fix never names a folder holding tracked sources (src/** would restore over src/index.ts).
    expect(shared.findings.find((f) => f.severity === 'error' && f.type === 'unexpected_write')?.fix?.add).toEqual(['src/gen/**']);
  });

  it('F6 safety net: package-manager configuration (.npmrc, pnpm-workspace.yaml) read inside a task is info', () => {
    ws = makeWorkspace({ '.npmrc': '', 'pnpm-workspace.yaml': '' });
    const t = task('app:build', { outputs: [] });
    const r = run('nx', [t], [acc(t.id, 'read', '.npmrc'), acc(t.id, 'read', 'pnpm-workspace.yaml')]);
    expect(r.findings.map((f) => f.severity)).toEqual(['info']);
    expect(r.findings[0]).toMatchObject({ count: 2, reason: expect.stringMatching(/package-manager configuration/) });
  });

  it('F3: @rollup/plugin-typescript\'s .rollup.cache is a tool cache (info), never an output or input to add', () => {
    ws = makeWorkspace({ 'packages/js/.rollup.cache/x/dist/a.js': '', 'packages/js/.rollup.cache/x/dist/b.js': '', 'packages/js/dist/a.js': '' });
    const r = run('turbo', [task('js#build')], [
      acc('js#build', 'create', 'packages/js/.rollup.cache/x/dist/a.js'),
      acc('js#build', 'create', 'packages/js/.rollup.cache/x/dist/b.js'),
      acc('js#build', 'create', 'packages/js/dist/a.js'),
    ]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'info', type: 'unexpected_write', count: 2, fix: { field: 'ignore' } });
  });

  it('F7: svelte-package staging files under .svelte-kit are an intermediate (info), not an undeclared output', () => {
    ws = makeWorkspace({ 'packages/svelte-store/.svelte-kit/__package__/a.js': '', 'packages/svelte-store/dist/a.js': '' });
    const t = task('svelte-store:build');
    const r = run('nx', [t], [acc(t.id, 'create', 'packages/svelte-store/.svelte-kit/__package__/a.js'), acc(t.id, 'create', 'packages/svelte-store/dist/a.js')]);
    expect(brief(r.findings)).toEqual(['info svelte-store:build unexpected_write packages/svelte-store/.svelte-kit/__package__/a.js']);
  });

  it('F4: a resolver crawling every tsconfig/package.json is info, but the config the task\'s tsconfig extends stays an error', () => {
    const files: Record<string, string> = {
      'tsconfig.base.json': '{}',
      'tsconfig.json': '{}',
      'packages/logging/tsconfig.json': '{\n  // shared settings\n  "extends": "../../tsconfig.base.json"\n}\n',
      'packages/logging/dist/x.js': '',
    };
    for (const d of ['examples/vue', 'examples/next', 'e2e/a', 'integration', 'packages/js']) Object.assign(files, { [`${d}/tsconfig.json`]: '{}', [`${d}/package.json`]: '{}' });
    ws = makeWorkspace(files);
    const t = task('logging#build', { outputs: [], inputs: ['packages/logging/src/**', 'packages/logging/tsconfig.json'] });
    const r = run('turbo', [t], Object.keys(files).filter((f) => f.endsWith('.json')).map((f) => acc(t.id, 'read', f)));
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.path)).toEqual(['tsconfig.base.json']);
    const crawl = r.findings.filter((f) => f.severity === 'info' && /vite-tsconfig-paths/.test(f.reason ?? ''));
    expect(crawl).toHaveLength(1);
    expect(crawl[0]).toMatchObject({ count: 10 });
    // The root tsconfig.json, above a project with its own: shadowed (its own info reason).
    expect(r.findings.filter((f) => f.severity === 'info' && f !== crawl[0]).map((f) => [f.path, f.reason])).toEqual([['tsconfig.json', expect.stringMatching(/shadowed/)]]);
  });
});

describe('one finding per root cause', () => {
  it('505 writes under one dist/ are one finding with a count, samples and one fix', () => {
    const files = Array.from({ length: 505 }, (_, i) => `packages/p/dist/m${i}.js`);
    ws = makeWorkspace(Object.fromEntries(files.map((f) => [f, ''])));
    const r = run('nx', [task('p:build', { outputs: ['packages/p/dist/**/*.ts'] })], files.map((f) => acc('p:build', 'create', f)));
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ type: 'unexpected_write', path: 'packages/p/dist/**', count: 505, fix: { add: ['{projectRoot}/dist/**'] } });
    expect(errors[0].samples).toHaveLength(10);
    expect(errors[0].message).toMatch(/505 files under packages\/p\/dist\/\*\*/);
  });

  it('a root file read by many tasks declared in one shared place is one finding with one edit there', () => {
    ws = makeWorkspace({ 'tsconfig.base.json': '' });
    const at = { inputs: { file: 'turbo.json', line: 3, what: 'tasks["build"].inputs' } };
    const tasks = ['a', 'b', 'c'].map((p) => task(`${p}#build`, { declaredAt: at, outputs: [] }));
    const r = run('turbo', tasks, tasks.map((t) => acc(t.id, 'read', 'tsconfig.base.json')));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ type: 'unexpected_read', tasks: ['a#build', 'b#build', 'c#build'], fix: { file: 'turbo.json', line: 3, add: ['$TURBO_ROOT$/tsconfig.base.json'] } });
  });

  it("each project's own tsconfig.json missing from a shared inputs list is one finding with one edit", () => {
    ws = makeWorkspace({ 'packages/a/tsconfig.json': '', 'packages/b/tsconfig.json': '' });
    const at = { inputs: { file: 'nx.json', line: 9, what: 'targetDefaults.build.inputs' } };
    const tasks = ['a', 'b'].map((p) => task(`${p}:build`, { declaredAt: at, outputs: [] }));
    const r = run('nx', tasks, tasks.map((t) => acc(t.id, 'read', `packages/${t.project}/tsconfig.json`)));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ path: 'packages/**/tsconfig.json', count: 2, tasks: ['a:build', 'b:build'], fix: { add: ['{projectRoot}/tsconfig.json'], file: 'nx.json', line: 9 } });
  });

  it('a root file read by many tasks whose inputs are the tool default goes to turbo globalDependencies (field: tsconfig-base.json x 15)', () => {
    ws = makeWorkspace({ 'tsconfig-base.json': '', 'turbo.json': '{\n  "globalDependencies": [".env*"],\n  "tasks": {}\n}\n' });
    const at = { inputs: { file: 'turbo.json', line: 3, what: 'tasks["build"].inputs (not set: Turborepo default)' } };
    const tasks = ['a', 'b', 'c'].map((p) => task(`${p}#build`, { declaredAt: at, outputs: [] }));
    const r = run('turbo', tasks, tasks.map((t) => acc(t.id, 'read', 'tsconfig-base.json')));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'error', tasks: ['a#build', 'b#build', 'c#build'], fix: { add: ['tsconfig-base.json'], file: 'turbo.json', line: 2 } });
  });

  it('a root file read by tasks declared in different places is one workspace-wide fix (turbo globalDependencies, Nx sharedGlobals)', () => {
    ws = makeWorkspace({ 'tsconfig.base.json': '', 'turbo.json': '{\n  "globalDependencies": [],\n  "tasks": {}\n}\n', 'nx.json': '{\n  "namedInputs": {\n    "sharedGlobals": []\n  }\n}\n' });
    const tasks = ['a', 'b'].flatMap((p) => ['build', 'lint'].map((t) => task(`${p}#${t}`, { outputs: [], declaredAt: { inputs: { file: 'turbo.json', line: t === 'build' ? 3 : 7 } } })));
    const reads = tasks.map((t) => acc(t.id, 'read', 'tsconfig.base.json'));
    const turbo = run('turbo', tasks, reads);
    expect(turbo.findings).toHaveLength(1);
    expect(turbo.findings[0]).toMatchObject({ tasks: ['a#build', 'a#lint', 'b#build', 'b#lint'], fix: { add: ['tsconfig.base.json'], file: 'turbo.json', line: 2, summary: expect.stringMatching(/globalDependencies/) } });
    const nxTasks = tasks.map((t) => ({ ...t, id: t.id.replace('#', ':') }));
    const nx = run('nx', nxTasks, nxTasks.map((t) => acc(t.id, 'read', 'tsconfig.base.json')));
    expect(nx.findings).toHaveLength(1);
    expect(nx.findings[0].fix).toMatchObject({ add: ['{workspaceRoot}/tsconfig.base.json'], file: 'nx.json', line: 3, summary: expect.stringMatching(/sharedGlobals/) });
  });

  it('a task reading many files another task produces, without depending on it, is one finding', () => {
    const files = ['packages/lib/dist/a.js', 'packages/lib/dist/b.js', 'packages/lib/dist/sub/c.js'];
    ws = makeWorkspace(Object.fromEntries(files.map((f) => [f, ''])));
    const r = run('turbo', [task('lib#build'), task('app#build', { outputs: [] })], [...files.map((f) => acc('lib#build', 'create', f)), ...files.map((f) => acc('app#build', 'read', f))]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ type: 'undeclared_dependency', path: 'packages/lib/dist/**', count: 3, otherTask: 'lib#build', fix: { add: ['lib#build'] } });
  });

  it('every real finding is listed: errors come first and nothing is cut', () => {
    ws = makeWorkspace({ 'a.json': '', 'b.json': '', 'packages/x/README.md': '' });
    const r = run('file', [task('x:build', { inputs: ['packages/x/src/**', 'packages/x/README.md'], outputs: [] })], [acc('x:build', 'read', 'a.json'), acc('x:build', 'read', 'b.json')]);
    expect(r.findings.map((f) => f.severity)).toEqual(['error', 'error', 'info']);
  });
});

describe('one finding per tree read outside the project (field four: hydrogen, astro)', () => {
  // hydrogen: the cli's build copies a template package into its dist and bundles part of another
  // package's source: 86 + 33 reads came out as 22 findings, each with its own (conflicting) fix.
  const skeleton = ['templates/skeleton/app/routes/a.tsx', 'templates/skeleton/app/routes/b.tsx', 'templates/skeleton/app/components/c.tsx', 'templates/skeleton/guides/search/search.md', 'templates/skeleton/public/.gitkeep', 'templates/skeleton/package.json', 'templates/skeleton/tsconfig.json'];
  const vite = ['packages/hydrogen/src/vite/plugin.ts', 'packages/hydrogen/src/vite/virtual-routes/components/x.tsx', 'packages/hydrogen/src/vite/virtual-routes/assets/y.svg', 'packages/hydrogen/src/types.d.ts'];
  const at = { inputs: { file: 'turbo.json', line: 36, what: 'tasks["cli#build"].inputs (not set: Turborepo default)' } };

  it("a task's reads of a tree (a workspace package, else a top folder) are one finding named by the deepest folder holding them, with one fix", () => {
    ws = makeWorkspace({ ...Object.fromEntries([...skeleton, ...vite, 'templates/skeleton/.npmrc'].map((f) => [f, ''])), 'packages/hydrogen/package.json': '{}', 'packages/cli/package.json': '{}' });
    const cli = task('cli#build', { outputs: [], declaredAt: at });
    const r = run('turbo', [cli], [...skeleton, ...vite, 'templates/skeleton/.npmrc'].map((f) => acc(cli.id, 'read', f)));
    expect(brief(r.findings)).toEqual(['error cli#build unexpected_read templates/skeleton/**', 'error cli#build unexpected_read packages/hydrogen/src/**']);
    // The template's .npmrc (package-manager configuration, info on its own) is one of the copied files.
    expect(r.findings[0]).toMatchObject({ count: 8, fix: { add: ['$TURBO_ROOT$/templates/skeleton/**'], file: 'turbo.json', line: 36 } });
    expect(r.findings[0].fix?.summary).toContain('"$TURBO_DEFAULT$"');
    expect(r.findings[1]).toMatchObject({ count: 4, fix: { add: ['$TURBO_ROOT$/packages/hydrogen/src/**'] } });
    // Without an unarguable read in that tree, the same .npmrc stays info.
    const alone = run('turbo', [cli], [acc(cli.id, 'read', 'templates/skeleton/.npmrc')]);
    expect(brief(alone.findings)).toEqual(['info cli#build unexpected_read templates/skeleton/.npmrc']);
  });

  it('tasks declared in one place reading files of one shared folder are one finding, whichever files each read (astro configs/)', () => {
    ws = makeWorkspace({ 'configs/tsconfig.base.json': '', 'configs/tsconfig.build.json': '', 'configs/tsconfig.test.json': '' });
    const shared = { inputs: { file: 'turbo.json', line: 21, what: 'tasks["build"].inputs' } };
    const tasks = ['a', 'b', 'c', 'prism'].map((p) => task(`${p}#build`, { outputs: [], declaredInputs: ['**/*', '!test/**/*'], declaredAt: shared }));
    const reads = tasks.flatMap((t) => ['base', 'build', ...(t.project === 'prism' ? [] : ['test'])].map((n) => acc(t.id, 'read', `configs/tsconfig.${n}.json`)));
    const r = run('turbo', tasks, reads);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ path: 'configs/**', count: 3, tasks: tasks.map((t) => t.id).sort(), fix: { add: ['$TURBO_ROOT$/configs/**'], file: 'turbo.json', line: 21 } });
    // An existing explicit list: nothing to say about turbo's default inputs.
    expect(r.findings[0].fix?.summary).not.toContain('$TURBO_DEFAULT$');
  });

  it('a shared folder outside every package read by tasks declared in different places is one workspace-wide entry', () => {
    ws = makeWorkspace({ 'configs/a.json': '', 'configs/b.json': '', 'turbo.json': '{\n  "globalDependencies": [],\n  "tasks": {}\n}\n' });
    const build = task('x#build', { outputs: [], declaredAt: { inputs: { file: 'turbo.json', line: 3, what: 'tasks["build"].inputs' } } });
    const lint = task('x#lint', { outputs: [], declaredAt: { inputs: { file: 'turbo.json', line: 7, what: 'tasks["lint"].inputs' } } });
    const r = run('turbo', [build, lint], [acc(build.id, 'read', 'configs/a.json'), acc(lint.id, 'read', 'configs/b.json')]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ tasks: ['x#build', 'x#lint'], count: 2, fix: { add: ['configs/**'], file: 'turbo.json', line: 2, summary: expect.stringMatching(/globalDependencies/) } });
  });

  it('an arguable read is one info finding whatever the places its tasks are declared in (the fix is the same: none)', () => {
    ws = makeWorkspace({ 'package.json': '{}' });
    const tasks = ['a', 'b', 'c'].map((p, i) => task(`${p}#build`, { outputs: [], declaredAt: { inputs: { file: 'turbo.json', line: 3 + i * 4 } } }));
    const r = run('turbo', tasks, tasks.map((t) => acc(t.id, 'read', 'package.json')));
    expect(brief(r.findings)).toEqual(['info a#build unexpected_read package.json']);
    expect(r.findings[0].tasks).toEqual(['a#build', 'b#build', 'c#build']);
  });

  it('outputs that the inputs also match (a `**/*` list over a built dist/), in tasks declared in one place, are one input_mutation finding with one exclusion (astro re-check)', () => {
    const files = ['a', 'b'].flatMap((p) => ['index.js', 'index.d.ts', 'util.js'].map((f) => `packages/${p}/dist/${f}`));
    ws = makeWorkspace(Object.fromEntries(files.map((f) => [f, 'x'])));
    const shared = { inputs: { file: 'turbo.json', line: 21, what: 'tasks["build"].inputs' }, outputs: { file: 'turbo.json', line: 32, what: 'tasks["build"].outputs' } };
    const tasks = ['a', 'b'].map((p) => task(`${p}#build`, { inputs: [`packages/${p}/**`], outputs: [`packages/${p}/dist/**`], declaredInputs: ['**/*'], declaredAt: shared }));
    const r = run('turbo', tasks, files.map((f) => acc(f.split('/')[1] + '#build', 'create', f)));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ type: 'input_mutation', severity: 'warning', path: 'packages/**/dist/**', count: 6, tasks: ['a#build', 'b#build'], fix: { add: ['!dist/**'], file: 'turbo.json', line: 21 } });
  });

  it("turbo: a package's own list, created for a task whose inputs were turbo's default (an empty list in --dry=json), keeps \"$TURBO_DEFAULT$\"", () => {
    ws = makeWorkspace({ 'packages/a/extra.json': '' });
    const at2 = { inputs: { file: 'turbo.json', line: 5, what: 'tasks["build"].inputs' } };
    const mk = (p: string) => task(`${p}#build`, { outputs: [], declaredInputs: [], declaredAt: at2 });
    const r = run('turbo', [mk('a'), mk('b')], [acc('a#build', 'read', 'packages/a/extra.json')]);
    expect(r.findings[0].fix).toMatchObject({ file: 'packages/a/turbo.json', set: ['$TURBO_DEFAULT$', 'extra.json'] });
  });
});

describe('fixes follow the tool\'s merge rules', () => {
  it('Nx: a target without inputs gets the defaults kept; a project-specific path goes to the project, with targetDefaults\' list kept', () => {
    ws = makeWorkspace({ 'packages/app/project.json': '{\n  "targets": {\n    "build": {}\n  }\n}\n', 'packages/app/extra.json': '', 'packages/lib/package.json': '{}' });
    const named = { default: ['{projectRoot}/**/*'], production: ['default'] };
    const notSet = task('app:test', { outputs: [], namedInputs: named, declaredAt: { inputs: { file: 'packages/app/project.json', line: 3, what: 'targets.test.inputs (not set: Nx default)' } } });
    const td = { inputs: { file: 'nx.json', line: 9, what: 'targetDefaults.build.inputs' } };
    const appBuild = task('app:build', { outputs: [], declaredInputs: ['production', '^production'], namedInputs: named, declaredAt: td });
    const libBuild = task('lib:build', { outputs: [], declaredInputs: ['production', '^production'], namedInputs: named, declaredAt: td });
    const r = run('nx', [notSet, appBuild, libBuild], [acc('app:test', 'read', 'packages/app/extra.json'), acc('app:build', 'read', 'packages/lib/package.json')]);
    const test = r.findings.find((f) => f.task === 'app:test')!;
    expect(test.fix).toMatchObject({ file: 'packages/app/project.json', set: ['default', '^default', '{projectRoot}/extra.json'] });
    const build = r.findings.find((f) => f.task === 'app:build')!;
    expect(build.fix).toMatchObject({ file: 'packages/app/project.json', line: 3, set: ['production', '^production', '{workspaceRoot}/packages/lib/package.json'] });
  });

  it('Nx: a plugin-inferred target keeps the inferred inputs, in the project\'s own config (not the plugin entry in nx.json)', () => {
    ws = makeWorkspace({ 'packages/app/package.json': '{}', 'tsconfig.build.json': '' });
    const t = task('app:typecheck', {
      outputs: [],
      declaredInputs: ['production', '^production', { externalDependencies: ['typescript'] }],
      declaredAt: { inputs: { file: 'nx.json', line: 12, what: 'targets.typecheck.inputs inferred by plugin @nx/js/typescript from packages/app/tsconfig.json' } },
    });
    const r = run('nx', [t], [acc('app:typecheck', 'read', 'tsconfig.build.json')]);
    expect(r.findings[0].fix).toMatchObject({
      file: 'packages/app/package.json',
      set: ['production', '^production', '{"externalDependencies":["typescript"]}', '{workspaceRoot}/tsconfig.build.json'],
    });
    expect(r.findings[0].fix?.summary).toContain('{"externalDependencies":["typescript"]}, "{workspaceRoot}/tsconfig.build.json"');
    expect(r.findings[0].fix?.summary).toMatch(/nx\.targets\.typecheck\.inputs/);
  });

  it('turbo: a path one package needs goes into its own turbo.json, keeping the root list in turbo syntax', () => {
    ws = makeWorkspace({ 'packages/a/extra.json': '' });
    const at = { inputs: { file: 'turbo.json', line: 5, what: 'tasks["build"].inputs' } };
    const mk = (p: string) => task(`${p}#build`, { outputs: [], declaredInputs: ['../../tools/x.cjs', 'src/**'], declaredAt: at });
    const r = run('turbo', [mk('a'), mk('b')], [acc('a#build', 'read', 'packages/a/extra.json')]);
    expect(r.findings[0].fix).toMatchObject({ file: 'packages/a/turbo.json', set: ['$TURBO_ROOT$/tools/x.cjs', 'src/**', 'extra.json'] });
  });

  it('nx: a file a negation of a named input leaves out gets "narrow the negation", not an add that Nx would ignore (TanStack/form)', () => {
    const nxJson = ['{', '  "namedInputs": {', '    "default": [', '      "sharedGlobals",', '      "{projectRoot}/**/*",', '      "!{projectRoot}/**/*.md"', '    ],', '    "production": ["default", "!{projectRoot}/tests/**/*"],', '    "sharedGlobals": []', '  }', '}', ''].join('\n');
    ws = makeWorkspace({ 'nx.json': nxJson, 'packages/angular-form/README.md': '# x\n', 'packages/angular-form/package.json': '{}' });
    const namedInputs = { default: ['sharedGlobals', '{projectRoot}/**/*', '!{projectRoot}/**/*.md'], production: ['default', '!{projectRoot}/tests/**/*'], sharedGlobals: [] };
    const t = task('angular-form:build', { declaredInputs: ['production', '^production'], namedInputs, declaredAt: { inputs: { file: 'packages/angular-form/package.json', line: 1, what: 'nx.targets.build.inputs' } } });
    const r = run('nx', [t], [acc('angular-form:build', 'read', 'packages/angular-form/README.md'), acc('angular-form:build', 'create', 'packages/angular-form/dist/README.md')]);
    const f = r.findings.find((x) => x.path === 'packages/angular-form/README.md')!;
    expect(f).toMatchObject({ type: 'unexpected_read', severity: 'error' });
    // The line of the negation itself.
    expect(f.fix).toMatchObject({ field: 'inputs', file: 'nx.json', line: 6, manual: expect.any(String) });
    expect(f.fix!.summary).toMatch(/^narrow the negation "!\{projectRoot\}\/\*\*\/\*\.md" of the named input "default" \(nx\.json:6\) so that it no longer matches packages\/angular-form\/README\.md/);
    expect(f.fix!.add).toBeUndefined();
    // No negation matches a file elsewhere in the project: the usual add.
    ws.write('packages/angular-form/extra.json', '{}');
    const other = run('nx', [{ ...t, declaredInputs: ['{projectRoot}/src/**/*', '!{projectRoot}/**/*.md'] }], [acc('angular-form:build', 'read', 'packages/angular-form/extra.json'), acc('angular-form:build', 'create', 'packages/angular-form/dist/a.js')]);
    expect(other.findings.find((x) => x.path === 'packages/angular-form/extra.json')!.fix).toMatchObject({ add: ['{projectRoot}/extra.json'] });
  });

  it('turbo input_mutation: add to outputs and exclude from inputs, so the finding goes away', () => {
    ws = makeWorkspace({ 'packages/app/src/gen.ts': '' });
    const r = run('turbo', [task('app#build', { outputs: [] })], [acc('app#build', 'write', 'packages/app/src/gen.ts')]);
    expect(r.findings[0]).toMatchObject({ type: 'input_mutation', severity: 'warning', fix: { field: 'outputs', add: ['src/gen.ts'], also: [{ field: 'inputs', add: ['!src/gen.ts'] }] } });
    // Applying the fix: the finding goes away.
    const fixed = run('turbo', [task('app#build', { inputs: ['packages/app/src/**', '!packages/app/src/gen.ts'], outputs: ['packages/app/src/gen.ts'] })], [acc('app#build', 'write', 'packages/app/src/gen.ts')]);
    expect(fixed.findings).toEqual([]);
  });

  it('a file both declared input and output: the message says what it costs (a clean and a built checkout never share an entry), not that the hash changes every run', () => {
    ws = makeWorkspace({ 'packages/app/dist/index.js': '' });
    const r = run('turbo', [task('app#build', { inputs: ['packages/app/**'], outputs: ['packages/app/dist/**'] })], [acc('app#build', 'write', 'packages/app/dist/index.js')]);
    expect(r.findings[0]).toMatchObject({ type: 'input_mutation', severity: 'warning' });
    expect(r.findings[0].message).toMatch(/both a declared input and output of it: its hash includes what it wrote, so a clean checkout and a built one never share a cache entry$/);
  });

  it('a byte-identical rewrite (content equals git\'s copy) is not "the hash changes every run"', () => {
    ws = makeWorkspace({ 'packages/app/src/util.js': 'x\n', 'packages/app/src/other.js': 'y\n' });
    const git = (...a: string[]) => execFileSync('git', ['-C', ws.root, '-c', 'user.email=t@e', '-c', 'user.name=t', ...a], { stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'x');
    ws.write('packages/app/src/other.js', 'changed\n');
    const r = run('nx', [task('app:format', { outputs: [] })], [acc('app:format', 'write', 'packages/app/src/util.js'), acc('app:format', 'write', 'packages/app/src/other.js')]);
    const by = Object.fromEntries(r.findings.map((f) => [f.path, f]));
    expect(by['packages/app/src/util.js']).toMatchObject({ type: 'input_mutation', severity: 'info', reason: expect.stringMatching(/same content/) });
    expect(by['packages/app/src/other.js']).toMatchObject({ type: 'input_mutation', severity: 'warning' });
  });
});

describe('unused_input names the declared pattern', () => {
  it('a pattern whose touched file an exclusion takes out (input_mutation fixed) is still in use', () => {
    ws = makeWorkspace({ 'packages/lib/src/index.js': '', 'packages/lib/src/util.js': '' });
    const t = task('lib#format', { inputs: ['packages/lib/src/**', '!packages/lib/src/util.js'], outputs: ['packages/lib/src/util.js'], declaredInputs: ['src/**', '!src/util.js'] });
    const r = run('turbo', [t], [acc(t.id, 'write', 'packages/lib/src/util.js')]);
    expect(r.findings).toEqual([]);
  });

  it('names `{workspaceRoot}/tools/** via sharedGlobals`, once for every task using it, and never a ^ input', () => {
    ws = makeWorkspace({ 'tools/a.js': '', 'tools/b.js': '', 'packages/a/src/x.ts': '', 'packages/b/src/x.ts': '', 'nx.json': '{\n  "namedInputs": {\n    "sharedGlobals": ["{workspaceRoot}/tools/**"]\n  }\n}\n' });
    const named = { default: ['{projectRoot}/**/*', 'sharedGlobals'], sharedGlobals: ['{workspaceRoot}/tools/**'], production: ['default'] };
    const mk = (p: string) =>
      task(`${p}:build`, { inputs: [`packages/${p}`, 'tools', 'packages/b'], outputs: [], declaredInputs: ['production', '^production'], namedInputs: named });
    const r = run('nx', [mk('a'), mk('b')], [acc('a:build', 'read', 'packages/a/src/x.ts'), acc('b:build', 'read', 'packages/b/src/x.ts')]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ type: 'unused_input', path: '{workspaceRoot}/tools/** via sharedGlobals', count: 2, tasks: ['a:build', 'b:build'], fix: { file: 'nx.json', line: 3 } });
    expect(r.findings[0].path).not.toBe('.');
  });
});

describe('held-out Nx repositories (notes/field-heldout2-nx.md)', () => {
  it('N1: tsc -b\'s tsbuildinfo under the same undeclared dist/ is part of that one finding, not a second warning', () => {
    const files = ['packages/p/dist/a.js', 'packages/p/dist/a.js.map', 'packages/p/dist/a.d.ts', 'packages/p/dist/tsconfig.build.tsbuildinfo'];
    ws = makeWorkspace(Object.fromEntries(files.map((f) => [f, ''])));
    const r = run('nx', [task('p:build', { outputs: ['packages/p/dist/**/*.ts'] })], files.map((f) => acc('p:build', 'create', f)));
    expect(brief(r.findings)).toEqual(['error p:build unexpected_write packages/p/dist/**']);
    expect(r.findings[0]).toMatchObject({ count: 3, fix: { field: 'outputs', add: ['{projectRoot}/dist/**'] } });
    expect(r.findings[0].samples).toContain('packages/p/dist/tsconfig.build.tsbuildinfo');
  });

  it('N2: a tsbuildinfo written outside every declared output (@nx/js:tsc beside outputPath) is compiler state, info; beside the outputs it stays a warning', () => {
    ws = makeWorkspace({ 'dist/packages/lib/index.js': '', 'dist/tsconfig.lib.tsbuildinfo': '{}' });
    const lib = task('lib:build', { outputs: ['dist/packages/lib'] });
    const r = run('nx', [lib], [acc(lib.id, 'create', 'dist/packages/lib/index.js'), acc(lib.id, 'create', 'dist/tsconfig.lib.tsbuildinfo')]);
    expect(brief(r.findings)).toEqual(['info lib:build unexpected_write dist/tsconfig.lib.tsbuildinfo']);
    expect(r.findings[0]).toMatchObject({ reason: expect.stringMatching(/compiler state.*outside the task's declared outputs/), fix: { field: 'outputs', add: ['{workspaceRoot}/dist/tsconfig.lib.tsbuildinfo'] } });
    expect(r.findings[0].message).toMatch(/only makes the next real build a full one/);
    expect(r.findings[0].fix?.summary).toMatch(/^do not add .* to inputs; nothing to change for correctness, optionally/);
    // Next to the files a cache hit restores (outputs name only the .js), a stale copy can make tsc -b skip work.
    ws.cleanup();
    ws = makeWorkspace({ 'packages/lib/dist/index.js': '', 'packages/lib/dist/tsconfig.tsbuildinfo': '{}' });
    const beside = task('lib:build', { outputs: ['packages/lib/dist/**/*.js'] });
    const r2 = run('nx', [beside], [acc(beside.id, 'create', 'packages/lib/dist/index.js'), acc(beside.id, 'create', 'packages/lib/dist/tsconfig.tsbuildinfo')]);
    expect(brief(r2.findings)).toEqual(['warning lib:build unexpected_write packages/lib/dist/tsconfig.tsbuildinfo']);
  });

  // a:build depends on one project, z:build on six (through each other): tsc reads each dependency's
  // package.json to resolve it. The inputs (plugin-inferred, like @nx/js/typescript's) miss them.
  const deps = ['b', 'c', 'd', 'e', 'f', 'g'];
  const inferred = (p: string) => ({
    inputs: [`packages/${p}/src/**`, `packages/${p}/package.json`],
    outputs: [],
    declaredInputs: ['{projectRoot}/package.json', '{projectRoot}/src/**/*.ts', { dependentTasksOutputFiles: '**/*.d.ts', transitive: true }],
    namedInputs: { default: ['{projectRoot}/**/*', 'sharedGlobals'], sharedGlobals: [] },
    declaredAt: { inputs: { file: 'nx.json', line: 4, what: `targets.build.inputs inferred by plugin @nx/js/typescript from packages/${p}/tsconfig.json` } },
  });
  const depWorkspace = () => {
    const files: Record<string, string> = { 'nx.json': '{\n  "namedInputs": {\n    "sharedGlobals": []\n  }\n}\n' };
    for (const p of ['a', 'z', ...deps]) files[`packages/${p}/package.json`] = '{}';
    for (const d of ['examples/x', 'examples/y', 'e2e/a', 'e2e/b', 'docs']) files[`${d}/package.json`] = '{}';
    return makeWorkspace(files);
  };
  const depTasks = () => [
    task('a:build', { ...inferred('a'), dependsOn: ['b:build'] }),
    task('z:build', { ...inferred('z'), dependsOn: ['b:build', 'c:build'] }),
    task('b:build', { ...inferred('b'), dependsOn: ['d:build'] }),
    task('c:build', { ...inferred('c'), dependsOn: ['e:build', 'f:build', 'g:build'] }),
    ...['d', 'e', 'f', 'g'].map((p) => task(`${p}:build`, inferred(p))),
  ];

  it("N1: a dependency's package.json is an error whatever the number of dependencies, one finding for all; the crawl rule keeps only non-dependency folders", () => {
    ws = depWorkspace();
    const reads = [
      acc('a:build', 'read', 'packages/b/package.json'),
      ...deps.map((d) => acc('z:build', 'read', `packages/${d}/package.json`)),
      // a resolver crawling folders that are not dependencies: still info
      ...['examples/x', 'examples/y', 'e2e/a', 'e2e/b', 'docs'].map((d) => acc('z:build', 'read', `${d}/package.json`)),
    ];
    const r = run('nx', depTasks(), reads);
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ type: 'unexpected_read', count: 6, tasks: ['a:build', 'z:build'], path: 'packages/**/package.json' });
    expect(errors[0].message).toMatch(/package\.json of 6 workspace projects they depend on/);
    const info = r.findings.filter((f) => f.severity === 'info' && f.type === 'unexpected_read');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ task: 'z:build', count: 5, reason: expect.stringMatching(/resolver/) });
  });

  it('N1 fix: "^{projectRoot}/package.json" in each target\'s inputs, keeping the inferred ones; never sharedGlobals the inputs do not include', () => {
    ws = depWorkspace();
    const r = run('nx', depTasks(), [acc('a:build', 'read', 'packages/b/package.json'), acc('z:build', 'read', 'packages/b/package.json'), acc('z:build', 'read', 'packages/c/package.json')]);
    const reads = r.findings.filter((f) => f.type === 'unexpected_read');
    expect(reads).toHaveLength(1);
    const fix = reads[0].fix!;
    expect(fix).toMatchObject({ field: 'inputs', add: ['^{projectRoot}/package.json'] });
    expect(fix.to).toBeUndefined();
    expect(fix.summary).not.toMatch(/sharedGlobals/);
    expect(fix.summary).toMatch(/\^\{projectRoot\}\/package\.json.*2 tasks: a:build, z:build/);
    expect(fix.summary).toMatch(/nx\.targets\.build\.inputs in packages\/a\/package\.json to \["\{projectRoot\}\/package\.json", "\{projectRoot\}\/src\/\*\*\/\*\.ts", \{"dependentTasksOutputFiles"/);
  });

  it("turbo: dependencies' package.json covered through their tasks' hashes stay no finding, however many", () => {
    ws = depWorkspace();
    const z = task('z#build', { outputs: [], dependsOn: deps.map((d) => `${d}#build`), dependencyInputs: deps.map((d) => `packages/${d}/package.json`) });
    const r = run('turbo', [z, ...deps.map((d) => task(`${d}#build`, { outputs: [] }))], deps.map((d) => acc('z#build', 'read', `packages/${d}/package.json`)));
    expect(r.findings).toEqual([]);
  });
});

describe('an ancestor tsconfig.json shadowed by the project\'s own (N2: esbuild probes every ancestor folder)', () => {
  const base = {
    'tsconfig.json': '{\n  "files": [],\n  "references": [{ "path": "./packages/app" }]\n}\n',
    'tsconfig.base.json': '{ "compilerOptions": { "strict": true } }',
    'packages/app/src/index.ts': '',
  };
  const app = () => task('app:build', { outputs: [], inputs: ['packages/app/src/**', 'packages/app/tsconfig.json', 'tsconfig.base.json'] });
  const readRoot = () => run('nx', [app()], [acc('app:build', 'read', 'tsconfig.json'), acc('app:build', 'read', 'packages/app/tsconfig.json'), acc('app:build', 'read', 'packages/app/src/index.ts')]);

  it('is info, with the reason, when no tsconfig of the project extends or references it (JSONC read from disk)', () => {
    ws = makeWorkspace({ ...base, 'packages/app/tsconfig.json': '{\n  // the package\'s own settings\n  "extends": "../../tsconfig.base.json",\n  "references": [{ "path": "./tsconfig.lib.json" }],\n}\n', 'packages/app/tsconfig.lib.json': '{ "extends": "./tsconfig.json" }' });
    const r = readRoot();
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'info', path: 'tsconfig.json', reason: expect.stringMatching(/shadowed by the project's own tsconfig\.json/) });
  });

  it('stays an error when a project tsconfig reaches it: extends (also an array, or through a workspace package), or the project has no tsconfig.json', () => {
    ws = makeWorkspace({ ...base, 'packages/app/tsconfig.json': '{ "extends": ["../../tsconfig.base.json"] }', 'packages/app/tsconfig.lib.json': '{ "extends": "../../tsconfig" }' });
    expect(brief(readRoot().findings)).toEqual(['error app:build unexpected_read tsconfig.json']);
    ws.cleanup();
    ws = makeWorkspace({ ...base, 'packages/cfg/base.json': '{ "extends": "../../tsconfig.json" }', 'packages/app/tsconfig.json': '{ "extends": "@repo/cfg/base.json" }' });
    symlinkSync(path.join(ws.root, 'packages/cfg'), path.join(ws.write('packages/app/node_modules/@repo/.keep'), '..', 'cfg'));
    expect(brief(readRoot().findings)).toEqual(['error app:build unexpected_read tsconfig.json']);
    ws.cleanup();
    // A package that cannot be resolved: nothing can be said, the read stays an error.
    ws = makeWorkspace({ ...base, 'packages/app/tsconfig.json': '{ "extends": "@missing/tsconfig" }' });
    expect(brief(readRoot().findings)).toEqual(['error app:build unexpected_read tsconfig.json']);
    ws.cleanup();
    ws = makeWorkspace({ ...base });
    expect(brief(run('nx', [app()], [acc('app:build', 'read', 'tsconfig.json')]).findings.filter((f) => f.type === 'unexpected_read'))).toEqual(['error app:build unexpected_read tsconfig.json']);
  });
});

describe('a git-ignored file generated inside a folder the plan folded its inputs into (plane, field round 5)', () => {
  // The tool's file list held every file of packages/i18n/src at plan time, so the plan says the folder;
  // the build then generates the git-ignored src/types/keys.generated.ts there and compiles it.
  const gen = 'packages/i18n/src/types/keys.generated.ts';
  const accesses = () => [
    acc('i18n#build', 'read', 'packages/i18n/src/index.ts'),
    acc('i18n#build', 'create', gen),
    acc('i18n#build', 'read', gen),
    acc('i18n#build', 'create', 'packages/i18n/dist/index.js'),
  ];
  const i18n = (over: Partial<PlanTask> = {}) => task('i18n#build', { inputs: ['packages/i18n/src'], ...over });
  const ignored = { gitIgnored: (rels: string[]) => new Set(rels.filter((r) => r === gen)), contentUnchanged: () => new Map() };

  it('turbo default inputs and Nx never hash it: no input_mutation, an intermediate (info)', () => {
    ws = makeWorkspace({ 'packages/i18n/src/index.ts': '', [gen]: '', 'packages/i18n/dist/index.js': '' });
    // plane's list: the default plus an explicit glob that does not name the file.
    const cases: [Plan['source'], Partial<PlanTask>][] = [['turbo', {}], ['nx', {}], ['turbo', { declaredInputs: ['$TURBO_DEFAULT$', '.env*'] }]];
    for (const [source, over] of cases) {
      const r = run(source, [i18n(over)], accesses(), ignored);
      expect(brief(r.findings.filter((f) => f.severity !== 'info'))).toEqual([]);
      expect(r.findings.some((f) => f.type === 'input_mutation')).toBe(false);
    }
  });

  it('still an input mutation when the file is listed itself, git tracks it, or an explicit turbo glob hashes ignored files', () => {
    ws = makeWorkspace({ 'packages/i18n/src/index.ts': '', [gen]: '', 'packages/i18n/dist/index.js': '' });
    const mutation = (r: ReturnType<typeof run>) => r.findings.filter((f) => f.type === 'input_mutation').map((f) => `${f.severity} ${f.path}`);
    expect(mutation(run('turbo', [i18n({ inputs: ['packages/i18n/src/index.ts', gen] })], accesses(), ignored))).toEqual([`warning ${gen}`]);
    expect(mutation(run('turbo', [i18n()], accesses(), { ...ignored, gitIgnored: () => new Set() }))).toEqual([`warning ${gen}`]);
    expect(mutation(run('turbo', [i18n({ declaredInputs: ['src/**'] })], accesses(), ignored))).toEqual([`warning ${gen}`]);
  });
});
