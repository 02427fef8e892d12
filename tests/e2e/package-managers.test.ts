/**
 * End to end on tests/fixtures/turbo-pnpm-nested (README lists the planted faults): task scripts that
 * run pnpm again (`pnpm clean && node build.js`, a `pnpm --version` probe, `pnpm pack` into the temp
 * dir), reached through `node_modules/.bin/pnpm` -> `#!/usr/bin/env node`. pnpm reads the workspace's
 * manifests, `.npmrc` and `pnpm-workspace.yaml` to find the script: none of that is a finding, while
 * the planted reads by the tasks' own programs still are, including one through a workspace symlink in
 * node_modules.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TraceStore } from '../../src/store/store.js';
import { installFixture, removeWorkspace } from '../fixtures/install.js';
import { rows, taskReasons, tracedRun, tracerAvailable, type TracedRun } from './helpers.js';

const bpf = await tracerAvailable('bpftrace');
if (!bpf.ok && process.env.CI) throw new Error(`bpftrace is required in CI: ${bpf.reason}`);

describe('package managers inside task scripts (turbo, pnpm nested in npm run)', () => {
  let ws: string;
  let run: TracedRun;

  beforeAll(async () => {
    ws = installFixture('turbo-pnpm-nested');
    if (bpf.ok) run = await tracedRun(ws, ['npx', 'turbo', 'run', 'build', '--force'], 'bpftrace');
  }, 180_000);
  afterAll(() => {
    removeWorkspace(ws);
    for (const dir of new Set([tmpdir(), '/tmp'])) rmSync(join(dir, 'app-1.0.0.tgz'), { force: true });
  });

  it.skipIf(!bpf.ok)('reports the planted reads and nothing pnpm read to find the scripts', () => {
    expect(run.exit.code, run.output).toBe(0);
    expect(taskReasons(run.report.incompleteReasons)).toEqual([]);
    expect(rows(run.report.findings.filter((f) => f.type === 'unexpected_read'))).toEqual([
      'app#build unexpected_read packages/lib/notes/config.json',
      'lib#build unexpected_read config/banner.txt',
    ]);
    const discovery = /(^|\/)(package\.json|\.npmrc|pnpm-workspace\.yaml)$/;
    expect(run.report.findings.filter((f) => discovery.test(f.path) || f.samples?.some((s) => discovery.test(s)))).toEqual([]);
  });

  it.skipIf(!bpf.ok)('pnpm ran at each depth, read the workspace files as package manager, and what it started is the task\'s', () => {
    const argv = (p: TracedRun['processes'][number]) => (p.argv ?? []).join(' ');
    // `pnpm` on PATH is node_modules/.bin/pnpm, a symlink to pnpm/bin/pnpm.cjs run by `#!/usr/bin/env node`.
    const pnpm = run.processes.filter((p) => /^node \S+\/node_modules\/\.bin\/pnpm /.test(argv(p)));
    // lib: clean; app: run clean, --version, pack
    // (the tarball goes to $TMPDIR or /tmp: turbo's strict env mode decides which the script sees)
    expect(pnpm.map((p) => argv(p).replace(/^.*\.bin\/pnpm /, '').replace(/^(pack --pack-destination) \S+$/, '$1 TMP')).sort()).toEqual(['--version', 'clean', 'pack --pack-destination TMP', 'run clean']);
    for (const p of pnpm) expect(`${p.taskId}/${p.role}`, argv(p)).toBe('null/package-manager');
    const rm = run.processes.filter((p) => argv(p) === 'rm -rf dist');
    const builds = run.processes.filter((p) => argv(p) === 'node build.js');
    expect(rm.map((p) => p.taskId).sort()).toEqual(['app#build', 'lib#build']);
    expect(builds.map((p) => p.taskId).sort()).toEqual(['app#build', 'lib#build']);

    const store = TraceStore.openExisting(run.dbPath!, { readonly: true });
    try {
      const pmKeys = new Set(pnpm.map((p) => p.key));
      const read = new Set<string>();
      for (const a of store.taskAccesses(run.runId, { successfulOnly: true })) if (pmKeys.has(a.procKey) && a.op === 'read') read.add(a.path.slice(ws.length + 1));
      expect([...read]).toEqual(expect.arrayContaining(['pnpm-workspace.yaml', '.npmrc', 'package.json', 'packages/app/LICENSE']));
    } finally {
      store.close();
    }
  });
});
