/**
 * A run whose plan was still resolving when the build was launched (stopped) and the tracer attached:
 * if io-trace then cannot go on (a damaged database), it must stop both and fail, never hang.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyIgnoreRules } from '../../src/config/ignore.js';
import { silentLogger } from '../../src/core/logger.js';
import { loadPlanFile } from '../../src/plan/file.js';
import { runBuild } from '../../src/run/run-build.js';
import { BpftraceTracer } from '../../src/tracer/bpftrace.js';
import { StraceTracer } from '../../src/tracer/strace.js';
import { makeWorkspace } from '../helpers/workspace.js';

/** Processes whose command line holds `marker`. */
function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(marker)) found.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe('early start, then io-trace cannot go on', () => {
  for (const tracer of ['bpftrace', 'strace'] as const) {
    it(`a damaged database: the stopped build and the ${tracer} tracer are stopped, and the run fails (${tracer})`, async () => {
      const ws = makeWorkspace({
        'io-trace.plan.json': JSON.stringify({ version: 1, workspaceRoot: '.', tasks: [{ id: 'a:build', target: { project: 'a', target: 'build' }, projectRoot: '.', inputs: [], outputs: [], dependencies: [] }] }),
        '.io-trace/trace.db': 'this is not a SQLite database, but a file some other tool left here\n'.repeat(100),
      });
      execFileSync('sh', ['-c', 'true']);
      const marker = `early-start-failure-${process.pid}-${tracer}`;
      const plan = loadPlanFile(path.join(ws.root, 'io-trace.plan.json'));
      const t0 = Date.now();
      const run = runBuild({
        command: ['sh', '-c', `echo ${marker} > ran.txt`, marker],
        cwd: ws.root,
        // Resolving: the build is launched stopped and the tracer attaches meanwhile.
        plan: { source: 'turbo', prepared: new Promise((r) => setTimeout(() => r({ plan, ignore: emptyIgnoreRules() }), 300)) },
        outDir: path.join(ws.root, '.io-trace'),
        tracer,
        tracers: [new BpftraceTracer(), new StraceTracer()],
        log: silentLogger,
        echo: null,
        stdin: 'ignore',
      });
      await expect(run).rejects.toThrow(/not a database|file is not a database|database/i);
      expect(Date.now() - t0).toBeLessThan(30_000);
      // The build never ran, and nothing of it or of the tracer is left.
      expect(() => readFileSync(path.join(ws.root, 'ran.txt'))).toThrow();
      for (let i = 0; i < 100 && processesWith(marker).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(processesWith(marker)).toEqual([]);
      writeFileSync(path.join(ws.root, 'done'), '');
      ws.cleanup();
    });
  }
});
