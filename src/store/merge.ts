import { copyFileSync, existsSync, mkdirSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, StoreError } from '../core/errors.js';
import { TraceStore } from './store.js';

/**
 * Merge trace databases (matrix jobs, several agents) into one. Every run is copied whole with a new
 * id; where it came from is kept in its host facts (`host.source = {db, runId}`), and its logs are
 * copied beside the new database so their relative paths still resolve. Rows are copied by SQL
 * (`INSERT ... SELECT` from an attached database), never through JavaScript objects.
 */
export interface MergeOptions {
  /** Replace `out` if it exists (default: refuse). */
  force?: boolean;
  /** Copy each run's stdout/stderr/transcript beside the new database (default true). */
  copyLogs?: boolean;
  /** How each source is named in `host.source.db` (default: the path as given). */
  label?: (file: string) => string;
}

export interface MergedRun {
  source: string;
  sourceRunId: number;
  runId: number;
}

export interface MergeResult {
  out: string;
  runs: MergedRun[];
  /** Things that did not stop the merge (a log file that was already missing...). */
  warnings: string[];
}

/** Columns copied as they are (everything but the primary key and run_id). */
const TABLES = ['tasks', 'processes', 'accesses', 'findings'] as const;

export function mergeDatabases(sources: readonly string[], out: string, options: MergeOptions = {}): MergeResult {
  if (sources.length === 0) throw new ConfigurationError('io-trace merge: no databases to merge (give one or more trace.db files)');
  const outAbs = path.resolve(out);
  const seen = new Map<string, string>();
  for (const s of sources) {
    if (!existsSync(s)) throw new StoreError(`trace database ${s} does not exist`);
    const real = realpathSync(s);
    if (seen.has(real)) throw new ConfigurationError(`io-trace merge: ${s} is given twice (also as ${seen.get(real)})`);
    seen.set(real, s);
    if (existsSync(outAbs) && real === realpathSync(outAbs)) throw new ConfigurationError(`io-trace merge: --out ${out} is also an input; write to a new file`);
  }
  if (existsSync(outAbs)) {
    if (!options.force) throw new ConfigurationError(`io-trace merge: ${out} already exists; pass --force to replace it, or choose another --out`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(outAbs + suffix, { force: true });
  }
  // Check every input first (version, damage), so a bad one fails before anything is written.
  const runIds = new Map<string, number[]>();
  for (const s of sources) {
    const src = TraceStore.openExisting(s, { readonly: true });
    try {
      runIds.set(s, (src.db.prepare('SELECT id FROM runs ORDER BY id').all() as { id: number }[]).map((r) => r.id));
    } catch (e) {
      throw new StoreError(`trace database ${s} is damaged: ${(e as Error).message}`);
    } finally {
      src.close();
    }
  }

  const store = TraceStore.create(outAbs);
  const outDir = path.dirname(outAbs);
  const result: MergeResult = { out: outAbs, runs: [], warnings: [] };
  try {
    const db = store.db;
    const columns = (table: string) =>
      (db.prepare(`PRAGMA main.table_info(${table})`).all() as { name: string }[]).map((c) => c.name).filter((n) => n !== 'id' && n !== 'run_id');
    const runCols = (db.prepare('PRAGMA main.table_info(runs)').all() as { name: string }[]).map((c) => c.name).filter((n) => n !== 'id');
    const eventCols = columns('events').filter((c) => c !== 'parent_id');
    for (const s of sources) {
      const label = options.label ? options.label(s) : s;
      db.prepare('ATTACH DATABASE ? AS src').run(s);
      try {
        // Prepared per source: they name the attached database's tables. An older source (schema 1)
        // lacks newer columns: copy what it has, then upgrade the row as the migration would.
        const srcRunCols = new Set((db.prepare('PRAGMA src.table_info(runs)').all() as { name: string }[]).map((c) => c.name));
        const shared = runCols.filter((c) => srcRunCols.has(c));
        const copyRun = db.prepare(`INSERT INTO main.runs (${shared.join(', ')}) SELECT ${shared.join(', ')} FROM src.runs WHERE id = ?`);
        const fromV1 = !srcRunCols.has('log_path');
        const copies = TABLES.map((t) => {
          // Columns added in place later (findings.tasks, .reason) may be absent from an older source.
          const srcCols = new Set((db.prepare(`PRAGMA src.table_info(${t})`).all() as { name: string }[]).map((c) => c.name));
          const cols = columns(t).filter((c) => srcCols.has(c));
          // Accesses by rowid range (`+run_id` keeps SQLite off the (run_id, proc_key) index, which would
          // read them in random order): a run's rows were inserted together.
          const scope = t === 'accesses' ? 'id BETWEEN ? AND ? AND +run_id = ?' : 'run_id = ?';
          return { table: t, stmt: db.prepare(`INSERT INTO main.${t} (run_id, ${cols.join(', ')}) SELECT ?, ${cols.join(', ')} FROM src.${t} WHERE ${scope} ORDER BY id`) };
        });
        const accessRange = db.prepare('SELECT coalesce(min(id), 0) AS lo, coalesce(max(id), -1) AS hi FROM src.accesses WHERE run_id = ?');
        const copyEvents = db.prepare(
          `INSERT INTO main.events (id, run_id, parent_id, ${eventCols.join(', ')})
           SELECT id + ?, ?, CASE WHEN parent_id IS NULL THEN NULL ELSE parent_id + ? END, ${eventCols.join(', ')} FROM src.events WHERE run_id = ? ORDER BY id`,
        );
        const eventIdRange = db.prepare('SELECT min(id) AS lo FROM src.events WHERE run_id = ?');
        const maxEventId = db.prepare('SELECT coalesce(max(id), 0) AS hi FROM main.events');
        for (const oldId of runIds.get(s) ?? []) {
          const newId = db.transaction(() => {
            const id = copyRun.run(oldId).lastInsertRowid;
            if (fromV1) db.prepare('UPDATE main.runs SET log_path = transcript_path, transcript_path = NULL WHERE id = ?').run(id);
            for (const { table, stmt } of copies) {
              if (table === 'accesses') {
                const { lo, hi } = accessRange.get(oldId) as { lo: number; hi: number };
                stmt.run(id, lo, hi, oldId);
              } else {
                stmt.run(id, oldId);
              }
            }
            const lo = (eventIdRange.get(oldId) as { lo: number | null }).lo;
            if (lo !== null) {
              // Shift ids past what main holds, keeping parent links: parent_id moves by the same offset.
              const off = (maxEventId.get() as { hi: number }).hi - lo + 1;
              copyEvents.run(off, id, off, oldId);
            }
            return id;
          });
          result.runs.push({ source: label, sourceRunId: oldId, runId: newId });
          const run = store.getRun(newId)!;
          const prev = run.host.source;
          const logs: Partial<Record<'stdoutPath' | 'stderrPath' | 'logPath' | 'transcriptPath' | 'transcriptTimesPath', string | null>> = {};
          const logKeys = ['stdoutPath', 'stderrPath', 'logPath', 'transcriptPath', 'transcriptTimesPath'] as const;
          for (const [key, rel] of logKeys.map((k) => [k, run[k]] as const)) {
            if (!rel) continue;
            if (options.copyLogs === false) {
              logs[key] = path.relative(outDir, path.resolve(path.dirname(s), rel));
              continue;
            }
            const from = path.resolve(path.dirname(s), rel);
            if (!existsSync(from)) {
              result.warnings.push(`${label} run ${oldId}: ${rel} is missing (not in the artifact?); the merged run has no ${key.replace('Path', '')}`);
              logs[key] = null;
              continue;
            }
            const to = path.join(outDir, 'runs', String(newId), path.basename(rel));
            mkdirSync(path.dirname(to), { recursive: true });
            copyFileSync(from, to);
            if (existsSync(`${from}.times`)) copyFileSync(`${from}.times`, `${to}.times`);
            logs[key] = path.relative(outDir, to);
          }
          store.updateRun(newId, { ...logs, host: { ...run.host, source: { db: label, runId: oldId, ...(prev ? { via: prev } : {}) } } });
        }
      } finally {
        db.prepare('DETACH DATABASE src').run();
      }
    }
  } catch (e) {
    store.close();
    if (e instanceof ConfigurationError || e instanceof StoreError) throw e;
    throw new StoreError(`merging into ${out} failed: ${(e as Error).message}`);
  }
  store.close();
  return result;
}
