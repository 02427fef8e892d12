import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeScript, packageManagerOf, realPath, type PathResolver } from '../../src/attribution/package-managers.js';
import { ProcessTable, TaskMatcher } from '../../src/attribution/process-table.js';
import type { PlanTask } from '../../src/plan/types.js';

// A fake file system: symlinks as a map, everything else resolves to itself.
const links: Record<string, string> = {
  '/usr/bin/node': '/usr/bin/node',
  '/usr/bin/npm': '/usr/lib/node_modules/npm/bin/npm-cli.js',
  '/usr/bin/npx': '/usr/lib/node_modules/npm/bin/npx-cli.js',
  '/usr/local/bin/pnpm': '/usr/local/lib/node_modules/pnpm/bin/pnpm.cjs',
  '/usr/local/bin/pnpx': '/usr/local/lib/node_modules/pnpm/bin/pnpx.cjs',
  '/w/node_modules/.bin/pnpm': '/w/node_modules/pnpm/bin/pnpm.cjs',
  '/usr/local/bin/yarn': '/usr/lib/node_modules/corepack/dist/yarn.js',
  '/usr/local/bin/bunx': '/opt/bun/bin/bun',
  '/usr/local/bin/bun': '/opt/bun/bin/bun',
};
const resolve: PathResolver = (p) => links[p] ?? (p.startsWith('/gone/') ? undefined : p);
const binaries = new Set(['/opt/bun/bin/bun', '/w/node_modules/@pnpm/linux-x64/pnpm']);
const pm = (exe: string, argv: string[], cwd = '/w/packages/lib') => packageManagerOf({ exe, argv, cwd }, resolve, (p) => binaries.has(p));

describe('package managers, recognised by the program they run', () => {
  it('npm, npx, pnpm, pnpx started directly, through a symlink on PATH, or by node with options', () => {
    expect(pm('/usr/bin/node', ['node', '/usr/bin/npm', 'run', 'build'])).toBe('npm');
    expect(pm('/usr/bin/node', ['node', '/usr/bin/npx', 'tsc'])).toBe('npx');
    expect(pm('/usr/bin/node', ['node', '/usr/local/bin/pnpm', 'clean'])).toBe('pnpm');
    expect(pm('/usr/bin/node', ['node', '/usr/local/bin/pnpm', '--version'])).toBe('pnpm');
    expect(pm('/usr/bin/node', ['node', '/usr/local/bin/pnpx', 'x'])).toBe('pnpx');
    expect(pm('/usr/bin/node', ['node', '--max-old-space-size=4096', '-r', 'x.cjs', '/usr/local/bin/pnpm', 'pack'])).toBe('pnpm');
    // `/usr/bin/env node .../pnpm.cjs`: env execs node in the same process, which is what is judged.
    expect(pm('/usr/bin/node', ['node', '/w/node_modules/pnpm/bin/pnpm.cjs', 'run', 'build'])).toBe('pnpm');
    // A relative script path is resolved against the process's cwd.
    expect(pm('/usr/bin/node', ['node', '../../node_modules/.bin/pnpm', 'clean'], '/w/packages/lib')).toBe('pnpm');
  });

  it('corepack, yarn 1 and berry, pnpm from corepack\'s cache, standalone binaries', () => {
    expect(pm('/usr/bin/node', ['node', '/usr/local/bin/yarn', 'build'])).toBe('corepack');
    expect(pm('/usr/bin/node', ['node', '/root/.cache/node/corepack/v1/pnpm/9.15.0/bin/pnpm.cjs', 'clean'])).toBe('pnpm');
    // pnpm 11 ships ESM entry scripts (bin/pnpm.mjs, also as `pn`), from npm and from corepack.
    expect(pm('/usr/bin/node', ['node', '/w/node_modules/pnpm/bin/pnpm.mjs', 'run', 'build'])).toBe('pnpm');
    expect(pm('/usr/bin/node', ['node', '/root/.cache/node/corepack/v1/pnpm/11.9.0/bin/pnpx.mjs', 'x'])).toBe('pnpx');
    expect(pm('/usr/bin/node', ['node', '/root/.cache/node/corepack/v1/yarn/4.5.0/yarn.js', 'build'])).toBe('yarn');
    expect(pm('/usr/bin/node', ['node', '/w/.yarn/releases/yarn-4.5.0.cjs', 'build'])).toBe('yarn');
    expect(pm('/usr/bin/node', ['node', '/usr/lib/node_modules/yarn/bin/yarn.js', 'build'])).toBe('yarn');
    expect(pm('/w/node_modules/@pnpm/linux-x64/pnpm', ['pnpm', 'clean'])).toBe('pnpm');
    expect(pm('/usr/local/bin/bun', ['bun', 'run', 'build'])).toBe('bun');
    expect(pm('/usr/local/bin/bunx', ['bunx', 'tsc'])).toBe('bun');
    expect(pm('/usr/local/bin/bun', ['bun', 'install'])).toBe('bun');
  });

  it('not by name alone: a program that builds is never a package manager', () => {
    expect(pm('/usr/local/bin/bun', ['bun', 'build.ts'])).toBeUndefined();
    expect(pm('/usr/local/bin/bun', ['bun', 'run', 'scripts/build.ts'])).toBeUndefined();
    expect(pm('/usr/bin/node', ['node', 'tools/npm', 'x'])).toBeUndefined();
    expect(pm('/usr/bin/node', ['node', '/w/tools/pnpm.cjs', 'x'])).toBeUndefined();
    expect(pm('/usr/bin/node', ['node', '-e', 'require("/usr/bin/npm")'])).toBeUndefined();
    expect(pm('/w/scripts/pnpm', ['pnpm', 'x'])).toBeUndefined(); // a shell script called pnpm, not the binary
    expect(pm('/usr/bin/node', ['node', 'build.js'])).toBeUndefined();
    expect(pm('/bin/sh', ['sh', '-c', 'pnpm clean && node build.js'])).toBeUndefined();
  });

  it('finds the script after node options', () => {
    expect(nodeScript(['node', '--inspect', '--require', 'a.js', '--', 'b.js'])).toBe('b.js');
    expect(nodeScript(['node', '--import=tsx', 'b.ts', 'c'])).toBe('b.ts');
    expect(nodeScript(['node'])).toBeUndefined();
  });
});

describe('package managers at any depth of a task', () => {
  const task = (id: string, hash: string): PlanTask => ({ id, project: id.split('#')[0], target: id.split('#')[1], projectRoot: `packages/${id.split('#')[0]}`, inputs: [], outputs: [], dependsOn: [], identity: { TURBO_HASH: hash } });

  it('the package manager is charged to no task, what it starts is the task\'s', () => {
    const envs: Record<number, Record<string, string>> = { 11: { TURBO_HASH: 'h1' } };
    const pt = new ProcessTable({
      rootPid: 10, matcher: new TaskMatcher({ tasks: [task('lib#build', 'h1')] }), outsideRole: 'orchestrator', startedAt: 0,
      readEnviron: (pid) => (envs[pid] ? new Map(Object.entries(envs[pid])) : undefined),
      packageManagerOf: (f) => packageManagerOf(f, resolve, () => false),
    });
    pt.exec(10, '/usr/bin/node', ['node', '/usr/bin/npx', 'turbo', 'run', 'build'], '/w', 0);
    pt.fork(10, 11, 1); // turbo runs `pnpm run build` for the task
    pt.exec(11, '/usr/bin/node', ['node', '/usr/local/bin/pnpm', 'run', 'build'], '/w/packages/lib', 2);
    pt.fork(11, 12, 3);
    pt.exec(12, '/bin/sh', ['sh', '-c', 'pnpm clean && node build.js'], undefined, 4);
    pt.fork(12, 13, 5); // nested: `pnpm clean` (through `#!/usr/bin/env node`)
    pt.exec(13, '/usr/local/bin/pnpm', ['pnpm', 'clean'], undefined, 6);
    pt.exec(13, '/usr/bin/node', ['node', '/usr/local/bin/pnpm', 'clean'], undefined, 7);
    pt.fork(13, 14, 8);
    pt.fork(14, 15, 8.5); // forked by pnpm, not exec'd yet: still pnpm
    pt.exec(14, '/bin/sh', ['sh', '-c', 'rm -rf dist'], undefined, 9);
    pt.fork(12, 16, 10);
    pt.exec(16, '/usr/bin/node', ['node', 'build.js'], undefined, 11);
    const byPid = Object.fromEntries(pt.records().map((r) => [r.pid, `${r.taskId ?? '-'}/${r.role}`]));
    expect(byPid).toEqual({
      10: '-/package-manager',
      11: '-/package-manager',
      12: 'lib#build/task',
      13: '-/package-manager',
      14: 'lib#build/task',
      15: '-/package-manager',
      16: 'lib#build/task',
    });
  });

  it('an nx run again inside a task (nx:run-commands `nx build-package x`) and its plugin workers discover, as the outer nx does; what it runs is the task\'s', () => {
    const nxTask = (id: string): PlanTask => ({ id, project: id.split(':')[0], target: id.split(':')[1], projectRoot: `libs/${id.split(':')[0]}`, inputs: [], outputs: [], dependsOn: [], identity: { NX_TASK_TARGET_PROJECT: id.split(':')[0], NX_TASK_TARGET_TARGET: id.split(':')[1] } });
    const envs: Record<number, Record<string, string>> = { 12: { NX_TASK_TARGET_PROJECT: 'lib', NX_TASK_TARGET_TARGET: 'build' } };
    // The CLI's entry moved to nx/dist/bin/nx.js in 22.7: the outer nx is the old layout, the nested one the new.
    const nxLinks: Record<string, string> = { '/w/node_modules/.bin/nx': '/w/node_modules/nx/bin/nx.js', '/w/sub/node_modules/.bin/nx': '/w/node_modules/nx/dist/bin/nx.js' };
    const pt = new ProcessTable({
      rootPid: 10, matcher: new TaskMatcher({ tasks: [nxTask('lib:build')] }), outsideRole: 'orchestrator', startedAt: 0,
      readEnviron: (pid) => (envs[pid] ? new Map(Object.entries(envs[pid])) : undefined),
      packageManagerOf: (f) => packageManagerOf(f, (p) => nxLinks[p] ?? resolve(p), () => false),
    });
    pt.exec(10, '/usr/bin/node', ['node', '/w/node_modules/.bin/nx', 'run-many', '-t', 'build'], '/w', 0);
    pt.fork(10, 11, 1); // the outer nx's plugin worker
    pt.exec(11, '/usr/bin/node', ['node', '/w/node_modules/nx/dist/src/project-graph/plugins/isolation/plugin-worker.js', '/tmp/s'], '/w', 1.5);
    pt.fork(10, 12, 2); // the task's executor process
    pt.exec(12, '/usr/bin/node', ['node', '/w/node_modules/nx/dist/bin/run-executor.js'], '/w', 3);
    pt.fork(12, 13, 4);
    pt.exec(13, '/bin/sh', ['/bin/sh', '-c', 'nx build-package lib'], '/w', 5);
    pt.fork(13, 14, 6); // nested nx: reads every project.json
    pt.exec(14, '/usr/bin/node', ['node', '/w/sub/node_modules/.bin/nx', 'build-package', 'lib'], '/w', 7);
    pt.fork(14, 15, 8); // its plugin worker
    pt.exec(15, '/usr/bin/node', ['node', '/w/node_modules/nx/dist/src/project-graph/plugins/isolation/plugin-worker.js', '/tmp/s2'], '/w', 9);
    pt.fork(14, 16, 10); // what it runs
    pt.exec(16, '/usr/bin/node', ['node', '/w/node_modules/nx/dist/bin/run-executor.js'], '/w', 11);
    pt.fork(16, 17, 12);
    pt.exec(17, '/usr/bin/node', ['node', '/w/node_modules/typescript/bin/tsc', '-p', 'libs/lib'], '/w', 13);
    const byPid = Object.fromEntries(pt.records().map((r) => [r.pid, `${r.taskId ?? '-'}/${r.role}`]));
    expect(byPid).toEqual({
      10: '-/orchestrator',
      11: '-/orchestrator',
      12: 'lib:build/task',
      13: 'lib:build/task',
      14: '-/orchestrator',
      15: '-/orchestrator',
      16: 'lib:build/task',
      17: 'lib:build/task',
    });
  });

  it('a one-task plan file: the package manager at the root is no task\'s, its script is the task\'s', () => {
    const pt = new ProcessTable({ rootPid: 10, matcher: new TaskMatcher({ tasks: [task('a#b', 'x')] }), defaultTask: 'a#b', outsideRole: 'unattributed', startedAt: 0, readEnviron: () => undefined, packageManagerOf: (f) => packageManagerOf(f, resolve, () => false) });
    pt.exec(10, '/usr/bin/node', ['node', '/usr/bin/npm', 'run', 'build'], '/w', 0);
    pt.fork(10, 11, 1);
    pt.exec(11, '/bin/sh', ['sh', '-c', 'node build.js'], undefined, 2);
    expect(pt.records().map((r) => `${r.pid}=${r.taskId ?? '-'}/${r.role}`)).toEqual(['10=-/package-manager', '11=a#b/task']);
  });

  it('an argv the tracer cut is read whole from /proc when it is the same program', () => {
    const long = `/w/${'x'.repeat(300)}.js`;
    const pt = new ProcessTable({ rootPid: 10, matcher: new TaskMatcher({ tasks: [] }), outsideRole: 'unattributed', startedAt: 0, readEnviron: () => undefined,
      readCmdline: (pid) => (pid === 11 ? ['node', long, 'arg'] : pid === 12 ? ['other'] : undefined), packageManagerOf: () => undefined });
    pt.exec(11, '/usr/bin/node', ['node', long.slice(0, 199)], undefined, 1, true);
    pt.exec(12, '/usr/bin/node', ['node', long.slice(0, 199)], undefined, 2, true);
    pt.exec(13, '/usr/bin/node', ['node', long.slice(0, 199)], undefined, 3, true);
    const argv = Object.fromEntries(pt.records().map((r) => [r.pid, r.argv]));
    expect(argv[11]).toEqual(['node', long, 'arg']);
    expect(argv[12]).toEqual(['node', long.slice(0, 199)]);
    expect(argv[13]).toEqual(['node', long.slice(0, 199)]);
  });
});

describe('on the real file system', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'io-trace-pm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows a workspace .bin symlink to the installed pnpm, and ignores a look-alike script', () => {
    mkdirSync(path.join(dir, 'node_modules/pnpm/bin'), { recursive: true });
    mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules/pnpm/bin/pnpm.cjs'), '');
    symlinkSync('../pnpm/bin/pnpm.cjs', path.join(dir, 'node_modules/.bin/pnpm'));
    writeFileSync(path.join(dir, 'pnpm'), '#!/bin/sh\n');
    expect(packageManagerOf({ exe: process.execPath, argv: ['node', 'node_modules/.bin/pnpm', 'i'], cwd: dir })).toBe('pnpm');
    expect(packageManagerOf({ exe: path.join(dir, 'pnpm'), argv: ['pnpm'], cwd: dir })).toBeUndefined();
    expect(realPath('/nonexistent/x')).toBeUndefined();
  });
});
