import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mergeDatabases } from '../../src/store/merge.js';
import { TraceStore } from '../../src/store/store.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { HOSTILE, writeFixtureRun } from './fixture.js';

let ws: ReturnType<typeof makeWorkspace>;
afterEach(() => ws?.cleanup());

/** Two matrix jobs' artifact folders: linux holds two runs, mac one. */
function jobs() {
  ws = makeWorkspace();
  const linux = path.join(ws.root, 'io-trace-linux', 'trace.db');
  const mac = path.join(ws.root, 'io-trace-mac', 'trace.db');
  writeFixtureRun(linux, { command: ['npm', 'run', 'build:1'] });
  writeFixtureRun(linux, { offset: 5000, command: ['npm', 'run', 'build:2'] });
  writeFixtureRun(mac, { offset: 9000, command: ['npm', 'run', 'build:mac'] });
  return { linux, mac };
}

function snapshot(file: string, runId: number) {
  const s = TraceStore.openExisting(file, { readonly: true });
  try {
    const accesses = [...s.taskAccesses(runId)].sort((a, b) => a.firstTs - b.firstTs || a.path.localeCompare(b.path));
    const events = s.loadEvents(runId);
    const idToName = new Map(events.map((e) => [e.id, e.name]));
    return {
      command: s.getRun(runId)!.command,
      tasks: s.taskStatuses(runId),
      processes: s.loadProcesses(runId),
      accesses,
      findings: s.loadFindings(runId),
      events: events.map((e) => ({ name: e.name, kind: e.kind, parent: e.parentId ? idToName.get(e.parentId) : null, status: e.status, error: e.error })),
    };
  } finally {
    s.close();
  }
}

describe('merge', () => {
  it('copies every run whole with a new id, its origin, nested spans and its logs', () => {
    const { linux, mac } = jobs();
    const out = path.join(ws.root, 'all', 'trace.db');
    const r = mergeDatabases([linux, mac], out, { label: (f) => path.relative(ws.root, f) });
    expect(r.runs).toEqual([
      { source: 'io-trace-linux/trace.db', sourceRunId: 1, runId: 1 },
      { source: 'io-trace-linux/trace.db', sourceRunId: 2, runId: 2 },
      { source: 'io-trace-mac/trace.db', sourceRunId: 1, runId: 3 },
    ]);
    expect(r.warnings).toEqual([]);
    for (const [src, oldId, newId] of [[linux, 1, 1], [linux, 2, 2], [mac, 1, 3]] as const) {
      expect(snapshot(out, newId)).toEqual(snapshot(src, oldId));
    }
    const merged = TraceStore.openExisting(out, { readonly: true });
    const run3 = merged.getRun(3)!;
    expect(run3.host).toMatchObject({ source: { db: 'io-trace-mac/trace.db', runId: 1 }, github: { pr: 7 } });
    expect(run3.transcriptPath).toBe('runs/3/transcript.log');
    merged.close();
    expect(readFileSync(path.join(ws.root, 'all', 'runs/3/stdout.log'), 'utf8')).toBe('built\n');
    expect(existsSync(path.join(ws.root, 'all', 'runs/3/transcript.log.times'))).toBe(true);

    // Merging a merge keeps the chain of origins.
    const again = path.join(ws.root, 'again.db');
    mergeDatabases([out], again, { label: () => 'all.db' });
    const s = TraceStore.openExisting(again, { readonly: true });
    expect(s.getRun(3)!.host.source).toEqual({ db: 'all.db', runId: 3, via: { db: 'io-trace-mac/trace.db', runId: 1 } });
    s.close();
  });

  it('refuses an existing output, an input given twice, and a damaged input, before writing anything', () => {
    const { linux, mac } = jobs();
    expect(() => mergeDatabases([linux, linux], path.join(ws.root, 'x.db'))).toThrow(/given twice/);
    expect(() => mergeDatabases([linux], mac)).toThrow(/already exists; pass --force/);
    const junk = path.join(ws.root, 'junk.db');
    writeFileSync(junk, 'garbage'.repeat(1000));
    expect(() => mergeDatabases([linux, junk], path.join(ws.root, 'y.db'))).toThrow(/junk\.db is damaged or not an io-trace database/);
    expect(existsSync(path.join(ws.root, 'y.db'))).toBe(false);
    expect(mergeDatabases([mac], path.join(ws.root, 'io-trace-linux', 'trace.db'), { force: true }).runs).toHaveLength(1);
  });

  it('warns about a log missing from an artifact and merges the rest', () => {
    const { linux, mac } = jobs();
    rmSync(path.join(path.dirname(mac), 'runs/1/stderr.log'));
    const r = mergeDatabases([linux, mac], path.join(ws.root, 'z.db'), { label: (f) => path.relative(ws.root, f) });
    expect(r.warnings).toEqual(['io-trace-mac/trace.db run 1: runs/1/stderr.log is missing (not in the artifact?); the merged run has no stderr']);
  });

  it('io-trace merge: artifact folders in, one database and one combined report out; list shows the origins', () => {
    jobs();
    const r = runCli(['merge', 'io-trace-linux', 'io-trace-mac', '--out', 'all.db', '--json', 'all.json'], { cwd: ws.root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('io-trace: merged 3 runs from 2 databases into all.db: issues');
    expect(r.stdout).toMatch(/SOURCE/);
    expect(r.stdout).toMatch(/3\s+issues.*io-trace-mac run 1\s+npm run build:mac/);
    const report = JSON.parse(readFileSync(path.join(ws.root, 'all.json'), 'utf8'));
    expect(report).toMatchObject({ kind: 'merged', status: 'issues', counts: { error: 9, warning: 3, info: 3 } });
    expect(report.runs).toHaveLength(3);
    expect(report.runs[0].findings.map((f: { path: string }) => f.path)).toContain(HOSTILE.newline);
    const show = runCli(['show', '3', '--db', 'all.db'], { cwd: ws.root });
    expect(show.stdout).toContain('merged:    from io-trace-mac run 1');
    expect(runCli(['stderr', '--stdout', '2', '--db', 'all.db'], { cwd: ws.root }).stdout).toBe('built\n');
    const html = runCli(['report', '--all', '--db', 'all.db', '--out', 'all.html'], { cwd: ws.root });
    expect(html.code).toBe(0);
    expect(readFileSync(path.join(ws.root, 'all.html'), 'utf8').match(/<section class="run"/g)).toHaveLength(3);
    const again = runCli(['merge', 'io-trace-linux', '--out', 'all.db'], { cwd: ws.root });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('all.db already exists; pass --force');
    expect(runCli(['merge', '--out', 'x.db'], { cwd: ws.root }).code).toBe(2);
  });
});
