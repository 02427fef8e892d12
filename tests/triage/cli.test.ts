import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DIST_CLI, node24, runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { HOSTILE, T0, writeFixtureRun } from './fixture.js';

let ws: ReturnType<typeof makeWorkspace>;
afterEach(() => ws?.cleanup());

/** No output line may start a workflow command, and no raw control character may reach the terminal. */
function expectSafeText(out: string) {
  for (const line of out.split('\n')) expect(line.startsWith('::')).toBe(false);
  // eslint-disable-next-line no-control-regex
  expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
}

function fixture() {
  ws = makeWorkspace();
  const db = path.join(ws.root, '.io-trace', 'trace.db');
  writeFixtureRun(db);
  return db;
}

describe('triage CLI over a recorded database (dist/ under Node 24)', () => {
  it('lists runs with status, exit code, findings, spans and age', () => {
    fixture();
    const r = runCli(['list'], { cwd: ws.root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^RUN\s+STATUS\s+EXIT\s+FINDINGS\s+SPANS\s+AGE/);
    expect(r.stdout).toMatch(/\n1\s+issues\s+0\s+5 \(3e 1w 1i\)\s+5 \(1 failed\)\s+\d+d ago\s+1\.00 s\s+npm run build/);
    const json = JSON.parse(runCli(['list', '--json'], { cwd: ws.root }).stdout);
    expect(json.runs[0]).toMatchObject({ id: 1, status: 'issues', exitCode: 0, findings: { error: 3, warning: 1, info: 1, total: 5 }, spans: 5, failedSpans: 1 });
  });

  it('shows run facts, log paths, findings, spans with the error under the failed one, and GitHub facts', () => {
    fixture();
    const r = runCli(['show', '1'], { cwd: ws.root });
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('run 1: issues (build exit 0, bpftrace 0.20.2, 1.00 s');
    expect(out).toContain('github:    o/r, run 42, job build, PR #7, sha abcdef123456, runner Linux');
    expect(out).toContain(`transcript  ${path.join(ws.root, '.io-trace', 'runs', '1', 'transcript.log')}`);
    expect(out).toMatch(/stderr\s+\S+stderr\.log \(9 B\)/);
    expect(out).toContain('add "config.json" to inputs of app:build (io-trace.plan.json:3)');
    // Nesting: select-tracer under setup, the recorded lib task under build, app's derived from its processes.
    expect(out).toMatch(/\n {4}setup\s+-0\.005s\s+4 ms\s+ok\n {6}select-tracer/);
    expect(out).toMatch(/\n {6}task lib:build\s+\+0\.010s\s+290 ms\s+ok/);
    expect(out).toMatch(/\n {6}task app:build \(from processes\)\s+\+0\.400s\s+400 ms/);
    expect(out).toMatch(/upload\s+\+0\.950s\s+30 ms\s+error\n\s+error: artifact upload failed: 503/);
    expectSafeText(out);
    // Hostile names shown escaped (JSON-quoted), never as a second line.
    expect(out).toContain(JSON.stringify(HOSTILE.newline));

    const json = JSON.parse(runCli(['show', '--json'], { cwd: ws.root }).stdout);
    expect(json.run.host.github.pr).toBe(7);
    expect(json.findings.map((f: { path: string }) => f.path)).toContain(HOSTILE.newline);
    expect(json.spans.find((s: { name: string }) => s.name === 'upload')).toMatchObject({ status: 'error', error: 'artifact upload failed: 503' });
  });

  it('shows one task: processes, reads, writes, findings', () => {
    fixture();
    const r = runCli(['show', '--task', 'app:build'], { cwd: ws.root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('task app:build in run 1: analyzed (2 processes, 400 ms)');
    expect(r.stdout).toMatch(/reads \(7\):[\s\S]*read\s+config\.json/);
    expect(r.stdout).toMatch(/writes \(2\):[\s\S]*create\s+app\/dist\/main\.js/);
    expect(r.stdout).not.toContain('lib/missing.json');
    // The process tree, each process with its own files; the finding says which process made the access.
    expect(r.stdout).toMatch(/\n {4}pid 102  node build\.js\n {6}read {2}app\/src\/main\.ts, lib\/dist\/index\.js, config\.json, .+ and 2 more\n {6}wrote .+\n {6}pid 103  cp a b\n {8}wrote app\/dist\/main\.js/);
    expect(r.stdout).toContain('why: read by node build.js (pid 102, first at +0.43s)');
    expectSafeText(r.stdout);
    const json = JSON.parse(runCli(['show', '--task', 'app:build', '--json'], { cwd: ws.root }).stdout);
    expect(json.reads.map((f: { path: string }) => f.path)).toContain(`/w/${HOSTILE.tab}`);
    expect(json.tree[0]).toMatchObject({ pid: 102, label: 'node build.js', children: [{ pid: 103, writes: ['app/dist/main.js'] }] });
    expect(json.findings[0].cause).toMatchObject({ op: 'read', path: 'config.json', pid: 102, chain: ['node build.js'], count: 1 });
    const bad = runCli(['show', '--task', 'nope:build'], { cwd: ws.root });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('task "nope:build" is not in run 1');
  });

  it('interleaves spans, processes, transcript tool calls and accesses on one timeline (--full)', () => {
    fixture();
    const r = runCli(['show', '--full'], { cwd: ws.root });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    const order = [
      at(/span\s+setup/),
      at(/span\s+build/),
      at(/process\s+\[lib:build\] pid 101 tsc -p lib/),
      at(/read\s+\[lib:build\] lib\/src\/index\.ts x3/),
      at(/stat!ENOENT\s+\[lib:build\] lib\/missing\.json/),
      at(/process\s+\[app:build\] pid 102/),
      // app:build's process started (+0.400s) just before the Bash call's line arrived (+0.415s): its accesses are the call's.
      at(/read\s+\[app:build\] \{toolu_1\} app\/src\/main\.ts/),
      at(/\+0\.415s\s+tool\s+Bash: npm run build/),
      at(/read\s+\[app:build\] \{toolu_1\} lib\/dist\/index\.js/),
      at(/notice\s+lost: lost 3 events/),
      at(/\+0\.820s\s+tool-error\s+error TS2304/),
      at(/span\s+upload.*artifact upload failed/),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expectSafeText(r.stdout);

    const full = JSON.parse(runCli(['show', '--full', '--json'], { cwd: ws.root }).stdout);
    const kinds = new Set(full.timeline.map((e: { kind: string }) => e.kind));
    expect([...kinds].sort()).toEqual(['access', 'notice', 'process', 'span', 'transcript']);
    const paths = full.timeline.filter((e: { kind: string }) => e.kind === 'access').map((e: { path: string }) => e.path);
    for (const h of Object.values(HOSTILE)) expect(paths).toContain(`/w/${h}`);
    const ts = full.timeline.map((e: { ts: number }) => e.ts);
    expect([...ts].sort((a, b) => a - b)).toEqual(ts);
    expect(ts[0]).toBe(T0 - 5);
  });

  it('prints the transcript and stderr as raw bytes, and the transcript parsed with --items', () => {
    const db = fixture();
    const raw = spawnSync(node24(), [DIST_CLI, 'stderr'], { cwd: ws.root });
    expect(raw.status).toBe(0);
    expect(Buffer.compare(raw.stdout, readFileSync(path.join(path.dirname(db), 'runs/1/stderr.log')))).toBe(0);
    const t = spawnSync(node24(), [DIST_CLI, 'transcript', '1'], { cwd: ws.root });
    expect(t.stdout.toString()).toBe(readFileSync(path.join(path.dirname(db), 'runs/1/transcript.log'), 'utf8'));
    expect(runCli(['stderr', '--stdout'], { cwd: ws.root }).stdout).toBe('built\n');
    const items = runCli(['transcript', '--items'], { cwd: ws.root });
    expect(items.stdout).toContain('claude-stream-json');
    expect(items.stdout).toMatch(/2\s+\+415 ms\s+tool_call\s+Bash\s+toolu_1\s+npm run build/);
    const json = JSON.parse(runCli(['transcript', '--items', '--json'], { cwd: ws.root }).stdout);
    expect(json.items.find((i: { kind: string }) => i.kind === 'tool_result')).toMatchObject({ name: 'Bash', isError: true, text: 'error TS2304', ts: T0 + 820 });
  });

  it('lists files with --task and --op filters, hostile names escaped in tables and exact in --json', () => {
    fixture();
    const r = runCli(['files', '--task', 'app:build', '--op', 'writes'], { cwd: ws.root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/app:build\s+create\s+ok\s+1\s+1\s+app\/dist\/main\.js/);
    expect(r.stdout).toContain(JSON.stringify(HOSTILE.unicode).replace('\u2028', '\\u2028'));
    expect(r.stdout).not.toContain('config.json');
    expectSafeText(r.stdout);
    const all = runCli(['files', '--json'], { cwd: ws.root });
    const files = JSON.parse(all.stdout).files;
    expect(files).toHaveLength(12);
    expect(files.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(Object.values(HOSTILE).map((h) => `/w/${h}`)));
    expect(files.find((f: { errno: number }) => f.errno === 2)).toMatchObject({ op: 'stat', task: 'lib:build', display: 'lib/missing.json' });
    const stats = runCli(['files', '--op', 'stat', '--ok'], { cwd: ws.root });
    expect(stats.stdout).toBe('no file accesses in run 1 match\n');
    const bad = runCli(['files', '--op', 'munge'], { cwd: ws.root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--op "munge": use one of read, write');
  });

  it('lists findings with filters', () => {
    fixture();
    const r = runCli(['findings', '--severity', 'warning'], { cwd: ws.root });
    expect(r.stdout).toContain('findings: 3 errors, 1 warning, 0 info');
    expect(r.stdout).not.toContain('unused_input');
    expectSafeText(r.stdout);
    const j = JSON.parse(runCli(['findings', '--type', 'missing_output', '--json'], { cwd: ws.root }).stdout);
    expect(j.findings).toEqual([expect.objectContaining({ task: 'lib:build', path: 'lib/types' })]);
  });

  it('reads a downloaded artifact folder through --db DIR, logs included', () => {
    const db = fixture();
    const art = path.join(ws.root, 'artifact');
    mkdirSync(path.join(art, 'runs', '1'), { recursive: true });
    copyFileSync(db, path.join(art, 'trace.db'));
    for (const f of ['stderr.log', 'stdout.log', 'transcript.log']) copyFileSync(path.join(path.dirname(db), 'runs/1', f), path.join(art, 'runs/1', f));
    expect(runCli(['show', '--db', 'artifact'], { cwd: ws.root }).stdout).toContain(path.join(art, 'runs', '1', 'transcript.log'));
    expect(runCli(['stderr', '--stdout', '--db', art], { cwd: '/' }).stdout).toBe('built\n');
    expect(runCli(['list', '--db', ws.root], { cwd: '/' }).code).toBe(0); // a workspace: .io-trace/trace.db
  });

  it('names an unknown run, a missing or damaged database, and a missing log', () => {
    const db = fixture();
    const unknown = runCli(['show', '9'], { cwd: ws.root });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain(`run "9" is not in ${db}`);
    const missing = runCli(['list', '--db', 'nope.db'], { cwd: ws.root });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain(`trace database ${path.join(ws.root, 'nope.db')} does not exist`);
    writeFileSync(path.join(ws.root, 'junk.db'), 'SQLite format 3\0' + 'x'.repeat(5000));
    const junk = runCli(['list', '--db', 'junk.db'], { cwd: ws.root });
    expect(junk.code).toBe(3);
    expect(junk.stderr).toContain(`trace database ${path.join(ws.root, 'junk.db')} is damaged or not an io-trace database`);
    // A real database cut short.
    const cut = path.join(ws.root, 'cut.db');
    writeFileSync(cut, readFileSync(db).subarray(0, 8192));
    const r = runCli(['show', '--full', '--db', 'cut.db'], { cwd: ws.root });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(cut);
    const noLog = runCli(['transcript', '--db', path.join(ws.root, 'artifact-less')], { cwd: ws.root });
    expect(noLog.code).toBe(3);
  });

  it('records a real run (--tracer none) whose transcript lines get arrival times, and shows it', () => {
    ws = makeWorkspace({ 'io-trace.plan.json': JSON.stringify({ version: 1, tasks: [{ id: 'app:build', target: { project: 'app', target: 'build' }, projectRoot: 'app', inputs: ['app/**'], outputs: [] }] }) });
    const line1 = JSON.stringify({ type: 'assistant', message: { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'Bash', input: { command: 'make' } }] }, session_id: 's' });
    const r = runCli(['run', '--tracer', 'none', '--quiet', '--', 'sh', '-c', `echo '${line1}'; sleep 0.3; echo done >&2`], { cwd: ws.root });
    expect(r.code).toBe(0);
    const show = runCli(['show', '--full'], { cwd: ws.root });
    expect(show.stdout).toMatch(/\+0\.\d{3}s\s+tool\s+Bash: make/);
    const items = JSON.parse(runCli(['transcript', '--items', '--json'], { cwd: ws.root }).stdout);
    expect(items.format).toBe('claude-stream-json');
    expect(typeof items.items[0].ts).toBe('number');
    const spans = JSON.parse(runCli(['show', '--json'], { cwd: ws.root }).stdout).spans.map((s: { name: string }) => s.name);
    expect(spans).toEqual(expect.arrayContaining(['setup', 'attach', 'build', 'detach', 'ingest', 'analysis']));
  });

  it('triages a run traced for real (strace): task spans, the task files on the timeline', () => {
    ws = makeWorkspace({
      'io-trace.plan.json': JSON.stringify({ version: 1, tasks: [{ id: 'app:build', target: { project: 'app', target: 'build' }, projectRoot: 'app', inputs: ['app/src/**'], outputs: ['app/dist'] }] }),
      'app/src/a.txt': 'a',
      'secret.cfg': 's',
    });
    const r = runCli(['run', '--tracer', 'strace', '--quiet', '--', 'sh', '-c', 'mkdir -p app/dist && cat app/src/a.txt secret.cfg > app/dist/out.txt'], { cwd: ws.root });
    expect(r.stderr).toContain('ISSUES FOUND');
    const show = JSON.parse(runCli(['show', '--json'], { cwd: ws.root }).stdout);
    expect(show.spans.find((s: { name: string }) => s.name === 'task')).toMatchObject({ attributes: { task: 'app:build' }, derived: false, depth: 1 });
    const full = runCli(['show', '--full'], { cwd: ws.root }).stdout;
    expect(full).toMatch(/read\s+\[app:build\] secret\.cfg/);
    expect(full).toMatch(/(create|truncate|write)\s+\[app:build\] app\/dist\/out\.txt/);
    expect(full).toMatch(/span\s+ {2}task app:build/);
    const findings = JSON.parse(runCli(['findings', '--json'], { cwd: ws.root }).stdout).findings;
    expect(findings).toEqual([expect.objectContaining({ type: 'unexpected_read', path: 'secret.cfg' })]);
    const files = runCli(['files', '--task', 'app:build', '--op', 'reads', '--ok'], { cwd: ws.root }).stdout;
    expect(files).toMatch(/app:build\s+read\s+ok\s+\d+\s+\d+\s+secret\.cfg/);
  });
});
