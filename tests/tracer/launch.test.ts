import { describe, expect, it } from 'vitest';
import { launchStopped, processState, resolveUser } from '../../src/tracer/launch.js';
import { ConfigurationError } from '../../src/core/errors.js';

async function collect(stream: NodeJS.ReadableStream | null): Promise<string> {
  let s = '';
  for await (const chunk of stream!) s += chunk;
  return s;
}

describe('launchStopped', () => {
  it('starts the build stopped and keeps its pid through exec', async () => {
    const b = await launchStopped({ command: ['sh', '-c', 'echo $$; exit 7'], cwd: '/', env: process.env, stdin: 'ignore' });
    expect(processState(b.pid)).toBe('T');
    const out = collect(b.child.stdout);
    b.resume();
    expect(await b.exited).toEqual({ code: 7, signal: null });
    expect((await out).trim()).toBe(String(b.pid));
  });

  it('reports a signal death as the signal', async () => {
    const b = await launchStopped({ command: ['sh', '-c', 'kill -TERM $$'], cwd: '/', env: process.env, stdin: 'ignore' });
    b.resume();
    expect(await b.exited).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('rejects an empty command and an unknown user with a clear error', async () => {
    await expect(launchStopped({ command: [], cwd: '/', env: {} })).rejects.toThrow(ConfigurationError);
    expect(() => resolveUser('no-such-user-io-trace')).toThrow(/no such user/);
  });
});

describe('signalling the build', () => {
  it('reaches every process of the build, not just its root', async () => {
    // bash waiting for a foreground child defers SIGTERM until the child exits; the group signal
    // reaches the child (sleep) directly.
    const b = await launchStopped({ command: ['bash', '-c', 'sleep 30; echo survived'], cwd: '/', env: process.env, stdin: 'ignore' });
    const out = collect(b.child.stdout);
    b.resume();
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    b.signal('SIGTERM');
    const exit = await b.exited;
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(exit.signal ?? exit.code).not.toBe(0);
    expect(await out).not.toContain('survived');
  });
});
