import { describe, expect, it } from 'vitest';
import { detectCacheHits, nxNamedTasks, turboNamedTasks } from '../../src/run/cache-hits.js';
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

describe('tasks turbo never started (turbo --affected, filters)', () => {
  const t = (id: string, hash: string): PlanTask => ({ ...task(id), identity: { TURBO_HASH: hash } });
  const turboPlan: Plan = { source: 'turbo', workspaceRoot: '/w', tasks: [t('lib#lint', 'c70b9e9eb5dd7367'), t('app#test', 'aaaabbbbccccdddd')] };

  it('reads turbo\'s per-task cache lines and calls the tasks it never named "skipped"', () => {
    const output = 'lib:lint: cache bypass, force executing c70b9e9eb5dd7367\n\n Tasks:    1 successful, 1 total\nCached:    0 cached, 1 total\n';
    expect([...turboNamedTasks(turboPlan, output)]).toEqual(['lib#lint']);
    const hits = detectCacheHits({ plan: turboPlan, command: ['npx', 'turbo', 'run', 'lint', 'test', '--affected', '--force'], output, processCounts: new Map([['lib#lint', 2]]), exitCode: 0 });
    expect([...(hits.skipped ?? [])]).toEqual(['app#test']);
  });

  it('names a task by the hash turbo prints when its printed name is not the plan\'s (e.g. a scoped package)', () => {
    const plan: Plan = { source: 'turbo', workspaceRoot: '/w', tasks: [t('@acme/lib#build', '0123456789abcdef'), t('@acme/app#build', 'fedcba9876543210')] };
    const output = ['lib-alias:build: cache bypass, force executing 0123456789abcdef', 'app-alias:build: cache miss, executing fedcba9876543210'].join('\n');
    expect([...turboNamedTasks(plan, output)].sort()).toEqual(['@acme/app#build', '@acme/lib#build']);
  });
});
