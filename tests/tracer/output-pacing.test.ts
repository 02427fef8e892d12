/**
 * The pacing of bpftrace's output (src/tracer/output-pacing.ts) on real processes: a stand-in named
 * bpftrace (a symlink to sleep: a process's name is its file's), held with real signals by the real
 * Perl helper. What is checked is the mechanism and that it always lets go; that records are not lost
 * while bpftrace is held is checked with the real bpftrace in bpftrace.test.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/logger.js';
import { startOutputPacing } from '../../src/tracer/output-pacing.js';

const dir = mkdtempSync(join(tmpdir(), 'io-trace-pacing-'));
symlinkSync('/bin/sleep', join(dir, 'bpftrace'));
symlinkSync('/bin/sleep', join(dir, 'not-bpftrace'));
const started: ChildProcess[] = [];
afterEach(() => {
  for (const c of started.splice(0)) {
    try {
      process.kill(-c.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `sh` (a wrapper, as sudo or chroot would be) running `name` as its child; returns both pids. */
async function standIn(name: string): Promise<{ wrapper: number; target: number }> {
  const c = spawn('sh', ['-c', `${join(dir, name)} 60; true`], { stdio: 'ignore', detached: true });
  started.push(c);
  for (let i = 0; i < 200; i++) {
    const kids = readFileSync(`/proc/${c.pid}/task/${c.pid}/children`, 'utf8').trim();
    if (kids) return { wrapper: c.pid!, target: Number(kids) };
    await sleep(5);
  }
  throw new Error('stand-in did not start');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const state = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];

/** How often `pid` was seen in each state, sampled every ms for `ms`. */
async function states(pid: number, ms: number): Promise<Record<string, number>> {
  const seen: Record<string, number> = {};
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const s = state(pid);
    seen[s] = (seen[s] ?? 0) + 1;
    await sleep(1);
  }
  return seen;
}

function logger(lines: string[]): Logger {
  const log = (m: string) => lines.push(m);
  return { debug: log, info: log, warn: log, error: log } as unknown as Logger;
}

/** The pid of this process's child running the pacing helper (perl). */
function helperPid(): number | undefined {
  const kids = readdirSync(`/proc/${process.pid}/task`).flatMap((t) => readFileSync(`/proc/${process.pid}/task/${t}/children`, 'utf8').trim().split(' ').filter(Boolean));
  return kids.map(Number).find((p) => readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'perl');
}

describe('output pacing (real processes, real signals)', () => {
  it('holds the bpftrace under a wrapper stopped between short runs, and lets it run for good on stop()', async () => {
    const { wrapper, target } = await standIn('bpftrace');
    const lines: string[] = [];
    const pacer = startOutputPacing(wrapper, { asRoot: [], holdMs: 20, log: logger(lines) });
    await sleep(100);
    const seen = await states(target, 300);
    // Held (T) most of the time, and not all of it: it is let run every 20 ms.
    expect(seen.T ?? 0, JSON.stringify(seen)).toBeGreaterThan(200);
    expect((seen.S ?? 0) + (seen.R ?? 0), JSON.stringify(seen)).toBeGreaterThan(0);
    expect(state(wrapper)).not.toBe('T');
    const last = await pacer.stop();
    expect(last).toMatch(new RegExp(`^bpftrace \\(pid ${target}\\) held (\\d+) times$`));
    expect(Number(/held (\d+)/.exec(last)![1])).toBeGreaterThan(10);
    expect(lines).toContain(`output pacing: pacing bpftrace (pid ${target})`);
    const after = await states(target, 100);
    expect(after.T ?? 0, JSON.stringify(after)).toBe(0);
    expect(helperPid()).toBeUndefined();
  });

  it('holds nothing when no process under the pid is named bpftrace, and says so', async () => {
    const { wrapper, target } = await standIn('not-bpftrace');
    const pacer = startOutputPacing(wrapper, { asRoot: [], log: logger([]) });
    const seen = await states(target, 150);
    expect(seen.T ?? 0).toBe(0);
    expect(await pacer.stop()).toBe(`no process named bpftrace under pid ${wrapper}: records are delivered one by one`);
  });

  it('lets bpftrace run when the helper is killed while holding it', async () => {
    const { target } = await standIn('bpftrace');
    const pacer = startOutputPacing(target, { asRoot: [], holdMs: 200, log: logger([]) });
    // Wait until it holds the stand-in, then kill the helper (SIGKILL: it cannot let go itself).
    const until = Date.now() + 3000;
    while (state(target) !== 'T' && Date.now() < until) await sleep(2);
    expect(state(target)).toBe('T');
    process.kill(helperPid()!, 'SIGKILL');
    expect(await pacer.stop()).toBe('the pacing helper was killed (SIGKILL); bpftrace let run');
    const after = await states(target, 100);
    expect(after.T ?? 0, JSON.stringify(after)).toBe(0);
  });

  it('lets bpftrace run when io-trace dies without stopping it (its end of the helper pipe closes)', async () => {
    const { target } = await standIn('bpftrace');
    // A separate Node process plays io-trace: it starts pacing and is then killed with SIGKILL.
    const script = join(dir, 'owner.ts');
    writeFileSync(
      script,
      `import { startOutputPacing } from ${JSON.stringify(join(process.cwd(), 'src/tracer/output-pacing.ts'))};\n` +
        `startOutputPacing(${target}, { asRoot: [], holdMs: 200, log: { debug: (m) => console.log(m) } });\n` +
        `setInterval(() => {}, 1000);\n`,
    );
    const owner = spawn(process.execPath, [join(process.cwd(), 'node_modules/vite-node/vite-node.mjs'), script], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    started.push(owner);
    let out = '';
    owner.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const until = Date.now() + 20_000;
    while (!(out.includes('pacing bpftrace') && state(target) === 'T') && Date.now() < until) await sleep(5);
    expect(state(target), out).toBe('T');
    process.kill(owner.pid!, 'SIGKILL');
    // The helper sees end of file at once, lets the stand-in run and exits.
    const freed = Date.now() + 2000;
    while (state(target) === 'T' && Date.now() < freed) await sleep(2);
    const after = await states(target, 300);
    expect(after.T ?? 0, JSON.stringify(after)).toBe(0);
  }, 30_000);
});
