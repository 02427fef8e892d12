/**
 * The process table takes a process's identity from the tracer's exec event (read at the exec, so a
 * process that is already gone keeps its task) and reads /proc/PID/environ only when the tracer gave
 * none, or when the plan's identities use a variable the tracer does not read.
 */
import { describe, expect, it } from 'vitest';
import { ProcessTable, TaskMatcher } from '../../src/attribution/process-table.js';
import type { PlanTask } from '../../src/plan/types.js';

const t = (id: string, identity?: Record<string, string>): PlanTask => ({ id, project: id.split(':')[0], target: 'build', projectRoot: '', inputs: [], outputs: [], dependsOn: [], ...(identity ? { identity } : {}) });

function table(tasks: PlanTask[], proc: Record<number, Record<string, string>>) {
  const reads: number[] = [];
  const pt = new ProcessTable({
    rootPid: 100,
    matcher: new TaskMatcher({ tasks }),
    outsideRole: 'orchestrator',
    startedAt: 0,
    readEnviron: (pid) => {
      reads.push(pid);
      return proc[pid] ? new Map(Object.entries(proc[pid])) : undefined;
    },
  });
  return { pt, reads };
}

const tasksOf = (pt: ProcessTable) => Object.fromEntries(pt.records().map((r) => [r.pid, r.taskId]));

describe('ProcessTable identity from the exec event', () => {
  it('uses the identity the tracer read, without /proc, even when /proc says otherwise or nothing', () => {
    const tasks = [t('app:build', { TURBO_HASH: 'aa' }), t('lib:build', { TURBO_HASH: 'bb' })];
    const { pt, reads } = table(tasks, { 101: { TURBO_HASH: 'bb' } });
    pt.fork(100, 101, 1);
    pt.exec(101, '/bin/sh', ['sh'], '/w', 2, false, { TURBO_HASH: 'aa' });
    pt.fork(101, 102, 3);
    pt.exec(102, '/bin/cat', ['cat'], '/w', 4, false, {}); // read at exec: no identity of its own, inherits
    pt.fork(100, 103, 5);
    pt.exec(103, '/bin/true', ['true'], '/w', 6, false, { TURBO_HASH: 'bb' }); // already gone from /proc
    expect(tasksOf(pt)).toEqual({ 100: null, 101: 'app:build', 102: 'app:build', 103: 'lib:build' });
    expect(reads).toEqual([100]); // only the root, read before the build runs
    expect(pt.environMisses).toBe(1);
  });

  it('falls back to /proc when the tracer gave no environment, and when the plan uses another variable', () => {
    const { pt, reads } = table([t('app:build')], { 101: { IO_TRACE_TASK: 'app:build' } });
    pt.fork(100, 101, 1);
    pt.exec(101, '/bin/sh', ['sh'], '/w', 2); // env not read whole by the tracer
    expect(tasksOf(pt)[101]).toBe('app:build');
    expect(reads).toEqual([100, 101]);

    const other = table([t('x:y', { MY_TASK: 'x' })], { 101: { MY_TASK: 'x' } });
    other.pt.fork(100, 101, 1);
    other.pt.exec(101, '/bin/sh', ['sh'], '/w', 2, false, {});
    expect(tasksOf(other.pt)[101]).toBe('x:y');
    expect(other.reads).toEqual([100, 101]);
  });
});
