import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { TraceStore } from '../../src/store/store.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { TraceIngestor } from '../../src/store/ingest.js';
import { ProcessTable, TaskMatcher } from '../../src/attribution/process-table.js';
import { StoreError } from '../../src/core/errors.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { smallDisk, type SmallDisk } from '../helpers/tmpfs.js';
import { writeProblem } from '../../src/store/write-errors.js';

let ws: ReturnType<typeof makeWorkspace>;
afterEach(() => ws?.cleanup());

function newRun(store: TraceStore) {
  return store.createRun({ ioTraceVersion: 't', command: ['npm', 'run', 'build'], cwd: '/w', tracer: 'bpftrace', startedAt: 1000 });
}

describe('TraceStore findings (root causes)', () => {
  it('keeps tasks and reason, also in a database written before those columns existed', () => {
    ws = makeWorkspace();
    const file = path.join(ws.root, 'trace.db');
    TraceStore.create(file).close();
    // A database from before: the findings table without tasks/reason.
    const raw = openDatabase(file);
    raw.exec('DROP TABLE findings; CREATE TABLE findings (id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL, task_id TEXT NOT NULL, type TEXT NOT NULL, path TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL, fix TEXT, other_task TEXT, count INTEGER, samples TEXT)');
    raw.close();
    const store = TraceStore.openExisting(file);
    const runId = newRun(store);
    const f = { task: 'a:build', type: 'unexpected_read' as const, path: 'package.json', severity: 'info' as const, message: 'm', tasks: ['a:build', 'b:build'], reason: 'module type', count: 1 };
    store.replaceFindings(runId, [f]);
    expect(store.loadFindings(runId)).toEqual([f]);
    store.close();
  });
});

describe('TraceStore', () => {
  it('round-trips runs, tasks, processes, accesses (de-duplicated with counts), findings and events', () => {
    ws = makeWorkspace();
    const store = TraceStore.create(path.join(ws.root, 'db', 'trace.db'));
    const runId = newRun(store);
    store.updateRun(runId, { status: 'issues', incompleteReasons: ['x'], exitCode: 3 });
    store.saveTasks(runId, [{ id: 'a:build', project: 'a', target: 'build', projectRoot: 'a', inputs: ['a/**'], outputs: [], dependsOn: [] }]);
    const procs = new ProcessTable({ rootPid: 10, matcher: new TaskMatcher({ tasks: [] }), defaultTask: 'a:build', outsideRole: 'unattributed', startedAt: 0, readEnviron: () => undefined });
    const ingest = new TraceIngestor(store, runId, procs, 0);
    ingest.sink([
      { type: 'access', ts: 5, pid: 10, op: 'read', path: '/w/a/x', errno: 0 },
      { type: 'access', ts: 6, pid: 10, op: 'read', path: '/w/a/x', errno: 0 },
    ]);
    ingest.flush();
    ingest.sink([
      { type: 'access', ts: 4, pid: 10, op: 'read', path: '/w/a/x', errno: 0 },
      { type: 'access', ts: 7, pid: 10, op: 'read', path: '/w/a/y', errno: 2 },
      { type: 'notice', ts: 8, kind: 'lost', count: 3, message: 'lost 3 events' },
    ]);
    ingest.close();
    store.replaceFindings(runId, [{ task: 'a:build', type: 'unexpected_read', path: 'x', severity: 'error', message: 'm', fix: { summary: 's', field: 'inputs', add: ['x'] } }]);
    store.close();

    const ro = TraceStore.openExisting(path.join(ws.root, 'db', 'trace.db'), { readonly: true });
    expect(ro.getRun(runId)).toMatchObject({ command: ['npm', 'run', 'build'], status: 'issues', incompleteReasons: ['x'], exitCode: 3 });
    const accesses = [...ro.taskAccesses(runId)].sort((a, b) => a.path.localeCompare(b.path));
    expect(accesses).toEqual([
      { procKey: 1, path: '/w/a/x', op: 'read', errno: 0, count: 3, firstTs: 4, lastTs: 6, taskId: 'a:build', role: 'task' },
      { procKey: 1, path: '/w/a/y', op: 'read', errno: 2, count: 1, firstTs: 7, lastTs: 7, taskId: 'a:build', role: 'task' },
    ]);
    expect(ro.loadFindings(runId)[0].fix?.add).toEqual(['x']);
    expect(ro.loadEvents(runId).map((e) => [e.kind, e.name])).toEqual([['notice', 'lost']]);
    expect(ro.resolveRun('latest').id).toBe(runId);
    expect(() => ro.resolveRun('99')).toThrow(/run "99" is not in/);
    ro.close();
  });

  it('names a missing, damaged or foreign database', () => {
    ws = makeWorkspace();
    expect(() => TraceStore.openExisting(path.join(ws.root, 'none.db'))).toThrow(/does not exist/);
    const junk = ws.write('junk.db', 'this is not sqlite'.repeat(100));
    expect(() => TraceStore.openExisting(junk)).toThrow(StoreError);
    expect(() => TraceStore.openExisting(junk)).toThrow(/damaged or not an io-trace database/);
  });
});

describe('TraceIngestor on a full disk (real tmpfs)', () => {
  const ACCESSES = 2000; // ~500 KB of rows: more than any slack the WAL has
  let disk: SmallDisk;
  beforeAll(() => {
    disk = smallDisk(2048);
  });
  afterAll(() => disk?.unmount());
  // Each test starts with an empty disk.
  afterEach(() => {
    disk.readonly(false);
    for (const f of readdirSync(disk.dir)) rmSync(path.join(disk.dir, f), { recursive: true, force: true });
  });

  function setUp(name: string) {
    const file = path.join(disk.dir, name);
    const store = TraceStore.create(file);
    const runId = newRun(store);
    const procs = new ProcessTable({ rootPid: 10, matcher: new TaskMatcher({ tasks: [] }), defaultTask: 'a:build', outsideRole: 'unattributed', startedAt: 0, readEnviron: () => undefined });
    const errors: unknown[] = [];
    const ingest = new TraceIngestor(store, runId, procs, { flushIntervalMs: 0, onWriteError: (e) => errors.push(e) });
    ingest.sink([
      { type: 'fork', ts: 1, pid: 10, child: 11 },
      { type: 'access', ts: 5, pid: 10, op: 'read', path: '/w/before', errno: 0 },
      { type: 'access', ts: 6, pid: 11, op: 'write', path: '/w/out', errno: 0 },
    ]);
    expect(ingest.flush()).toBe(true);
    return { file, store, runId, ingest, errors };
  }

  const burst = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ type: 'access' as const, ts: 100 + i, pid: 11, op: 'read' as const, path: `/w/${'p'.repeat(200)}/${i}`, errno: 0 }));

  it('keeps a refused batch pending and writes all of it when space comes back', () => {
    const { file, store, runId, ingest, errors } = setUp('recover.db');
    expect(disk.fill()).toBeGreaterThan(0);
    ingest.sink([{ type: 'access', ts: 7, pid: 10, op: 'read', path: '/w/before', errno: 0 }, ...burst(ACCESSES)]);
    ingest.sink([{ type: 'notice', ts: 8, kind: 'lost', count: 2, message: 'lost 2 events' }]);
    expect(ingest.flush()).toBe(false);
    expect(String(ingest.unsaved)).toMatch(/full/);
    expect(errors).toHaveLength(1);
    expect(writeProblem(ingest.unsaved, file)).toBe('disk full');
    // Still full: a second attempt fails the same way and is not reported again.
    expect(ingest.flush()).toBe(false);
    expect(errors).toHaveLength(1);
    disk.unfill();
    ingest.close();
    expect(ingest.unsaved).toBeUndefined();
    store.close();

    const ro = TraceStore.openExisting(file, { readonly: true });
    try {
      const rows = [...ro.taskAccesses(runId)];
      expect(rows).toHaveLength(2 + ACCESSES);
      // The repeat of a row written before the failure updated it, once: no duplicate, no lost count.
      expect(rows.find((r) => r.path === '/w/before')).toMatchObject({ count: 2, firstTs: 5, lastTs: 7 });
      expect(ro.loadProcesses(runId).map((p) => p.pid).sort()).toEqual([10, 11]);
      expect(ro.loadEvents(runId).filter((e) => e.name === 'lost')).toHaveLength(1);
    } finally {
      ro.close();
    }
  });

  it('never throws when the disk stays full, and what was committed before stays readable', () => {
    const { file, store, runId, ingest } = setUp('stays-full.db');
    disk.fill();
    try {
      ingest.sink(burst(ACCESSES));
      expect(ingest.flush()).toBe(false);
      expect(() => ingest.close()).not.toThrow();
      expect(writeProblem(ingest.unsaved, file)).toBe('disk full');
      expect(() => store.close()).not.toThrow();
      const ro = TraceStore.openExisting(file, { readonly: true });
      try {
        expect(ro.getRun(runId)?.command).toEqual(['npm', 'run', 'build']);
        expect([...ro.taskAccesses(runId)].map((a) => a.path).sort()).toEqual(['/w/before', '/w/out']);
      } finally {
        ro.close();
      }
    } finally {
      disk.unfill();
    }
  });

  it('names a read-only file system as such, before and after the database exists', () => {
    const { file, store } = setUp('ro.db');
    store.close();
    disk.readonly(true);
    try {
      expect(() => TraceStore.create(path.join(disk.dir, 'new', 'trace.db'))).toThrow(/^cannot write the trace database .*new\/trace\.db: read-only file system$/);
      let err: unknown;
      try {
        const again = TraceStore.create(file);
        try {
          newRun(again);
        } finally {
          again.close();
        }
      } catch (e) {
        err = e;
      }
      expect(writeProblem(err, file)).toBe('read-only file system');
    } finally {
      disk.readonly(false);
    }
  });
});
