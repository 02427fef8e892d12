import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/store/sqlite.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from '../../src/store/schema.js';
import { TraceStore } from '../../src/store/store.js';
import { mergeDatabases } from '../../src/store/merge.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

let ws: ReturnType<typeof makeWorkspace>;
afterEach(() => ws?.cleanup());

/** A database as io-trace wrote it at schema 1: transcript_path was the interleaved console output. */
function writeV1(dir: string): string {
  const db = path.join(dir, 'trace.db');
  mkdirSync(path.join(dir, 'runs', '1'), { recursive: true });
  const v1 = SCHEMA_SQL.split('\n')
    .filter((l) => !/^\s*(log_path|transcript_times_path|transcript_format)\s/.test(l))
    .join('\n');
  const d = openDatabase(db);
  d.exec(v1);
  d.pragma('user_version = 1');
  d.prepare(
    `INSERT INTO runs (io_trace_version, command, cwd, tracer, started_at, ended_at, exit_code, status, stdout_path, stderr_path, transcript_path)
     VALUES ('0.1.0', '["sh","-c","x"]', '/w', 'bpftrace', 1000, 2000, 0, 'clean', 'runs/1/stdout.log', 'runs/1/stderr.log', 'runs/1/transcript.log')`,
  ).run();
  d.close();
  writeFileSync(path.join(dir, 'runs/1/stdout.log'), 'out\n');
  writeFileSync(path.join(dir, 'runs/1/stderr.log'), 'err\n');
  writeFileSync(path.join(dir, 'runs/1/transcript.log'), 'out\nerr\n');
  return db;
}

describe('schema versions', () => {
  it('reads a schema 1 database as it is: its interleaved transcript is the log, and it has no agent transcript', () => {
    ws = makeWorkspace();
    const db = writeV1(path.join(ws.root, 'old'));
    expect(SCHEMA_VERSION).toBe(2);
    const s = TraceStore.openExisting(db, { readonly: true });
    expect(s.getRun(1)).toMatchObject({ logPath: 'runs/1/transcript.log', transcriptPath: null, transcriptFormat: null });
    expect(Number(s.db.pragma('user_version'))).toBe(1); // a reader does not rewrite it
    s.close();
    expect(runCli(['log', '--db', 'old'], { cwd: ws.root }).stdout).toBe('out\nerr\n');
    const t = runCli(['transcript', '--db', 'old'], { cwd: ws.root });
    expect(t.code).toBe(3);
    expect(t.stderr).toContain('has no agent transcript');
  });

  it('an old run whose stdout is an agent transcript still gets it', () => {
    ws = makeWorkspace();
    const db = writeV1(path.join(ws.root, 'old'));
    const line = JSON.stringify({ type: 'assistant', message: { role: 'assistant', content: [{ type: 'text', text: 'hi' }] }, session_id: 's' }) + '\n';
    writeFileSync(path.join(ws.root, 'old/runs/1/stdout.log'), line);
    expect(runCli(['transcript', '--db', db], { cwd: ws.root }).stdout).toBe(line);
  });

  it('a writer upgrades a schema 1 database in place; merge reads schema 1 sources', () => {
    ws = makeWorkspace();
    const db = writeV1(path.join(ws.root, 'old'));
    const copy = path.join(ws.root, 'copy', 'trace.db');
    mkdirSync(path.dirname(copy), { recursive: true });
    copyFileSync(db, copy);

    const merged = path.join(ws.root, 'merged', 'trace.db');
    const r = mergeDatabases([db], merged);
    expect(r.warnings).toEqual([]);
    const m = TraceStore.openExisting(merged, { readonly: true });
    expect(m.getRun(1)).toMatchObject({ logPath: 'runs/1/transcript.log', transcriptPath: null, stdoutPath: 'runs/1/stdout.log' });
    m.close();

    const w = TraceStore.create(copy);
    expect(Number(w.db.pragma('user_version'))).toBe(2);
    expect(w.getRun(1)).toMatchObject({ logPath: 'runs/1/transcript.log', transcriptPath: null });
    const id = w.createRun({ ioTraceVersion: 't', command: ['x'], cwd: '/w', tracer: 'none', startedAt: 3000, logPath: 'runs/2/output.log', transcriptFormat: 'jsonl' });
    expect(w.getRun(id)).toMatchObject({ logPath: 'runs/2/output.log', transcriptFormat: 'jsonl' });
    w.close();
  });

  it('refuses a database from a newer io-trace, naming both versions', () => {
    ws = makeWorkspace();
    const db = path.join(ws.root, 'new.db');
    const d = openDatabase(db);
    d.exec(SCHEMA_SQL);
    d.pragma('user_version = 99');
    d.close();
    expect(() => TraceStore.openExisting(db, { readonly: true })).toThrow(/schema version 99; this io-trace reads versions 1 to 2/);
    expect(() => TraceStore.create(db)).toThrow(/schema version 99, this io-trace writes version 2/);
  });
});
