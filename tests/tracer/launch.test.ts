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
