import { afterEach, describe, expect, it } from 'vitest';
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
function acc(taskId: string | null, op: AccessOp, rel: string, errno = 0): TaskAccess {
  const ts = clock++;
  const p = rel.startsWith('/') ? rel : path.posix.join(ws.root, rel);
  return { procKey: 1, path: p, op, errno, count: 1, firstTs: ts, lastTs: ts, taskId, role: taskId ? 'task' : 'unattributed' };
}

function task(id: string, over: Partial<PlanTask> = {}): PlanTask {
  const [project, target] = id.split(':');
  return { id, project, target, projectRoot: `packages/${project}`, inputs: [`packages/${project}/src/**`], outputs: [`packages/${project}/dist`], dependsOn: [], ...over };
}

function run(tasks: PlanTask[], accesses: TaskAccess[], over: Partial<AnalysisInput> = {}, source: Plan['source'] = 'file') {
  const plan: Plan = { source, workspaceRoot: ws.root, tasks };
  return analyse({
    plan,
    accesses,
    ignore: new IgnoreMatcher(emptyIgnoreRules()),
    processCounts: new Map(tasks.map((t) => [t.id, 1])),
    ...over,
  });
}

const brief = (fs: { task: string; type: string; path: string; otherTask?: string }[]) => fs.map((f) => [f.task, f.type, f.path, f.otherTask].filter(Boolean).join(' '));

describe('analyse: one task', () => {
  it('reports unexpected reads and writes, and nothing for declared ones', () => {
    ws = makeWorkspace({ 'packages/app/src/a.ts': '', 'config.json': '', 'packages/app/dist/a.js': '', 'packages/app/stamp.txt': '' });
    const r = run([task('app:build')], [
      acc('app:build', 'read', 'packages/app/src/a.ts'),
      acc('app:build', 'read', 'config.json'),
      acc('app:build', 'create', 'packages/app/dist/a.js'),
      acc('app:build', 'create', 'packages/app/stamp.txt'),
    ]);
    // Ranked by impact: a write a cache hit does not restore before an unhashed read.
    expect(brief(r.findings)).toEqual(['app:build unexpected_write packages/app/stamp.txt', 'app:build unexpected_read config.json']);
    expect(r.findings[1].fix).toMatchObject({ field: 'inputs', add: ['config.json'] });
    expect(r.findings[0].fix).toMatchObject({ field: 'outputs', add: ['packages/app/stamp.txt'] });
    expect(r.tasks).toEqual([{ taskId: 'app:build', status: 'analyzed', reads: 2, writes: 2, findings: 2 }]);
  });

  it('ignores failed probes, stats, listings, node_modules, .git and temp files', () => {
    ws = makeWorkspace({ 'packages/app/src/a.ts': '', 'packages/app/dist/a.js': '', 'node_modules/x/index.js': '', 'docs/x.md': '' });
    const r = run([task('app:build')], [
      acc('app:build', 'read', 'missing.json', 2),
      acc('app:build', 'stat', 'docs/x.md'),
      acc('app:build', 'readdir', 'docs'),
      acc('app:build', 'read', 'docs'), // a directory opened without O_DIRECTORY
      acc('app:build', 'read', 'node_modules/x/index.js'),
      acc('app:build', 'read', '.git/HEAD'),
      acc('app:build', 'create', 'tmp-123.json'),
      acc('app:build', 'unlink', 'tmp-123.json'),
      acc('app:build', 'create', 'packages/app/dist/.a.js.tmp'),
      acc('app:build', 'rename_from', 'packages/app/dist/.a.js.tmp'),
      acc('app:build', 'rename_to', 'packages/app/dist/a.js'),
      acc('app:build', 'read', '/usr/lib/os-release'),
      acc('app:build', 'read', 'packages/app/src/a.ts'),
    ]);
    expect(r.findings).toEqual([]);
  });

  it('does not count reading back what the task wrote first, nor reading its own outputs', () => {
    ws = makeWorkspace({ 'packages/app/src/a.ts': '', 'gen/x.ts': '', 'packages/app/dist/tsbuildinfo': '' });
    const r = run([task('app:build', { outputs: ['packages/app/dist', 'gen'] })], [
      acc('app:build', 'read', 'packages/app/dist/tsbuildinfo'),
      acc('app:build', 'create', 'gen/x.ts'),
      acc('app:build', 'read', 'gen/x.ts'),
      acc('app:build', 'read', 'packages/app/src/a.ts'),
    ]);
    // dist/ holds a file after the run (an up-to-date incremental build writes nothing): not missing.
    expect(brief(r.findings)).toEqual([]);
  });

  it('reports missing outputs and unused inputs (summarised per task)', () => {
    ws = makeWorkspace({ 'packages/app/src/a.ts': '', 'packages/app/src/b.ts': '', 'packages/app/src/c.ts': '', 'packages/app/README.md': '' });
    const r = run([task('app:build', { inputs: ['packages/app/src/**', 'packages/app/README.md'], outputs: ['packages/app/dist', 'packages/app/types/**'] })], [
      acc('app:build', 'read', 'packages/app/src/a.ts'),
      acc('app:build', 'create', 'packages/app/dist/a.js'),
    ]);
    // The task's files are in its other output, so the empty one costs nothing: info, with the reason.
    expect(brief(r.findings)).toEqual(['app:build missing_output packages/app/types/**', 'app:build unused_input packages/app/README.md']);
    expect(r.findings[0]).toMatchObject({ severity: 'info', reason: expect.stringMatching(/other declared outputs/) });
    // src/** had a file read, so only the pattern nothing was opened from is named.
    expect(r.findings[1]).toMatchObject({ severity: 'info', count: 1, samples: ['packages/app/README.md'] });
  });

  it('reports a write to a declared input as input_mutation', () => {
    ws = makeWorkspace({ 'packages/app/src/version.ts': '' });
    const r = run([task('app:build')], [acc('app:build', 'read', 'packages/app/src/version.ts'), acc('app:build', 'truncate', 'packages/app/src/version.ts'), acc('app:build', 'create', 'packages/app/dist/x')]);
    expect(brief(r.findings)).toEqual(['app:build input_mutation packages/app/src/version.ts']);
    expect(r.findings[0].severity).toBe('warning');
  });

  it('groups many unexpected files in one directory into one glob fix', () => {
    ws = makeWorkspace({ 'conf/a.json': '', 'conf/b.json': '', 'conf/c.json': '', 'packages/app/dist/x': '' });
    const r = run([task('app:build')], [acc('app:build', 'read', 'conf/a.json'), acc('app:build', 'read', 'conf/b.json'), acc('app:build', 'read', 'conf/c.json'), acc('app:build', 'create', 'packages/app/dist/x')]);
    expect(r.findings.map((f) => [f.path, f.count, f.fix?.add])).toEqual([['conf/**', 3, ['conf/**']]]);
    expect(r.findings[0].samples).toEqual(['conf/a.json', 'conf/b.json', 'conf/c.json']);
  });

  it('applies user ignores globally and per task, and skips excluded tasks', () => {
    ws = makeWorkspace({ 'a.txt': '', 'b.txt': '', 'packages/app/dist/x': '' });
    const rules = { ...emptyIgnoreRules(), reads: ['a.txt'], tasks: { 'app:build': { reads: ['b.txt'], writes: ['log/**'] } } };
    const accesses = [acc('app:build', 'read', 'a.txt'), acc('app:build', 'read', 'b.txt'), acc('app:build', 'create', 'log/run.log'), acc('app:build', 'create', 'packages/app/dist/x')];
    expect(run([task('app:build')], accesses, { ignore: new IgnoreMatcher(rules) }).findings).toEqual([]);
    const excluded = run([task('app:build')], accesses, { ignore: new IgnoreMatcher({ ...emptyIgnoreRules(), excludedTasks: ['app:build'] }) });
    expect(excluded.findings).toEqual([]);
    expect(excluded.tasks[0].status).toBe('excluded');
  });

  it('keeps hostile names byte-exact', () => {
    const names = ['a\nb.txt', 'tab\there.txt', 'ünï☃.txt', '::warning::x.txt', 'd/'.repeat(100) + 'long.txt'];
    ws = makeWorkspace(Object.fromEntries(names.map((n) => [n, ''])));
    const r = run([task('app:build', { outputs: [] })], names.map((n) => acc('app:build', 'read', n)));
    expect(r.findings.map((f) => f.path).sort()).toEqual([...names].sort());
  });

  it('sees the workspace through a symlinked root', () => {
    ws = makeWorkspace({ 'real/config.json': '', 'real/packages/app/dist/x': '' });
    symlinkSync(path.join(ws.root, 'real'), path.join(ws.root, 'link'));
    const plan: Plan = { source: 'file', workspaceRoot: path.join(ws.root, 'link'), tasks: [task('app:build')] };
    const r = analyse({
      plan,
      accesses: [
        { ...acc('app:build', 'read', 'link/config.json') },
        { ...acc('app:build', 'read', 'real/config.json') },
        { ...acc('app:build', 'create', 'real/packages/app/dist/x') },
      ],
      ignore: new IgnoreMatcher(emptyIgnoreRules()),
      processCounts: new Map([['app:build', 1]]),
    });
    expect(brief(r.findings)).toEqual(['app:build unexpected_read config.json']);
  });

  it('marks a task with no process as not run, and a cached one as cached', () => {
    ws = makeWorkspace();
    const r = run([task('app:build'), task('lib:build')], [], { processCounts: new Map(), cachedTasks: new Set(['lib:build']) });
    expect(r.tasks.map((t) => t.status)).toEqual(['not-run', 'cached']);
    expect(r.findings).toEqual([]);
  });
});

describe('analyse: across tasks', () => {
  it('reports undeclared dependencies, and not when the dependency is declared (transitively)', () => {
    ws = makeWorkspace({ 'packages/lib/dist/index.js': '', 'packages/app/dist/x': '', 'packages/mid/dist/x': '' });
    const tasks = [task('lib:build'), task('mid:build', { dependsOn: ['lib:build'] }), task('app:build', { dependsOn: ['mid:build'] }), task('web:build')];
    const r = run(tasks, [
      acc('lib:build', 'create', 'packages/lib/dist/index.js'),
      acc('mid:build', 'create', 'packages/mid/dist/x'),
      acc('app:build', 'read', 'packages/lib/dist/index.js'),
      acc('app:build', 'create', 'packages/app/dist/x'),
      acc('web:build', 'read', 'packages/lib/dist/index.js'),
      acc('web:build', 'create', 'packages/web/dist/x'),
    ]);
    expect(brief(r.findings)).toEqual(['web:build undeclared_dependency packages/lib/dist/index.js lib:build']);
    expect(r.findings[0].fix).toMatchObject({ field: 'dependsOn', add: ['lib:build'] });
  });

  it('counts a declared output of another task even when it was not written in this run', () => {
    ws = makeWorkspace({ 'packages/lib/dist/index.js': '' });
    const r = run([task('lib:build'), task('app:build', { outputs: [] })], [acc('app:build', 'read', 'packages/lib/dist/index.js')], { processCounts: new Map([['app:build', 1], ['lib:build', 1]]) });
    expect(brief(r.findings)).toContain('app:build undeclared_dependency packages/lib/dist/index.js lib:build');
  });

  it('reports two tasks writing the same file once, as overlapping_output', () => {
    ws = makeWorkspace({ 'shared/out.json': '' });
    const r = run([task('a:build', { outputs: ['shared'] }), task('b:build', { outputs: ['shared'] })], [acc('a:build', 'create', 'shared/out.json'), acc('b:build', 'create', 'shared/out.json')]);
    expect(brief(r.findings)).toEqual(['a:build overlapping_output shared/out.json b:build']);
  });

  it('writes fixes in Nx and Turborepo syntax', () => {
    ws = makeWorkspace({ 'packages/app/config.json': '', 'tsconfig.base.json': '', 'packages/lib/dist/x.js': '', 'packages/app/dist/x': '' });
    const tasks = [task('lib:build'), task('app:build')];
    const accesses = [acc('app:build', 'read', 'packages/app/config.json'), acc('app:build', 'read', 'tsconfig.base.json'), acc('app:build', 'read', 'packages/lib/dist/x.js'), acc('app:build', 'create', 'packages/app/dist/x'), acc('lib:build', 'create', 'packages/lib/dist/x.js')];
    const nx = run(tasks, accesses, {}, 'nx').findings.filter((f) => f.task === 'app:build').map((f) => f.fix?.add?.[0]);
    expect(nx).toEqual(['{"projects":["lib"],"target":"build"}', '{projectRoot}/config.json', '{workspaceRoot}/tsconfig.base.json']);
    const turbo = run(tasks, accesses, {}, 'turbo').findings.filter((f) => f.task === 'app:build').map((f) => f.fix?.add?.[0]);
    expect(turbo).toEqual(['lib#build', 'config.json', '$TURBO_ROOT$/tsconfig.base.json']);
  });
});
