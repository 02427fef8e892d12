/**
 * check() is cheap by default (version, root, tracefs): the attach that follows is the probe, and a
 * failed attach names bpftrace's own error. probeOnCheck adds a real test attach (what the tests use to
 * fail loudly on a machine without BPF).
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { BpftraceTracer } from '../../src/tracer/bpftrace.js';

const dir = mkdtempSync(path.join(tmpdir(), 'io-trace-bpfcheck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A bpftrace that reports a version but cannot attach anything (as in a container without BPF).
const fake = path.join(dir, 'bpftrace');
writeFileSync(fake, `#!/bin/sh\ncase "$*" in *--version*) echo 'bpftrace v0.20.2'; exit 0;; esac\necho 'ERROR: Could not attach probe: Operation not permitted' >&2\nexit 1\n`);
chmodSync(fake, 0o755);

describe.runIf(process.getuid?.() === 0)('bpftrace check', () => {
  it('by default skips the test attach; the real attach then fails with bpftrace\'s own error', async () => {
    const t = new BpftraceTracer({ command: [fake] });
    expect(await t.check()).toMatchObject({ available: true, version: '0.20.2' });
    const session = t.attach({ pid: process.pid, sink: () => {}, log: silentLogger, workDir: dir });
    await expect(session.ready).rejects.toThrow(/Operation not permitted/);
    await session.finish().catch(() => undefined);
  });

  it('with probeOnCheck, a tracepoint that cannot attach makes it unavailable, with the reason', async () => {
    const a = await new BpftraceTracer({ command: [fake], probeOnCheck: true }).check();
    expect(a.available).toBe(false);
    expect(a.reason).toMatch(/bpftrace 0\.20\.2 .*cannot attach a tracepoint here .*Operation not permitted/);
  });
});
