/**
 * A package manager inside a task is discovery (its reads are no task's), except when the task uses what
 * it produced: hydrogen's CLI build runs `pnpm pack` on a template and unpacks the tarball into its dist,
 * so the versions pnpm resolved (catalog, workspace packages) and the files it packed are the task's
 * inputs. Real SQLite, the real analysis; the processes and accesses are written as the tracer would.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyIgnoreRules } from '../../src/config/ignore.js';
import type { ProcessRecord } from '../../src/core/records.js';
import { analyseRun } from '../../src/run/analyse-run.js';
import { TraceStore, type AccessRecord } from '../../src/store/store.js';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** `unpack`: the task reads the tarball, then writes its dist (hydrogen); `lint`: it reads the tarball after writing its dist (tsdown's publint). */
function run(taskReadsTarball: boolean, when: 'unpack' | 'lint' = 'unpack') {
  const root = mkdtempSync(path.join(tmpdir(), 'io-trace-pmprod-'));
  dirs.push(root);
  for (const f of ['templates/skeleton/src/root.tsx', 'packages/cli/src/index.ts', 'packages/cli/package.json', 'pnpm-workspace.yaml', '.npmrc']) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), 'x\n');
  }
  const store = TraceStore.create(path.join(root, 'trace.db'));
  const t0 = Date.now();
  const runId = store.createRun({ ioTraceVersion: 't', command: ['turbo', 'run', 'build'], cwd: root, workspaceRoot: root, planSource: 'file', planFile: null, tracer: 'bpftrace', tracerVersion: '0.17.0', tracerReason: 'test', startedAt: t0, host: {} } as never);
  store.saveTasks(runId, [{ id: 'cli:build', project: 'cli', target: 'build', projectRoot: 'packages/cli', inputs: ['packages/cli/src/**', 'packages/cli/package.json'], outputs: ['packages/cli/dist/**'], dependsOn: [] }]);
  const procs: ProcessRecord[] = [
    { key: 1, pid: 100, parentKey: null, ppid: 1, taskId: null, role: 'orchestrator', exe: '/usr/bin/turbo', argv: ['turbo', 'run', 'build'], cwd: root, startedAt: t0, endedAt: t0 + 900 },
    { key: 2, pid: 101, parentKey: 1, ppid: 100, taskId: 'cli:build', role: 'task', exe: '/usr/bin/node', argv: ['node', 'build.js'], cwd: `${root}/packages/cli`, startedAt: t0 + 10, endedAt: t0 + 800 },
    { key: 3, pid: 102, parentKey: 2, ppid: 101, taskId: null, role: 'package-manager', exe: '/usr/bin/node', argv: ['node', '/usr/lib/node_modules/pnpm/bin/pnpm.cjs', 'pack'], cwd: `${root}/templates/skeleton`, startedAt: t0 + 100, endedAt: t0 + 200 },
  ];
  store.saveProcesses(runId, procs);
  const a = (procKey: number, p: string, op: AccessRecord['op'], ts: number): AccessRecord => ({ procKey, path: p.startsWith('/') ? p : `${root}/${p}`, op, errno: 0, count: 1, firstTs: t0 + ts, lastTs: t0 + ts });
  store.writeAccesses(runId, [
    a(2, 'packages/cli/src/index.ts', 'read', 20),
    a(3, 'templates/skeleton/src/root.tsx', 'read', 120),
    // The catalog: `catalog:` versions that pnpm pack writes into the packed package.json. .npmrc: registry settings.
    a(3, 'pnpm-workspace.yaml', 'read', 110),
    a(3, '.npmrc', 'read', 111),
    a(3, '/tmp/skeleton-1.0.0.tgz', 'create', 150),
    ...(taskReadsTarball ? [a(2, '/tmp/skeleton-1.0.0.tgz', 'read', when === 'unpack' ? 300 : 500)] : []),
    a(2, 'packages/cli/dist/index.js', 'create', 400),
  ], []);
  const report = analyseRun(store, runId, { ignore: emptyIgnoreRules() });
  store.close();
  return report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.type} ${f.task} ${f.path}`);
}

describe('a package manager whose product the task uses', () => {
  it('makes what it read the task\'s inputs (pnpm pack of a template the build unpacks)', () => {
    // The catalog is no longer "package-manager configuration" (info): this package manager made the product.
    expect(run(true).sort()).toEqual(['unexpected_read cli:build pnpm-workspace.yaml', 'unexpected_read cli:build templates/skeleton/src/root.tsx']);
  });

  it('stays discovery when the task never reads what it wrote', () => {
    expect(run(false)).toEqual([]);
  });

  it('stays discovery when the task reads it only after its last write to the workspace (tsdown\'s publint checking the packed package)', () => {
    // TanStack/store: every build's publint packed the package, and LICENSE and pnpm-workspace.yaml became
    // 14 false errors; a change to either changes no file the build leaves.
    expect(run(true, 'lint')).toEqual([]);
  });
});
