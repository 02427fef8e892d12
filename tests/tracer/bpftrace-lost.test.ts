/**
 * Lost events are counted once: the incomplete reason the terminal prints and `lostEvents` in the
 * database and JSON report are the same total, however many "lost" reports bpftrace printed. A stand-in
 * for bpftrace prints what bpftrace prints (ready record, two lost-events reports) and stops on SIGINT.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { BpftraceTracer } from '../../src/tracer/bpftrace.js';

describe('bpftrace lost events', () => {
  const dir = mkdtempSync(join(tmpdir(), 'io-trace-fake-bpftrace-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the reason names the total of every report, equal to lostEvents', async () => {
    const fake = join(dir, 'bpftrace');
    writeFileSync(
      fake,
      `#!/bin/sh
trap 'exit 0' INT TERM
echo '{"type": "printf", "data": "R\\\\t0.17.0\\\\t1\\\\n"}'
echo '{"type": "lost_events", "data": {"events": 6589}}'
echo '{"type": "lost_events", "data": {"events": 4556}}'
while :; do sleep 0.05; done
`,
    );
    chmodSync(fake, 0o755);
    const session = new BpftraceTracer({ command: [fake] }).attach({ pid: process.pid, sink: () => {}, log: silentLogger, workDir: dir });
    await session.ready;
    await new Promise((r) => setTimeout(r, 300)); // let both reports arrive before stopping
    const outcome = await session.finish();
    expect(outcome.lostEvents).toBe(11145);
    // (The stand-in prints no per-CPU sync records, so a reason about those comes too.)
    expect(outcome.incompleteReasons.filter((r) => /lost \d+ events/.test(r))).toEqual(['bpftrace lost 11145 events (perf buffer full; 2 reports)']);
  });
});
