/**
 * Where each fix lands, by each tool's merge rules, on small synthetic workspaces (real files, no build).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import { planFixes, unifiedDiff } from '../../src/fix/plan-fixes.js';
import type { PlanTask } from '../../src/plan/types.js';

let ws: string;
afterEach(() => rmSync(ws, { recursive: true, force: true }));

function workspace(files: Record<string, unknown>): string {
  ws = mkdtempSync(path.join(tmpdir(), 'io-trace-fixplan-'));
  for (const [f, v] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
    writeFileSync(path.join(ws, f), typeof v === 'string' ? v : JSON.stringify(v, null, 2) + '\n');
  }
  return ws;
}

const task = (id: string, project: string, target: string, projectRoot: string, what?: Partial<Record<'inputs' | 'outputs' | 'dependsOn', string>>): PlanTask => ({
  id, project, target, projectRoot, inputs: [], outputs: [], dependsOn: [],
  declaredAt: Object.fromEntries(Object.entries(what ?? {}).map(([k, w]) => [k, { file: w!.split(' ')[0], what: w!.split(' ').slice(1).join(' ') }])),
});
const finding = (t: string, type: Finding['type'], field: 'inputs' | 'outputs' | 'dependsOn', add: string[], extra: Partial<Finding> = {}): Finding => ({
  task: t, type, path: add[0], severity: 'error', message: '', fix: { summary: '', field, add }, ...extra,
});

describe('workspace-wide fixes (a root file many tasks read)', () => {
  it('turbo: one edit to globalDependencies, created when missing', () => {
    const tasks = [task('a#build', 'a', 'build', 'packages/a'), task('a#lint', 'a', 'lint', 'packages/a')];
    workspace({ 'turbo.json': { tasks: { build: {}, lint: {} } } });
    const f = finding('a#build', 'unexpected_read', 'inputs', ['tsconfig.base.json'], { tasks: ['a#build', 'a#lint'] });
    f.fix!.to = { file: 'turbo.json', path: ['globalDependencies'] };
    const plan = planFixes([f], tasks, { source: 'turbo', workspaceRoot: ws, tasks });
    expect(JSON.parse(plan.changes[0].after)).toEqual({ tasks: { build: {}, lint: {} }, globalDependencies: ['tsconfig.base.json'] });
  });

  it('Nx without a sharedGlobals named input: left to a person, with the reason', () => {
    const tasks = [task('a:build', 'a', 'build', 'packages/a')];
    workspace({ 'nx.json': {} });
    const f = finding('a:build', 'unexpected_read', 'inputs', ['{workspaceRoot}/tsconfig.base.json']);
    f.fix!.manual = 'edit nx.json by hand';
    const plan = planFixes([f], tasks, { source: 'nx', workspaceRoot: ws, tasks });
    expect(plan.changes).toEqual([]);
    expect(plan.items[0].reason).toBe('edit nx.json by hand');
  });
});

describe('Turborepo', () => {
  const tasks = [task('a#build', 'a', 'build', 'packages/a'), task('b#build', 'b', 'build', 'packages/b')];
  const root = { tasks: { build: { dependsOn: ['^build'], outputs: ['dist/**'] } } };

  it('a package-specific output of a shared task goes into a new package turbo.json that keeps the root list', () => {
    workspace({ 'turbo.json': root });
    const plan = planFixes([finding('a#build', 'unexpected_write', 'outputs', ['build-info.json'])], tasks, { source: 'turbo', workspaceRoot: ws, tasks });
    expect(plan.changes.map((c) => [c.file, c.created])).toEqual([['packages/a/turbo.json', true]]);
    expect(JSON.parse(plan.changes[0].after)).toEqual({ extends: ['//'], tasks: { build: { outputs: ['dist/**', 'build-info.json'] } } });
    expect(unifiedDiff(plan.changes)).toMatch(/^diff --git a\/packages\/a\/turbo\.json b\/packages\/a\/turbo\.json\nnew file mode 100644\n--- \/dev\/null\n\+\+\+ b\/packages\/a\/turbo\.json\n@@ -0,0 \+1,8 @@\n/);
  });

  it('a workspace file read by one task, and one finding standing for several tasks, stay in the shared entry', () => {
    workspace({ 'turbo.json': { tasks: { build: { inputs: ['src/**'], outputs: ['dist/**'] } } } });
    const plan = planFixes([
      finding('a#build', 'unexpected_read', 'inputs', ['$TURBO_ROOT$/tsconfig.base.json']),
      finding('b#build', 'unexpected_write', 'outputs', ['types/**'], { tasks: ['a#build', 'b#build'] } as Partial<Finding>),
    ], tasks, { source: 'turbo', workspaceRoot: ws, tasks });
    expect(plan.changes.map((c) => c.file)).toEqual(['turbo.json']);
    expect(JSON.parse(plan.changes[0].after).tasks.build).toEqual({ inputs: ['src/**', '$TURBO_ROOT$/tsconfig.base.json'], outputs: ['dist/**', 'types/**'] });
  });

  it('an inputs list created where none was declared starts with $TURBO_DEFAULT$', () => {
    workspace({ 'turbo.json': root });
    const one = [task('a#build', 'a', 'build', 'packages/a')];
    const plan = planFixes([finding('a#build', 'unexpected_read', 'inputs', ['$TURBO_ROOT$/x.json'])], one, { source: 'turbo', workspaceRoot: ws, tasks: one });
    expect(JSON.parse(plan.changes[0].after).tasks.build.inputs).toEqual(['$TURBO_DEFAULT$', '$TURBO_ROOT$/x.json']);
  });

  it('a task with its own root `pkg#task` entry is edited there, from the defaults: it inherits nothing of the generic entry (field four: hydrogen)', () => {
    workspace({ 'turbo.json': { tasks: { build: { inputs: ['src/**'], outputs: ['dist/**'] }, 'a#build': { dependsOn: ['b#build'] } } } });
    const plan = planFixes([
      finding('a#build', 'unexpected_read', 'inputs', ['$TURBO_ROOT$/templates/skeleton/**']),
      finding('a#build', 'unexpected_write', 'outputs', ['dist/**']),
    ], tasks, { source: 'turbo', workspaceRoot: ws, tasks });
    const after = JSON.parse(plan.changes[0].after).tasks;
    expect(after['a#build']).toEqual({ dependsOn: ['b#build'], inputs: ['$TURBO_DEFAULT$', '$TURBO_ROOT$/templates/skeleton/**'], outputs: ['dist/**'] });
    expect(after.build).toEqual({ inputs: ['src/**'], outputs: ['dist/**'] });
  });
});

describe('Nx', () => {
  const nxJson = { targetDefaults: { build: { inputs: ['production', '^production'], outputs: ['{projectRoot}/dist'] } } };

  it('a workspace-wide value goes into the targetDefaults entry that declares it; a project path into the project', () => {
    workspace({ 'nx.json': nxJson, 'packages/a/project.json': { name: 'a', targets: { build: {} } }, 'packages/b/package.json': { name: 'b' } });
    const tasks = [
      task('a:build', 'a', 'build', 'packages/a', { inputs: 'nx.json targetDefaults.build.inputs', outputs: 'nx.json targetDefaults.build.outputs' }),
      task('b:build', 'b', 'build', 'packages/b', { inputs: 'nx.json targetDefaults.build.inputs', outputs: 'nx.json targetDefaults.build.outputs' }),
    ];
    const plan = planFixes([
      finding('a:build', 'unexpected_read', 'inputs', ['{workspaceRoot}/tsconfig.base.json'], { tasks: ['a:build', 'b:build'] } as Partial<Finding>),
      finding('b:build', 'unexpected_write', 'outputs', ['{projectRoot}/build-info.json']),
      finding('a:build', 'unexpected_read', 'inputs', ['{workspaceRoot}/packages/b/src/x.ts']),
    ], tasks, { source: 'nx', workspaceRoot: ws, tasks });
    const after = Object.fromEntries(plan.changes.map((c) => [c.file, JSON.parse(c.after)]));
    expect(after['nx.json'].targetDefaults.build.inputs).toEqual(['production', '^production', '{workspaceRoot}/tsconfig.base.json']);
    expect(after['packages/b/package.json'].nx.targets.build.outputs).toEqual(['{projectRoot}/dist', '{projectRoot}/build-info.json']);
    expect(after['packages/a/project.json'].targets.build.inputs).toEqual(['production', '^production', '{workspaceRoot}/packages/b/src/x.ts']);
  });

  it('inputs Nx fills by default are kept when the project gets its own list', () => {
    workspace({ 'packages/a/project.json': { name: 'a', targets: { lint: { command: 'eslint .' } } } });
    const tasks = [task('a:lint', 'a', 'lint', 'packages/a', { inputs: 'packages/a/project.json targets.lint.inputs (not set: Nx default)' })];
    const plan = planFixes([finding('a:lint', 'unexpected_read', 'inputs', ['{workspaceRoot}/.eslintrc.json'])], tasks, { source: 'nx', workspaceRoot: ws, tasks });
    expect(JSON.parse(plan.changes[0].after).targets.lint.inputs).toEqual(['default', '^default', '{workspaceRoot}/.eslintrc.json']);
  });

  it('a plugin-inferred field is left out, with the reason, when Nx cannot say what it infers', () => {
    workspace({ 'packages/d/package.json': { name: 'd' } });
    const tasks = [task('d:docs', 'd', 'docs', 'packages/d', { outputs: 'nx.json targets.docs.outputs inferred by plugin ./p.js from packages/d/x.json' })];
    const plan = planFixes([finding('d:docs', 'unexpected_write', 'outputs', ['{projectRoot}/out'])], tasks, { source: 'nx', workspaceRoot: ws, tasks, inferredField: () => undefined });
    expect(plan.changes).toEqual([]);
    expect(plan.items[0].reason).toMatch(/inferred by a plugin.*would drop them/);
  });

  it('one finding for tasks with their own inferred inputs (a dependency input): an edit in each project, inferred inputs kept', () => {
    workspace({ 'packages/a/package.json': { name: 'a' }, 'packages/z/package.json': { name: 'z', nx: { targets: { build: {} } } } });
    const at = (p: string) => `nx.json targets.build.inputs inferred by plugin @nx/js/typescript from packages/${p}/tsconfig.json`;
    const tasks = [task('a:build', 'a', 'build', 'packages/a', { inputs: at('a') }), task('z:build', 'z', 'build', 'packages/z', { inputs: at('z') })];
    const inferredField = (project: string) => [`{projectRoot}/src/**/*.ts`, { dependentTasksOutputFiles: '**/*.d.ts', transitive: true }, `{workspaceRoot}/${project}.json`];
    const f = finding('a:build', 'unexpected_read', 'inputs', ['^{projectRoot}/package.json'], { tasks: ['a:build', 'z:build'] } as Partial<Finding>);
    const plan = planFixes([f], tasks, { source: 'nx', workspaceRoot: ws, tasks, inferredField });
    const after = Object.fromEntries(plan.changes.map((c) => [c.file, JSON.parse(c.after)]));
    expect(Object.keys(after).sort()).toEqual(['packages/a/package.json', 'packages/z/package.json']);
    expect(after['packages/a/package.json'].nx.targets.build.inputs).toEqual([...inferredField('a'), '^{projectRoot}/package.json']);
    expect(after['packages/z/package.json'].nx.targets.build.inputs).toEqual([...inferredField('z'), '^{projectRoot}/package.json']);
  });

  it('a field that is not an array is left to a person', () => {
    workspace({ 'packages/a/project.json': { name: 'a', targets: { build: { inputs: 'oops' } } } });
    const tasks = [task('a:build', 'a', 'build', 'packages/a', { inputs: 'packages/a/project.json targets.build.inputs' })];
    const plan = planFixes([finding('a:build', 'unexpected_read', 'inputs', ['{workspaceRoot}/x'])], tasks, { source: 'nx', workspaceRoot: ws, tasks });
    expect(plan.changes).toEqual([]);
    expect(plan.items[0].reason).toMatch(/not an array/);
  });
});
