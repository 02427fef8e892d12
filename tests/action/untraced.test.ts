import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runUntraced } from '../../src/action/untraced.js';
import { workflowCommands } from './runner.js';
import { smallDisk } from '../helpers/tmpfs.js';

it('off Linux the build still runs fenced and saved, and the report says not traced and why', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'io-trace-untraced-'));
  try {
    let out = '';
    const r = await runUntraced({
      run: 'echo hi\necho "::set-output name=a::b" >&2\nexit 4',
      cwd: dir,
      env: process.env,
      runDir: path.join(dir, 'runs', '1'),
      reportPath: path.join(dir, 'report.json'),
      reason: 'io-trace traces builds on Linux only; this runner is darwin',
      out: { write: (c) => ((out += c.toString()), true) },
    });
    expect(r.code).toBe(4);
    expect(r.report).toMatchObject({ status: 'not-traced', run: { tracer: 'none', exitCode: 4, tracerReason: expect.stringContaining('Linux only') } });
    expect(workflowCommands(out)).toEqual([]);
    expect(out).toContain('::set-output name=a::b');
    expect(readFileSync(path.join(dir, 'runs/1/stdout.log'), 'utf8')).toBe('hi\n');
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).status).toBe('not-traced');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('off Linux on a full disk the build still runs and its exit code and report come through', async () => {
  const disk = smallDisk(64);
  try {
    disk.fill();
    let out = '';
    const r = await runUntraced({
      run: 'echo hi\nexit 4',
      cwd: disk.dir,
      env: process.env,
      runDir: path.join(disk.dir, 'runs', '1'),
      reportPath: path.join(disk.dir, 'report.json'),
      reason: 'io-trace traces builds on Linux only; this runner is darwin',
      out: { write: (c) => ((out += c.toString()), true) },
    });
    expect(r.code).toBe(4);
    expect(out).toContain('hi\n');
    expect(r.report).toMatchObject({ status: 'not-traced', run: { exitCode: 4 } });
    expect(r.report!.run.tracerReason).toMatch(/^io-trace traces builds on Linux only; this runner is darwin; cannot (save the build's output|write the report) .*: disk full$/);
  } finally {
    disk.unmount();
  }
});
