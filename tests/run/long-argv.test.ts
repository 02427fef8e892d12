/**
 * argv is stored whole: bpftrace reads each argument up to its 200-byte string limit, and io-trace
 * reads the rest from /proc/PID/cmdline when the process is still there (checked against what was
 * traced, so a process that exec'd again keeps the traced, cut argv).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyIgnoreRules } from '../../src/config/ignore.js';
import { silentLogger } from '../../src/core/logger.js';
import { loadPlanFile } from '../../src/plan/file.js';
import { runBuild } from '../../src/run/run-build.js';
import { TraceStore } from '../../src/store/store.js';
import { BpftraceTracer } from '../../src/tracer/bpftrace.js';
import { makeWorkspace } from '../helpers/workspace.js';

const bpf = await new BpftraceTracer({ probeOnCheck: true }).check();
if (!bpf.available && process.env.CI) throw new Error(`bpftrace is required in CI: ${bpf.reason}`);

describe('argv longer than the tracer\'s string limit', () => {
  it.skipIf(!bpf.available)('is stored whole in the database', async () => {
    const ws = makeWorkspace({ 'io-trace.plan.json': JSON.stringify({ version: 1, tasks: [{ id: 'a:b', target: { project: 'a', target: 'b' }, outputs: [] }] }) });
    const long = `name=${'x'.repeat(400)}`;
    try {
      const result = await runBuild({
        command: [process.execPath, '-e', 'setTimeout(() => {}, 500)', long],
        cwd: ws.root,
        plan: loadPlanFile(path.join(ws.root, 'io-trace.plan.json')),
        outDir: path.join(ws.root, '.io-trace'),
        tracer: 'bpftrace',
        tracers: [new BpftraceTracer()],
        ignore: emptyIgnoreRules(),
        log: silentLogger,
        echo: null,
        stdin: 'ignore',
      });
      expect(result.exit.code).toBe(0);
      const store = TraceStore.openExisting(result.dbPath!, { readonly: true });
      try {
        const node = store.loadProcesses(result.runId).find((p) => p.exe === process.execPath || p.argv?.[1] === '-e');
        expect(node?.argv).toEqual([process.execPath, '-e', 'setTimeout(() => {}, 500)', long]);
      } finally {
        store.close();
      }
    } finally {
      ws.cleanup();
    }
  });
});
