import { describe, expect, it } from 'vitest';
import { isScriptRunner, ProcessTable, TaskMatcher } from '../../src/attribution/process-table.js';
import type { PlanTask } from '../../src/plan/types.js';

describe('package-manager script runners', () => {
  it('recognises npm/pnpm/yarn run, directly or under node', () => {
    expect(isScriptRunner(['node', '/usr/bin/npm', 'run', 'build'])).toBe(true);
    expect(isScriptRunner(['npm', '--silent', 'run-script', 'build'])).toBe(true);
    expect(isScriptRunner(['/usr/local/bin/pnpm', 'run', 'build'])).toBe(true);
    expect(isScriptRunner(['node', '/x/yarn.js', 'run', 'build'])).toBe(true);
    expect(isScriptRunner(['npm', 'install'])).toBe(false);
    expect(isScriptRunner(['node', 'tools/npm', 'x'])).toBe(false);
    expect(isScriptRunner(null)).toBe(false);
  });

  it('under nx/turbo, the runner is orchestrator and the script it starts is the task', () => {
    const task: PlanTask = { id: 'lib#build', project: 'lib', target: 'build', projectRoot: 'packages/lib', inputs: [], outputs: [], dependsOn: [], identity: { TURBO_HASH: 'h1' } };
    const envs: Record<number, Record<string, string>> = { 11: { TURBO_HASH: 'h1' } };
    const pt = new ProcessTable({ rootPid: 10, matcher: new TaskMatcher({ tasks: [task] }), outsideRole: 'orchestrator', startedAt: 0, readEnviron: (pid) => (envs[pid] ? new Map(Object.entries(envs[pid])) : undefined) });
    pt.fork(10, 11, 1);
    pt.exec(11, '/usr/bin/node', ['node', '/usr/bin/npm', 'run', 'build'], '/w/packages/lib', 2);
    pt.fork(11, 12, 3);
    pt.exec(12, '/bin/sh', ['sh', '-c', 'node build.js'], undefined, 4);
    const byPid = Object.fromEntries(pt.records().map((r) => [r.pid, `${r.taskId ?? '-'}/${r.role}`]));
    expect(byPid).toEqual({ 10: '-/orchestrator', 11: '-/orchestrator', 12: 'lib#build/task' });
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
