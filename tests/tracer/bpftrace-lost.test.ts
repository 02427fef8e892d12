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
    expect(outcome.incompleteReasons.filter((r) => /lost \d+ events/.test(r))).toEqual(['bpftrace lost 11145 events (output buffer full; 2 reports)']);
  });

  // From 0.19 bpftrace's ring buffer counts its losses in a map it polls, so the report can come after
  // the S records, when io-trace has stopped reading. The script counts what each CPU printed before its S.
  const counting = (lateReport: boolean) => `#!/bin/sh
trap 'exit 0' INT TERM
echo '{"type": "printf", "data": "R\\\\t1\\\\t1\\\\n"}'
sleep 0.2
for i in 1 2 3; do echo '{"type": "printf", "data": "F\\\\t1\\\\t1\\\\t'$((100 + i))'\\\\n"}'; done
n=$(getconf _NPROCESSORS_ONLN); c=0
while [ $c -lt $n ]; do
  if [ $c = 0 ]; then sent=5; else sent=0; fi
  echo '{"type": "printf", "data": "S\\\\t'$c'\\\\t'$sent'\\\\n"}'; c=$((c + 1))
done
${lateReport ? `sleep 0.1; echo '{"type": "lost_events", "count": 2, "data": {"events": 2}}'` : ''}
while :; do sleep 0.05; done
`;

  for (const lateReport of [false, true]) {
    it(`records the script printed before its sync but that never arrived are lost ones, counted once (${lateReport ? 'bpftrace reports them late' : 'bpftrace never reports them'})`, async () => {
      const fake = join(dir, `bpftrace-count-${lateReport}`);
      writeFileSync(fake, counting(lateReport));
      chmodSync(fake, 0o755);
      const session = new BpftraceTracer({ command: [fake] }).attach({ pid: process.pid, sink: () => {}, log: silentLogger, workDir: dir });
      await session.ready;
      const outcome = await session.finish();
      expect(outcome.lostEvents).toBe(2);
      expect(outcome.incompleteReasons.filter((r) => /lost \d+ events/.test(r))).toEqual([expect.stringMatching(/^bpftrace lost 2 events/)]);
    });
  }
});

