import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { IoTraceError, StoreError } from '../core/errors.js';
import { TraceStore } from '../store/store.js';

export const DEFAULT_DB = '.io-trace/trace.db';

/**
 * Where the database is: `--db FILE`, `--db DIR` (a downloaded artifact folder holding trace.db, or a
 * workspace holding .io-trace/trace.db), or the default `.io-trace/trace.db`.
 */
export function locateDatabase(cwd: string, db: string | undefined): string {
  const given = path.resolve(cwd, db ?? DEFAULT_DB);
  if (existsSync(given) && statSync(given).isDirectory()) {
    for (const candidate of [path.join(given, 'trace.db'), path.join(given, '.io-trace', 'trace.db')]) {
      if (existsSync(candidate)) return candidate;
    }
    throw new StoreError(`${given} is a directory without a trace.db (looked for trace.db and .io-trace/trace.db): pass --db FILE`);
  }
  return given;
}

/** Open a database for reading (triage never writes). */
export function openForTriage(file: string): TraceStore {
  const store = TraceStore.openExisting(file, { readonly: true });
  // Sorting a million accesses by time: keep the sorter in memory instead of spilling to temp files.
  for (const p of ['temp_store = MEMORY', 'cache_size = -131072', 'mmap_size = 1073741824']) {
    try {
      store.db.pragma(p);
    } catch {
      // a tuning, not a requirement
    }
  }
  return store;
}

/**
 * Run `fn` over an open database and turn SQLite's own failures (a truncated or corrupted file that
 * still opened) into a StoreError naming the file.
 */
export async function withDatabase<T>(file: string, fn: (store: TraceStore) => Promise<T> | T): Promise<T> {
  const store = openForTriage(file);
  try {
    return await fn(store);
  } catch (e) {
    if (e instanceof IoTraceError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/sqlite|database|malformed|no such (table|column)|disk image|not a database/i.test(msg) || (e as { code?: string }).code?.startsWith?.('ERR_SQLITE')) {
      throw new StoreError(`trace database ${file} is damaged or not an io-trace database: ${msg}`);
    }
    throw e;
  } finally {
    store.close();
  }
}
