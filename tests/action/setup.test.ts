import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { redactor } from '../../src/action/artifacts.js';
import { CommandFence } from '../../src/action/build-step.js';
import { buildEnv } from '../../src/action/main.js';
import { buildCommand, cliInvocation, prepareTracing, type Exec, type ExecResult, type Privilege } from '../../src/action/setup.js';
import { silentLogger } from '../../src/core/logger.js';

const runner: Privilege = { kind: 'sudo', user: 'runner', uid: 1001, gid: 118 };
const base = {
  node: '/opt/node24/bin/node', cli: '/a/dist/cli.js', plan: 'auto', tasks: [], config: null, ignore: ['docs/**'],
  outDir: '/t/o', dbPath: '/t/o/trace.db', reportPath: '/t/o/report.json', command: ['npx', 'nx', 'run-many', '-t', 'build'], path: '/home/runner/.node/bin:/usr/bin',
};

describe('io-trace command line', () => {
  it('runs io-trace as root through sudo with the build as the runner user, keeping env and PATH', () => {
    const inv = cliInvocation({ ...base, privilege: runner, tracer: 'auto', elevate: 'io-trace' });
    expect(inv.file).toBe('sudo');
    expect(inv.args).toEqual([
      '-n', '-E', 'env', 'PATH=/home/runner/.node/bin:/usr/bin', '/opt/node24/bin/node', '/a/dist/cli.js', 'run',
      '--tracer', 'auto', '--plan', 'auto', '--ignore', 'docs/**', '--out-dir', '/t/o', '--db', '/t/o/trace.db', '--json', '/t/o/report.json',
      '--user', 'runner', '--', 'npx', 'nx', 'run-many', '-t', 'build',
    ]);
    expect(inv.buildUser).toBe('runner');
  });

  it('passes --verbose only in the runner\'s debug mode', () => {
    expect(cliInvocation({ ...base, privilege: runner, tracer: 'auto', verbose: true }).args).toContain('--verbose');
    expect(cliInvocation({ ...base, privilege: runner, tracer: 'auto' }).args).not.toContain('--verbose');
    const elevated = cliInvocation({ ...base, privilege: runner, tracer: 'auto', elevate: 'io-trace', verbose: true });
    expect(elevated.file).toBe('sudo');
    expect(elevated.args.slice(elevated.args.indexOf('--'))).toEqual(['--', 'npx', 'nx', 'run-many', '-t', 'build']);
    expect(elevated.args.indexOf('--verbose')).toBeLessThan(elevated.args.indexOf('--'));
    expect(elevated.args.indexOf('--verbose')).toBeGreaterThan(0);
  });

  it('by default runs io-trace as the caller (the bpftrace backend elevates only bpftrace); no sudo when root, for strace, or untraced', () => {
    for (const [privilege, tracer, elevate] of [[runner, 'auto', 'tracer'], [runner, 'bpftrace', undefined], [{ ...runner, kind: 'root' }, 'bpftrace', 'io-trace'], [runner, 'strace', 'io-trace'], [runner, 'none', 'io-trace'], [{ ...runner, kind: 'none' }, 'strace', 'io-trace']] as const) {
      const inv = cliInvocation({ ...base, privilege, tracer, ...(elevate ? { elevate } : {}) });
      expect(inv.file).toBe('/opt/node24/bin/node');
      expect(inv.args).not.toContain('--user');
      expect(inv.args.slice(-6)).toEqual(['--', 'npx', 'nx', 'run-many', '-t', 'build']);
    }
  });

  it('runs a plain command line as argv and anything else as a bash script', () => {
    expect(buildCommand('npx turbo run build --force')).toEqual(['npx', 'turbo', 'run', 'build', '--force']);
    expect(buildCommand('npm ci && npm run build')).toEqual(['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', 'npm ci && npm run build']);
    expect(buildCommand('echo "$HOME"')[0]).toBe('bash');
    expect(buildCommand('a\nb')[0]).toBe('bash');
  });

  it('keeps the token, runtime credentials and our state files from the build', () => {
    const env = buildEnv({ PATH: '/bin', 'INPUT_GITHUB-TOKEN': 't', ACTIONS_RUNTIME_TOKEN: 'r', ACTIONS_RESULTS_URL: 'u', GITHUB_STATE: 's', GITHUB_OUTPUT: 'o', STATE_artifact: '{}', GITHUB_SHA: 'x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'i' });
    expect(env).toEqual({ PATH: '/bin', GITHUB_SHA: 'x' });
  });
});

/** A scripted exec: the first matching rule answers; calls are recorded. */
function fakeExec(rules: [RegExp, Partial<ExecResult>][]): Exec & { calls: string[] } {
  const calls: string[] = [];
  const f = (async (file: string, args: string[]) => {
    const line = [file, ...args].join(' ');
    calls.push(line);
    const hit = rules.find(([re]) => re.test(line));
    return { code: 0, stdout: '', stderr: '', ...(hit ? hit[1] : { code: 127, stderr: `${file}: not found` }) };
  }) as Exec & { calls: string[] };
  f.calls = calls;
  return f;
}

const mounted = () => 'nodev /sys/kernel/tracing tracefs rw,relatime 0 0\n';
const opts = { backends: ['bpftrace', 'strace'] as const, installBpftrace: true, platform: 'linux' as const, log: silentLogger, mounts: mounted, bpftrace: ['bpftrace'] };

describe('runner set-up', () => {
  it('installs a missing bpftrace with sudo apt-get (updating the lists when needed) and self-tests it', async () => {
    let installed = false;
    const exec = fakeExec([
      [/^sudo -n bpftrace --version/, {}],
      [/^sudo -n apt-get /, {}],
      [/^sudo -n mount -t tracefs/, {}],
      [/^sudo -n bpftrace -e/, { stdout: 'io-trace-ok\n' }],
    ]);
    const wrapped: Exec & { calls: string[] } = Object.assign(async (f: string, a: string[], o?: { timeoutMs?: number }) => {
      const line = [f, ...a].join(' ');
      if (/bpftrace --version/.test(line) && !installed) {
        exec.calls.push(line);
        return { code: 1, stdout: '', stderr: 'sudo: bpftrace: command not found' };
      }
      if (/install -y/.test(line) && !exec.calls.some((c) => c.includes(' update'))) {
        exec.calls.push(line);
        return { code: 100, stdout: '', stderr: 'E: Unable to locate package bpftrace' };
      }
      if (/install -y/.test(line)) installed = true;
      return exec(f, a, o);
    }, { calls: exec.calls });
    const s = await prepareTracing({ ...opts, request: 'auto', privilege: runner, exec: wrapped, mounts: () => '' });
    expect(s.tracer).toBe('auto');
    expect(s.usable).toEqual(['bpftrace']);
    expect(exec.calls.filter((c) => c.startsWith('sudo -n apt-get')).map((c) => c.replace(/ -o DPkg::Lock::Timeout=60/, ''))).toEqual([
      'sudo -n apt-get install -y --no-install-recommends bpftrace',
      'sudo -n apt-get update',
      'sudo -n apt-get install -y --no-install-recommends bpftrace',
    ]);
    expect(exec.calls).toContain('sudo -n mount -t tracefs nodev /sys/kernel/tracing');
  });

  it('checks and self-tests the bpftrace command IO_TRACE_BPFTRACE names, and never apt-installs over it', async () => {
    const exec = fakeExec([
      [/^sudo -n chroot \/srv\/sid bpftrace --version/, { stdout: 'bpftrace v0.27.1' }],
      [/^sudo -n chroot \/srv\/sid bpftrace -e/, { stdout: 'io-trace-ok\n' }],
    ]);
    const s = await prepareTracing({ ...opts, request: 'auto', privilege: runner, exec, bpftrace: ['chroot', '/srv/sid', 'bpftrace'] });
    expect(s.usable).toEqual(['bpftrace']);
    expect(exec.calls.some((c) => c.includes('apt-get'))).toBe(false);
    const broken = fakeExec([[/^strace/, {}]]);
    const b = await prepareTracing({ ...opts, request: 'auto', privilege: runner, exec: broken, bpftrace: ['/opt/bt/bpftrace'] });
    expect(b.tracer).toBe('strace');
    expect(b.notes.join('; ')).toContain('/opt/bt/bpftrace (IO_TRACE_BPFTRACE) does not run');
    expect(broken.calls.some((c) => c.includes('apt-get'))).toBe(false);
  });

  it('falls back to strace with the reason when BPF is denied', async () => {
    const exec = fakeExec([
      [/bpftrace --version/, { stdout: 'bpftrace v0.20.2' }],
      [/bpftrace -e/, { code: 1, stderr: 'ERROR: Could not load BPF program: Operation not permitted' }],
      [/^strace/, {}],
    ]);
    const s = await prepareTracing({ ...opts, request: 'auto', privilege: { ...runner, kind: 'root' }, exec });
    expect(s.tracer).toBe('strace');
    expect(s.notes.join('; ')).toContain('bpftrace unavailable: cannot load BPF programs here: ERROR: Could not load BPF program: Operation not permitted');
  });

  it('without root or sudo: no bpftrace attempt, strace if ptrace works, else untraced', async () => {
    const ok = await prepareTracing({ ...opts, request: 'auto', privilege: { ...runner, kind: 'none' }, exec: fakeExec([[/^strace/, {}]]) });
    expect(ok.tracer).toBe('strace');
    expect(ok.notes[0]).toContain('needs root');
    const denied = await prepareTracing({ ...opts, request: 'auto', privilege: { ...runner, kind: 'none' }, exec: fakeExec([[/^strace -V/, {}], [/^strace -f/, { code: 1, stderr: 'strace: ptrace(PTRACE_TRACEME): Operation not permitted' }]]) });
    expect(denied.tracer).toBe('none');
    expect(denied.notes.join('; ')).toContain('Operation not permitted');
  });

  it('an explicit tracer that cannot run falls back to none; non-Linux runners are not traced', async () => {
    const s = await prepareTracing({ ...opts, request: 'bpftrace', privilege: runner, installBpftrace: false, exec: fakeExec([[/^strace/, {}]]) });
    expect(s.tracer).toBe('none');
    expect(s.notes.at(-1)).toBe('tracer bpftrace cannot run here: the build ran untraced');
    const mac = await prepareTracing({ ...opts, request: 'auto', privilege: runner, platform: 'darwin', exec: fakeExec([]) });
    expect(mac.tracer).toBe('none');
    expect(mac.notes[0]).toContain('Linux only');
  });
});

describe('fenced build output', () => {
  it('wraps output in a random stop-commands token and ends it on a line of its own', () => {
    let out = '';
    const fence = new CommandFence({ write: (c) => ((out += c.toString()), true) });
    fence.begin();
    fence.write(Buffer.from('::set-output name=x::y\nno newline at the end'));
    fence.end();
    expect(out).toBe(`::stop-commands::${fence.token}\n::set-output name=x::y\nno newline at the end\n::${fence.token}::\n`);
    expect(fence.token).toMatch(/^[0-9a-f]{48}$/);
    expect(new CommandFence({ write: () => true }).token).not.toBe(fence.token);
  });
});

describe('redaction', () => {
  async function run(chunks: string[], secrets: string[], same = false): Promise<string> {
    const parts: Buffer[] = [];
    for await (const c of Readable.from(chunks.map((c) => Buffer.from(c))).pipe(redactor(secrets, same))) parts.push(c as Buffer);
    return Buffer.concat(parts).toString();
  }

  it('finds secrets split across chunks, and keeps byte length for the database copy', async () => {
    expect(await run(['token=ghs_abc', 'DEF123 and ghs_abcDEF123\n'], ['ghs_abcDEF123'])).toBe('token=*** and ***\n');
    expect(await run(['x ghs_abcDEF123 y'], ['ghs_abcDEF123'], true)).toBe('x ************* y');
    expect(await run(['pässwörd!', ' ok'], ['pässwörd!'])).toBe('*** ok');
    expect(await run(['nothing'], [])).toBe('nothing');
  });
});
