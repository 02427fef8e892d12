/**
 * End to end on the Nx fixture (tests/fixtures/nx-workspace, README lists the planted faults): the real
 * nx 24 runs 9 tasks 4 at a time under the real tracer, as root. Every planted fault is found with its
 * fix, the correctly declared lib:build is clean, each process is charged to the right task and nx's own
 * processes to none, a second run from cache says so, and user mistakes get clear errors.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import { NX_ENV } from '../../src/plan/nx.js';
import { copyFixtureSources, installFixture, removeWorkspace } from '../fixtures/install.js';
import { runCli } from '../helpers/cli.js';
import { maxConcurrentTasks, rows, taskReasons, tracedRun, tracerAvailable, type TracedRun } from './helpers.js';

const TARGETS = ['build', 'lint', 'size', 'format', 'bundle', 'test', 'docs', 'pages'];
const COMMAND = ['npx', 'nx', 'run-many', '-t', ...TARGETS, '--skip-nx-cache', '--parallel=4'];

/** A word of each task's command line that no other task's has. */
const SIGNATURE: Record<string, string> = {
  'lib:build': 'copy:packages/lib/src/index.js',
  'lib:lint': 'read:lint-rules.json',
  'lib:size': 'wait:packages/lib/dist/index.js',
  'lib:format': 'touch-same:packages/lib/src/util.js',
  'app:build': 'write:packages/app/build-info.json=built',
  'app:bundle:production': 'write:packages/app/bundle/app.js=bundle',
  'app:test': 'read:packages/app/test/main.test.js',
  'docs:docs': 'write:packages/docs/site/index.html=docs',
  'docs:pages': 'cat docs.config.json',
};

const bpf = await tracerAvailable('bpftrace');
// In CI a missing tracer fails the suite; skipping is only for a developer machine without root.
if (!bpf.ok && process.env.CI) throw new Error(`bpftrace is required in CI: ${bpf.reason}`);
const it_ = it.skipIf(!bpf.ok);
if (!bpf.ok) console.warn(`e2e nx: bpftrace unavailable (${bpf.reason}); traced tests skipped`);

describe('Nx workspace, traced end to end', () => {
  let ws: string;
  let run: TracedRun;
  const find = (task: string, type: string) => run.report.findings.filter((f) => f.task === task && f.type === type);
  const one = (task: string, type: string): Finding => {
    const list = find(task, type);
    expect(list, `${task} ${type}`).toHaveLength(1);
    return list[0];
  };

  beforeAll(async () => {
    ws = installFixture('nx-workspace');
    // A package.json script: nx runs it with nx:run-script under a forked run-executor.js, whose own
    // start-up I/O (graph, nx.json, git) and npm's workspace scan must not be charged to the task.
    const pj = path.join(ws, 'packages/docs/package.json');
    const pkg = JSON.parse(readFileSync(pj, 'utf8'));
    pkg.scripts = { pages: 'cat docs.config.json package.json pages/index.md pages/guide.md > /dev/null' };
    // Cached, so its I/O is graded (a target Nx never caches is not-cacheable and not graded).
    pkg.nx = { targets: { pages: { cache: true } } };
    writeFileSync(pj, JSON.stringify(pkg, null, 2) + '\n');
    if (bpf.ok) run = await tracedRun(ws, COMMAND, 'bpftrace');
  });
  afterAll(() => removeWorkspace(ws));

  it_('finds exactly the planted faults', () => {
    expect(run.exit.code).toBe(0);
    expect(run.report.tasks.map((t) => `${t.taskId}=${t.status}`).sort()).toEqual(Object.keys(SIGNATURE).sort().map((t) => `${t}=analyzed`));
    expect(rows(run.report.findings)).toEqual([
      'app:build overlapping_output packages/app/dist/meta.json docs:docs',
      'app:build unexpected_write packages/app/build-info.json',
      'app:bundle:production missing_output packages/app/bundle.stats.json',
      'app:test unused_input {workspaceRoot}/test-setup.json',
      'docs:docs unexpected_write packages/app/dist/meta.json',
      'lib:format input_mutation packages/lib/src/util.js',
      'lib:lint unexpected_read lint-rules.json',
      'lib:size undeclared_dependency packages/lib/dist/index.js lib:build',
    ]);
    expect(taskReasons(run.report.incompleteReasons)).toEqual([]);
  });

  it_('says how to fix each finding, in Nx syntax, where it is declared', () => {
    expect(one('lib:lint', 'unexpected_read').fix).toMatchObject({ field: 'inputs', add: ['{workspaceRoot}/lint-rules.json'], file: 'packages/lib/project.json', line: 11 });
    expect(one('lib:size', 'undeclared_dependency').fix).toMatchObject({ field: 'dependsOn', add: ['build'], file: 'packages/lib/project.json', line: 15 });
    // Only app:build needs it; targetDefaults.build is shared with lib:build: the fix goes to app's own
    // config, keeping the list it replaces.
    expect(one('app:build', 'unexpected_write').fix).toMatchObject({
      field: 'outputs',
      add: ['{projectRoot}/build-info.json'],
      set: ['{projectRoot}/dist', '{projectRoot}/build-info.json'],
      file: 'packages/app/package.json',
    });
    const overlap = one('app:build', 'overlapping_output');
    expect(overlap.otherTask).toBe('docs:docs');
    expect(overlap.fix?.summary).toMatch(/separate output paths/);
    // The inferred target's fix goes to the project's own config (the plugin entry in nx.json has no
    // outputs to edit), keeping the inferred list it replaces.
    expect(one('docs:docs', 'unexpected_write').fix).toMatchObject({
      field: 'outputs',
      add: ['{workspaceRoot}/packages/app/dist/meta.json'],
      set: ['{projectRoot}/site', '{workspaceRoot}/packages/app/dist/meta.json'],
      file: 'packages/docs/package.json',
    });
    expect(one('app:bundle:production', 'missing_output').fix).toMatchObject({ field: 'outputs', file: 'packages/app/package.json', line: 22 });
    expect(one('lib:format', 'input_mutation').fix).toMatchObject({ field: 'outputs', add: ['{projectRoot}/src/util.js'], also: [{ field: 'inputs', add: ['!{projectRoot}/src/util.js'] }] });
    expect(one('app:test', 'unused_input').samples).toEqual(['test-setup.json']);
  });

  it_('leaves the correctly declared lib:build (and the run-script target) clean', () => {
    expect(run.report.findings.filter((f) => f.task === 'lib:build' || f.task === 'docs:pages')).toEqual([]);
    const build = run.report.tasks.find((t) => t.taskId === 'lib:build')!;
    expect(build).toMatchObject({ status: 'analyzed', writes: 1 });
  });

  it_('charges each process to its own task with 4 running at once, and nx itself to none', () => {
    expect(maxConcurrentTasks(run.processes)).toBeGreaterThanOrEqual(4);
    for (const [task, word] of Object.entries(SIGNATURE)) {
      const procs = run.processes.filter((p) => p.exe !== null && (p.argv ?? []).join(' ').includes(word) && !(p.argv ?? []).includes('-c'));
      expect(procs.length, `${task}: its command ran`).toBeGreaterThan(0);
      for (const p of procs) expect(`${p.taskId}/${p.role}`, (p.argv ?? []).join(' ')).toBe(`${task}/task`);
    }
    const argv = (p: TracedRun['processes'][number]) => (p.argv ?? []).join(' ');
    const nxCli = run.processes.filter((p) => /node_modules\/\.bin\/nx run-many/.test(argv(p)));
    const workers = run.processes.filter((p) => /plugin-worker/.test(argv(p)));
    expect(nxCli.length).toBeGreaterThan(0);
    expect(workers.length).toBeGreaterThan(0);
    for (const p of [...nxCli, ...workers]) expect(`${p.taskId}/${p.role}`, argv(p)).toBe('null/orchestrator');
    // nx:run-script: run-executor.js carries the task's identity; npm scanning the workspace does not count.
    const executor = run.processes.filter((p) => /nx\/dist\/bin\/run-executor\.js/.test(argv(p)));
    expect(executor.map((p) => p.taskId)).toEqual(['docs:pages']);
    const npm = run.processes.filter((p) => /npm run pages$/.test(argv(p)) && !argv(p).startsWith('/bin/sh'));
    expect(npm.map((p) => `${p.taskId}/${p.role}`)).toEqual(['null/package-manager']);
  });

  it_('reports tasks restored from the nx cache as cached, never clean, and names --skip-nx-cache', async () => {
    // --skip-nx-cache runs do not fill the cache: fill it with a plain run first (untraced).
    const cmd = ['npx', 'nx', 'run-many', '-t', 'build', 'lint', '--parallel=4'];
    execFileSync(cmd[0], cmd.slice(1), { cwd: ws, env: { ...process.env, ...NX_ENV }, stdio: 'ignore' });
    const again = await tracedRun(ws, cmd, 'bpftrace');
    expect(again.exit.code).toBe(0);
    expect(again.output).toMatch(/\[(local cache|existing outputs match the cache, left as is)\]/);
    expect(again.report.tasks.map((t) => `${t.taskId}=${t.status}`).sort()).toEqual(['app:build=cached', 'lib:build=cached', 'lib:lint=cached']);
    expect(again.report.status).toBe('incomplete');
    expect(again.report.findings).toEqual([]);
    const reasons = taskReasons(again.report.incompleteReasons);
    expect(reasons).toHaveLength(3);
    expect(reasons.find((r) => r.startsWith('task lib:lint:'))).toMatch(/restored from the nx cache \(nx printed \[.+\]\).*rerun with --skip-nx-cache/);
  });
});

describe('Nx workspace, user mistakes', () => {
  it('an unknown target is a clear configuration error', () => {
    const ws = installFixture('nx-workspace');
    try {
      const r = runCli(['run', '--tracer', 'none', '--', 'npx', 'nx', 'run-many', '-t', 'biuld', '--skip-nx-cache'], { cwd: ws });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/no project has a target "biuld" \(targets in this workspace: .*build.*\)/);
    } finally {
      removeWorkspace(ws);
    }
  });

  it('a workspace whose nx is not installed is a clear configuration error', () => {
    const ws = copyFixtureSources('nx-workspace');
    try {
      const r = runCli(['run', '--tracer', 'none', '--', 'npx', 'nx', 'run-many', '-t', 'build', '--skip-nx-cache'], { cwd: ws });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/nx is not installed in the workspace .*io-trace uses the workspace's own nx/);
    } finally {
      removeWorkspace(ws);
    }
  });
});

describe('Nx affected', () => {
  it_('reports the tasks nx affected left out as not part of the build, not as a blind spot', async () => {
    const ws = installFixture('nx-workspace');
    try {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: ws, stdio: 'ignore' });
      git('init', '-q');
      git('add', '-A');
      git('commit', '-qm', 'base');
      writeFileSync(path.join(ws, 'packages/app/src/main.js'), readFileSync(path.join(ws, 'packages/app/src/main.js'), 'utf8') + '\n// changed\n');
      // Only app changed: app:test runs, lib:lint (planned: lib has the target) is not affected.
      const r = await tracedRun(ws, ['npx', 'nx', 'affected', '-t', 'lint', 'test', '--base=HEAD', '--skip-nx-cache'], 'bpftrace');
      expect(r.exit.code).toBe(0);
      expect(Object.fromEntries(r.report.tasks.map((t) => [t.taskId, t.status]))).toEqual({ 'lib:lint': 'skipped', 'app:test': 'analyzed' });
      expect(taskReasons(r.report.incompleteReasons)).toEqual([]);
    } finally {
      removeWorkspace(ws);
    }
  });
});
