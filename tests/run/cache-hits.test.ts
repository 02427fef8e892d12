import { describe, expect, it } from 'vitest';
import { cachedTaskReason, commandSkipsCache, detectCacheHits, parseCacheHits } from '../../src/run/cache-hits.js';
import type { Plan, PlanTask } from '../../src/plan/types.js';

const task = (id: string, identity?: Record<string, string>): PlanTask => ({ id, project: id.split(/[:#]/)[0], target: 'build', projectRoot: '', inputs: [], outputs: [], dependsOn: [], ...(identity ? { identity } : {}) });
const nxPlan: Plan = { source: 'nx', workspaceRoot: '/w', tasks: [task('lib:build'), task('lib:size'), task('app:bundle:production'), task('app:test')] };
const turboPlan: Plan = { source: 'turbo', workspaceRoot: '/w', tasks: [task('lib#build', { TURBO_HASH: '0123456789abcdef' }), task('app#build', { TURBO_HASH: 'fedcba9876543210' })] };

describe('cache hits', () => {
  it('reads nx cache lines, with colour codes', () => {
    const out = [
      '\x1b[32m✔\x1b[39m  \x1b[2mnx run\x1b[22m lib:build  \x1b[2m[local cache]\x1b[22m',
      '> nx run app:bundle:production  [existing outputs match the cache, left as is]',
      '✔  nx run lib:size (12ms)',
      '✔  nx run other:build  [remote cache]',
    ].join('\n');
    expect([...parseCacheHits(nxPlan, out).cached].sort()).toEqual(['app:bundle:production', 'lib:build']);
  });

  it('reads turbo cache lines by hash, and by prefix', () => {
    const out = ['lib:build: cache hit, replaying logs 0123456789abcdef', 'app:build: cache miss, executing fedcba9876543210', 'app:build: cache hit, suppressing logs 1111111111111111'].join('\n');
    expect([...parseCacheHits(turboPlan, out).cached].sort()).toEqual(['app#build', 'lib#build']);
  });

  it('tells whether the command skips the cache', () => {
    expect(commandSkipsCache('nx', ['npx', 'nx', 'run-many', '-t', 'build', '--skip-nx-cache'])).toBe(true);
    expect(commandSkipsCache('nx', ['npx', 'nx', 'run-many', '-t', 'build'])).toBe(false);
    expect(commandSkipsCache('nx', ['npx', 'nx', 'run', 'app:build', '--', '--skip-nx-cache'])).toBe(false);
    expect(commandSkipsCache('turbo', ['npx', 'turbo', 'run', 'build', '--force'])).toBe(true);
    expect(commandSkipsCache('turbo', ['npm', 'run', 'build'])).toBe(false);
  });

  it('infers a cache hit for a task with no process only in a successful build that used the cache', () => {
    const counts = new Map([['lib:build', 2]]);
    const base = { plan: nxPlan, output: '', processCounts: counts };
    const used = detectCacheHits({ ...base, command: ['npx', 'nx', 'run-many', '-t', 'build'], exitCode: 0 });
    expect([...used.cached].sort()).toEqual(['app:bundle:production', 'app:test', 'lib:size']);
    expect(used.evidence.get('lib:size')).toMatch(/--skip-nx-cache/);
    expect(detectCacheHits({ ...base, command: ['npx', 'nx', 'run-many', '-t', 'build', '--skip-nx-cache'], exitCode: 0 }).cached.size).toBe(0);
    expect(detectCacheHits({ ...base, command: ['npx', 'nx', 'run-many', '-t', 'build'], exitCode: 1 }).cached.size).toBe(0);
  });

  it('never calls a task that ran cached', () => {
    const hits = detectCacheHits({ plan: nxPlan, command: ['nx', 'run-many', '-t', 'build', '--skip-nx-cache'], output: 'nx run lib:build  [local cache]', processCounts: new Map([['lib:build', 1]]), exitCode: 0 });
    expect(hits.cached.size).toBe(0);
  });

  it('names the task and the flag in the reason', () => {
    expect(cachedTaskReason('turbo', 'lib#build', 'turbo printed "cache hit"')).toBe(
      'task lib#build: restored from the turbo cache (turbo printed "cache hit"), so nothing ran and it was not checked: rerun with --force to trace it',
    );
  });
});
