import { describe, expect, it } from 'vitest';
import { ProcessTable, TaskMatcher, readProcEnviron } from '../../src/attribution/process-table.js';
import type { PlanTask } from '../../src/plan/types.js';

const t = (id: string, identity?: Record<string, string>): PlanTask => ({ id, project: id.split(':')[0], target: 'build', projectRoot: '', inputs: [], outputs: [], dependsOn: [], ...(identity ? { identity } : {}) });

function table(envs: Record<number, Record<string, string>>, tasks: PlanTask[], defaultTask?: string) {
  return new ProcessTable({
    rootPid: 100,
    matcher: new TaskMatcher({ tasks }),
    outsideRole: 'unattributed',
    startedAt: 0,
    readEnviron: (pid) => (envs[pid] ? new Map(Object.entries(envs[pid])) : undefined),
    ...(defaultTask ? { defaultTask } : {}),
  });
}

const tasksOf = (pt: ProcessTable) => Object.fromEntries(pt.records().map((r) => [r.pid, `${r.taskId ?? '-'}/${r.role}`]));

describe('ProcessTable', () => {
  it('assigns a task by IO_TRACE_TASK at exec and passes it down to descendants, even unreadable ones', () => {
    const pt = table({ 101: { IO_TRACE_TASK: 'app:build' }, 103: { IO_TRACE_TASK: 'lib:build' } }, [t('app:build'), t('lib:build')]);
    pt.fork(100, 101, 1);
    pt.exec(101, '/bin/sh', ['sh'], '/w', 2);
    pt.fork(101, 102, 3); // short-lived: environ unreadable, inherits app:build
    pt.exec(102, '/bin/cat', ['cat'], undefined, 4);
    pt.fork(100, 103, 5);
    pt.exec(103, '/bin/node', ['node'], undefined, 6);
    expect(tasksOf(pt)).toEqual({ 100: '-/unattributed', 101: 'app:build/task', 102: 'app:build/task', 103: 'lib:build/task' });
    expect(pt.environMisses).toBe(2); // the root (no env in the fake) and 102
  });

  it('matches build-tool identities, most specific first', () => {
    const tasks = [t('app:build', { NX_TASK_TARGET_PROJECT: 'app', NX_TASK_TARGET_TARGET: 'build' }), t('app:build:prod', { NX_TASK_TARGET_PROJECT: 'app', NX_TASK_TARGET_TARGET: 'build', NX_TASK_TARGET_CONFIGURATION: 'prod' })];
    const pt = table({ 101: { NX_TASK_TARGET_PROJECT: 'app', NX_TASK_TARGET_TARGET: 'build', NX_TASK_TARGET_CONFIGURATION: 'prod' }, 102: { NX_TASK_TARGET_PROJECT: 'app', NX_TASK_TARGET_TARGET: 'build' } }, tasks);
    pt.fork(100, 101, 1);
    pt.exec(101, '/x', [], undefined, 2);
    pt.fork(100, 102, 3);
    pt.exec(102, '/x', [], undefined, 4);
    expect(tasksOf(pt)).toMatchObject({ 101: 'app:build:prod/task', 102: 'app:build/task' });
  });

  it('keeps the latest of a process\'s execs when they arrive out of order (env node pnpm: a package manager)', () => {
    const tasks = [t('app:build', { TURBO_HASH: 'h1' })];
    const pt = new ProcessTable({ rootPid: 100, matcher: new TaskMatcher({ tasks }), outsideRole: 'orchestrator', startedAt: 0, readEnviron: () => undefined });
    pt.fork(100, 101, 1);
    // The second exec (env -> node) on another CPU reaches io-trace before the first (turbo -> env).
    pt.exec(101, '/usr/local/bin/node', ['node', '/usr/lib/node_modules/pnpm/bin/pnpm.cjs', 'run', 'build'], '/w', 3, false, { TURBO_HASH: 'h1' });
    pt.exec(101, '/usr/bin/env', ['/usr/bin/env', 'node', '/usr/lib/node_modules/pnpm/bin/pnpm.cjs', 'run', 'build'], '/w', 2, false, { TURBO_HASH: 'h1' });
    const r = pt.records().find((x) => x.pid === 101)!;
    expect(r.argv?.[0]).toBe('node');
    expect(r.role).toBe('package-manager');
  });

  it('gives a one-task plan the whole tree', () => {
    const pt = table({}, [t('only:build')], 'only:build');
    pt.fork(100, 101, 1);
    expect(tasksOf(pt)).toEqual({ 100: 'only:build/task', 101: 'only:build/task' });
  });

  it('adopts a child whose events arrived before its fork event', () => {
    const pt = table({ 101: { IO_TRACE_TASK: 'app:build' } }, [t('app:build')]);
    pt.fork(100, 101, 1);
    pt.exec(101, '/x', [], undefined, 2);
    const early = pt.keyFor(102, 3); // access from 102 seen first
    pt.fork(101, 102, 2.5);
    expect(pt.keyFor(102, 4)).toBe(early);
    expect(tasksOf(pt)[102]).toBe('app:build/task');
  });

  it('keeps a reused pid apart from its earlier process', () => {
    const pt = table({}, [t('a:build')]);
    pt.fork(100, 101, 1);
    const first = pt.keyFor(101, 2);
    pt.exit(101, 3);
    pt.fork(100, 101, 4);
    expect(pt.keyFor(101, 5)).not.toBe(first);
  });

  it('notes IO_TRACE_TASK values that name no task', () => {
    const pt = table({ 101: { IO_TRACE_TASK: 'typo:build' } }, [t('app:build')]);
    pt.fork(100, 101, 1);
    pt.exec(101, '/x', [], undefined, 2);
    expect([...pt.unknownTaskNames]).toEqual(['typo:build']);
  });

  it('reads a real /proc environ', () => {
    expect(readProcEnviron(process.pid)?.get('PATH')).toBe(process.env.PATH);
    expect(readProcEnviron(2 ** 22 + 12345)).toBeUndefined();
  });
});
describe('task command fallback', () => {
  it('a process gone before its environment was read is matched by the task\'s sh -c command, if unique', () => {
    const mk = (id: string, commands: string[]): PlanTask => ({ id, project: id.split(':')[0], target: id.split(':')[1], projectRoot: '', inputs: [], outputs: [], dependsOn: [], identity: { NX_TASK_TARGET_PROJECT: id.split(':')[0], NX_TASK_TARGET_TARGET: id.split(':')[1] }, commands });
    const tasks = [mk('a:build', ['node build.js a']), mk('b:build', ['node same.js']), mk('c:build', ['node same.js'])];
    const pt = new ProcessTable({ rootPid: 10, matcher: new TaskMatcher({ tasks }), outsideRole: 'orchestrator', startedAt: 0, readEnviron: () => undefined });
    pt.fork(10, 11, 1);
    pt.exec(11, '/bin/sh', ['/bin/sh', '-c', 'node build.js a'], undefined, 2);
    pt.fork(11, 12, 3);
    pt.exec(12, '/usr/bin/node', ['node', 'build.js', 'a'], undefined, 4);
    pt.fork(10, 13, 5);
    pt.exec(13, '/bin/sh', ['/bin/sh', '-c', 'node same.js'], undefined, 6);
    const byPid = Object.fromEntries(pt.records().map((r) => [r.pid, `${r.taskId ?? '-'}/${r.role}`]));
    expect(byPid).toEqual({ 10: '-/orchestrator', 11: 'a:build/task', 12: 'a:build/task', 13: '-/orchestrator' });
  });
});
