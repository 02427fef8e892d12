import { describe, expect, it } from 'vitest';
import { detectCacheHits, nxNamedTasks } from '../../src/run/cache-hits.js';
import type { Plan, PlanTask } from '../../src/plan/types.js';

const task = (id: string): PlanTask => ({ id, project: id.split(':')[0], target: 'build', projectRoot: '', inputs: [], outputs: [], dependsOn: [] });
const plan: Plan = { source: 'nx', workspaceRoot: '/w', tasks: [task('app:build'), task('lib:build'), task('docs:build')] };

describe('tasks nx never started (nx affected)', () => {
  const output = ['', '\x1b[1m>  NX   Running target build for 2 projects\x1b[0m', '> nx run lib:build', '✔  nx run app:build  [local cache]', ''].join('\n');

  it('reads the task lines nx prints, colours and all', () => {
    expect([...nxNamedTasks(output)].sort()).toEqual(['app:build', 'lib:build']);
  });

  it('calls a task nx never named in a successful build "skipped", not cached and not a blind spot', () => {
    const hits = detectCacheHits({ plan, command: ['npx', 'nx', 'affected', '-t', 'build'], output, processCounts: new Map([['lib:build', 3]]), exitCode: 0 });
    expect([...(hits.skipped ?? [])]).toEqual(['docs:build']);
    expect([...hits.cached]).toEqual(['app:build']);
  });

  it('keeps the old inference when nx printed no task lines, and skips nothing in a failed build', () => {
    const quiet = detectCacheHits({ plan, command: ['npx', 'nx', 'affected', '-t', 'build'], output: '', processCounts: new Map([['lib:build', 3]]), exitCode: 0 });
    expect(quiet.skipped).toBeUndefined();
    expect([...quiet.cached].sort()).toEqual(['app:build', 'docs:build']);
    const failed = detectCacheHits({ plan, command: ['npx', 'nx', 'affected', '-t', 'build'], output, processCounts: new Map(), exitCode: 1 });
    expect(failed.skipped).toBeUndefined();
  });
});
