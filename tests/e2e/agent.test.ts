/**
 * An agent run end to end with real bpftrace, as root: a stand-in agent (tests/fixtures/agent) prints
 * Claude Code stream-json (or Codex exec --json) to stdout and text to stderr, runs two Bash-like tool
 * calls in child processes and one in-process read, and exits 3. io-trace must give back its transcript
 * and stderr byte for byte, keep the exit code, and list each tool call's files under that call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BpftraceTracer } from '../../src/tracer/bpftrace.js';
import { DIST_CLI, REPO, node24, runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

const AGENT = path.join(REPO, 'tests/fixtures/agent/fake-agent.mjs');

beforeAll(async () => {
  const a = await new BpftraceTracer({ probeOnCheck: true }).check();
  if (!a.available) throw new Error(`bpftrace is not usable here (${a.reason}); install it and run as root (see .ci/run)`);
});

const workspaces: ReturnType<typeof makeWorkspace>[] = [];
afterAll(() => workspaces.forEach((w) => w.cleanup()));

function agentWorkspace() {
  const ws = makeWorkspace({
    'agent-config.json': '{"model":"fake-1"}\n',
    'src/a.txt': 'alpha\n',
    'src/b.txt': 'beta\n',
    'src/c.txt': 'gamma\n',
    'out/.keep': '',
    'io-trace.plan.json': JSON.stringify({
      version: 1,
      workspaceRoot: '.',
      tasks: [{ id: 'agent', target: { project: 'agent', target: 'run' }, projectRoot: '.', inputs: ['src/**', 'agent-config.json'], outputs: ['out/**'], dependencies: [] }],
    }),
  });
  workspaces.push(ws);
  return ws;
}

/** What the agent writes, run untraced in a twin workspace: the bytes io-trace must give back (stdout names its cwd). */
function untracedOutput(format: string, root: string): { stdout: Buffer; stderr: Buffer; code: number | null } {
  const twin = agentWorkspace();
  const r = spawnSync(node24(), [AGENT, format], { cwd: twin.root, stdio: ['ignore', 'pipe', 'pipe'] });
  return { stdout: Buffer.from(r.stdout.toString('utf8').replaceAll(twin.root, root)), stderr: r.stderr, code: r.status };
}

function cliBytes(args: string[], cwd: string): Buffer {
  const r = spawnSync(node24(), [DIST_CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`io-trace ${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return r.stdout;
}

/** The `show --full` lines under one tool call's heading, up to the next heading. */
function callBlock(show: string, id: string): string[] {
  const lines = show.split('\n');
  const start = lines.findIndex((l) => /^ {4}\S/.test(l) && l.includes(` ${id} `));
  expect(start, `no heading for ${id} in:\n${show}`).toBeGreaterThan(-1);
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (!l.startsWith('        ')) break;
    out.push(l.trim());
  }
  return out;
}

const fileLines = (block: string[]) => block.filter((l) => /^(read|create|write|truncate)\s/.test(l)).map((l) => l.replace(/\s+/g, ' ').replace(/ x\d+$/, ''));

describe.each(['claude', 'codex'])('an agent run (%s format) traced with bpftrace', (format) => {
  const ws = agentWorkspace();
  let run: ReturnType<typeof runCli>;
  const expected = untracedOutput(format, ws.root);

  it('keeps the exit code, the transcript and the stderr byte for byte', () => {
    expect(expected.code).toBe(3);
    run = runCli(['run', '--tracer', 'bpftrace', '--quiet', '--', process.execPath, AGENT, format], { cwd: ws.root });
    expect(run.code, run.stderr).toBe(3);
    expect(readFileSync(path.join(ws.root, 'out/two.txt'), 'utf8')).toBe('BETA\n');
    const transcript = cliBytes(['transcript'], ws.root);
    expect(transcript.equals(expected.stdout)).toBe(true);
    // jq-style use: every line of the transcript is JSON (stderr never lands in it).
    expect(transcript.toString('utf8').trimEnd().split('\n').every((l) => typeof JSON.parse(l) === 'object')).toBe(true);
    expect(cliBytes(['stderr'], ws.root).equals(expected.stderr)).toBe(true);
    expect(cliBytes(['stderr', '--stdout'], ws.root).equals(expected.stdout)).toBe(true);
    // The console log holds both streams.
    const log = cliBytes(['log'], ws.root);
    expect(log.length).toBe(expected.stdout.length + expected.stderr.length);
  });

  it('show --full lists each tool call with its own files, and the agent outside any call apart', () => {
    const show = runCli(['show', '--full'], { cwd: ws.root });
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain(`transcript: ${format === 'claude' ? 'claude-stream-json' : 'codex-exec-json'}`);
    const one = fileLines(callBlock(show.stdout, 'call_one'));
    const two = fileLines(callBlock(show.stdout, 'call_two'));
    const read = fileLines(callBlock(show.stdout, 'call_read'));
    expect(one).toEqual(expect.arrayContaining(['read src/a.txt', 'create out/one.txt']));
    expect(two).toEqual(expect.arrayContaining(['read src/b.txt', 'create out/two.txt']));
    for (const other of ['src/b.txt', 'out/two.txt', 'src/c.txt', 'agent-config.json']) expect(one.join('\n')).not.toContain(other);
    for (const other of ['src/a.txt', 'out/one.txt', 'src/c.txt', 'agent-config.json']) expect(two.join('\n')).not.toContain(other);
    expect(read).toEqual(['read src/c.txt']);
    const outsideAt = show.stdout.indexOf("the agent's own processes outside any tool call");
    expect(outsideAt).toBeGreaterThan(-1);
    const outside = show.stdout.slice(outsideAt, show.stdout.indexOf('  timeline:'));
    expect(outside).toContain('read        agent-config.json');
    expect(outside).not.toContain('src/a.txt');
    // The timeline tags each access with its call.
    expect(show.stdout).toMatch(/read\s+\[agent\] \{call_one\} src\/a\.txt/);
    expect(show.stdout).toMatch(/read\s+\[agent\] agent-config\.json/);
  });

  it('files --tool-call and show --full --json carry the same', () => {
    const files = runCli(['files', '--tool-call', 'call_two', '--json'], { cwd: ws.root });
    expect(files.code, files.stderr).toBe(0);
    const parsed = JSON.parse(files.stdout) as { toolCall: { id: string; processes: { argv: string[] }[] }; files: { display: string; op: string; errno: number }[] };
    expect(parsed.toolCall.id).toBe('call_two');
    expect(parsed.toolCall.processes.some((p) => p.argv?.[0] === 'tr')).toBe(true);
    const ok = parsed.files.filter((f) => f.errno === 0).map((f) => `${f.op} ${f.display}`);
    expect(ok).toEqual(expect.arrayContaining(['read src/b.txt', 'create out/two.txt']));
    expect(ok).not.toContain('read src/a.txt');

    const full = JSON.parse(runCli(['show', '--full', '--json'], { cwd: ws.root }).stdout) as {
      toolCalls: { id: string; files: { display: string; op: string; errno: number }[] }[];
      outsideToolCalls: { files: { display: string }[] };
    };
    expect(full.toolCalls.map((c) => c.id)).toEqual(['call_one', 'call_two', 'call_read']);
    expect(full.toolCalls[0].files.filter((f) => f.errno === 0).map((f) => `${f.op} ${f.display}`)).toEqual(expect.arrayContaining(['read src/a.txt', 'create out/one.txt']));
    expect(full.outsideToolCalls.files.map((f) => f.display)).toContain('agent-config.json');
    const rows = (full as unknown as { timeline: { kind: string; path?: string; toolCall?: string }[] }).timeline.filter((e) => e.kind === 'access');
    expect(rows.find((e) => e.path === path.join(ws.root, 'src/b.txt'))?.toolCall).toBe('call_two');
    expect(rows.find((e) => e.path === path.join(ws.root, 'agent-config.json'))?.toolCall).toBeUndefined();

    const missing = runCli(['files', '--tool-call', 'nope'], { cwd: ws.root });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/tool call "nope" is not in the transcript of run 1; its tool calls: "call_one", "call_two", "call_read"/);
  });
});

describe('an agent that writes its transcript to a file of its own (run --transcript)', () => {
  it('reads it from there, relative to the database, and ties tool calls to files by its growth', () => {
    const ws = agentWorkspace();
    const r = runCli(['run', '--tracer', 'bpftrace', '--quiet', '--transcript', 'run-abc.jsonl', '--', process.execPath, AGENT, 'claude', 'run-abc.jsonl'], { cwd: ws.root });
    expect(r.code, r.stderr).toBe(3);
    expect(cliBytes(['transcript'], ws.root).equals(readFileSync(path.join(ws.root, 'run-abc.jsonl')))).toBe(true);
    expect(cliBytes(['stderr', '--stdout'], ws.root).length).toBe(0);
    const show = runCli(['show', '--full'], { cwd: ws.root }).stdout;
    expect(fileLines(callBlock(show, 'call_one'))).toEqual(expect.arrayContaining(['read src/a.txt', 'create out/one.txt']));
    expect(fileLines(callBlock(show, 'call_two'))).toEqual(expect.arrayContaining(['read src/b.txt', 'create out/two.txt']));
    const shown = JSON.parse(runCli(['show', '--json'], { cwd: ws.root }).stdout) as { run: { transcriptPath: string; transcriptFormat: string } };
    expect(shown.run).toMatchObject({ transcriptPath: '../run-abc.jsonl', transcriptFormat: 'claude-stream-json' });
  });
});
